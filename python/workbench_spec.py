"""The Java workbench's model and data flags, interpreted as the Java side interprets them, so that
xor_keras3.py and the Java port build the same model on the same rows.

Mirrors src/main/java/io/github/tfjavaxor/workbench/FlagValues.java and ModelSpec.java (model) and
datasets/LogicGates.java and Parity.java (data). Every check here is pure Python: no Keras import.

    layers("16,8") -> [16, 8]; layers("0") -> []
    activations("relu", 2) -> ["relu", "relu"]
    dataset("parity:3") -> (x float32 [8, 3], y float32 [8, 1])
"""
import re

ACTIVATIONS = ("relu", "sigmoid", "tanh", "linear", "elu", "selu", "relu6", "softsign")
# Keras's own names (keras.losses.get / keras.metrics.get: function or snake_case name, class
# name, short aliases; case-sensitive), those Loss.java and Metric.java take. They are passed to
# compile() as written, so Keras logs a metric under the name the user wrote, as Java does.
LOSSES = ("mean_squared_error", "MeanSquaredError", "mse", "MSE",
          "mean_absolute_error", "MeanAbsoluteError", "mae", "MAE",
          "binary_crossentropy", "BinaryCrossentropy", "bce", "BCE")
METRICS = ("binary_accuracy", "BinaryAccuracy", "categorical_accuracy", "CategoricalAccuracy",
           "mean_squared_error", "MeanSquaredError", "mse", "MSE",
           "mean_absolute_error", "MeanAbsoluteError", "mae", "MAE",
           "binary_crossentropy", "BinaryCrossentropy", "bce", "BCE")
# Resolved by Keras from the output's shape, in any case (compile_utils.get_loss / get_metric).
SHAPE_LOSSES = ("crossentropy", "ce")
SHAPE_METRICS = ("accuracy", "acc")
OPTIMIZERS = ("adam", "sgd", "rmsprop")
GATES = {"xor": lambda a, b: a ^ b, "and": lambda a, b: a & b, "or": lambda a, b: a | b,
         "nand": lambda a, b: 1 - (a & b), "nor": lambda a, b: 1 - (a | b),
         "xnor": lambda a, b: 1 - (a ^ b)}
PARITY_MAX_BITS = 20


class SpecError(ValueError):
    """A bad flag value; the message names the flag, what was expected and what was found."""


def _items(flag, value, separators="[,-]"):
    if value is None or not value.strip():
        raise SpecError(f"{flag}: expected a value, found an empty string")
    items = [s.strip() for s in re.split(separators, value)]
    if any(not s for s in items):
        raise SpecError(f"{flag}: expected no empty items, found '{value}'")
    return items


def layers(value, flag="--layers"):
    """Hidden sizes: '16', '16,8' or '16-8'; '0' or 'none' for no hidden layer."""
    v = (value or "").strip()
    if v == "0" or v.lower() == "none":
        return []
    units = []
    for s in _items(flag, v):
        try:
            u = int(s)
        except ValueError:
            raise SpecError(f"{flag}: expected positive integers such as 16 or 16,8, found '{s}'")
        if u < 1:
            raise SpecError(f"{flag}: expected unit counts >= 1, found {u}")
        units.append(u)
    return units


def activations(value, count, flag="--activation"):
    """One activation for every hidden layer, or one per layer."""
    acts = [a.lower() for a in _items(flag, value)]
    if len(acts) == 1:
        acts = acts * count
    elif len(acts) != count:
        raise SpecError(f"{flag}: expected one activation for all hidden layers or one per layer"
                        f" ({count}), found {len(acts)}: {acts}")
    for a in acts:
        name(a, ACTIVATIONS, flag)
    return acts


def name(value, known, flag):
    """A name from `known` (a tuple, or a dict of aliases to names), case-insensitive."""
    key = (value or "").strip().lower()
    if key not in known:
        names = ", ".join(dict.fromkeys(known.values() if isinstance(known, dict) else known))
        raise SpecError(f"{flag}: unknown name '{value}'; expected one of {names}")
    return known[key] if isinstance(known, dict) else key


def loss(value):
    """A Keras loss name, returned as written (compile(loss=...) takes it as is)."""
    v = (value or "").strip()
    if v in LOSSES or v.lower() in SHAPE_LOSSES:
        return v
    raise SpecError(f"--loss: unknown name '{value}'; expected one of"
                    f" {', '.join(LOSSES[::4])}")


def metrics(value):
    """Comma-separated Keras metric names, as written; '' for none. Each name may appear once."""
    if value is None or not value.strip():
        return []
    ms = _items("--metrics", value, ",")
    for m in ms:
        if m not in METRICS and m.lower() not in SHAPE_METRICS:
            raise SpecError(f"--metrics: unknown name '{m}'; expected one of accuracy,"
                            f" {', '.join(METRICS[::2][:2] + METRICS[4::4])}")
    if len(set(ms)) != len(ms):
        raise SpecError(f"--metrics: each name may appear once, found {ms}")
    return ms


def check_data(value):
    """Checks a built-in data set name without building it; returns the lower-case key."""
    key = (value or "").strip().lower()
    if key in GATES:
        return key
    if not key.startswith("parity:"):
        raise SpecError(f"--data: expected one of {', '.join(GATES)}, parity:N"
                        f" (N in 1..{PARITY_MAX_BITS}), found '{value}'")
    n = key[len("parity:"):]
    try:
        bits = int(n)
    except ValueError:
        raise SpecError(f"--data parity:N: expected an integer N in 1..{PARITY_MAX_BITS},"
                        f" found '{n}'")
    if not 1 <= bits <= PARITY_MAX_BITS:
        raise SpecError(f"--data parity:N: expected N in 1..{PARITY_MAX_BITS}, found {bits}")
    return key


def rows(value):
    """The number of rows of a built-in data set."""
    key = check_data(value)
    return 4 if key in GATES else 2 ** int(key[len("parity:"):])


def dataset(value):
    """float32 x [rows, features] and y [rows, 1], in the Java data set's row order."""
    import numpy as np
    key = check_data(value)
    if key in GATES:
        i = np.arange(4)
        a, b = i >> 1, i & 1
        x = np.stack([a, b], axis=1)
        y = GATES[key](a, b)[:, None]
    else:
        bits = int(key[len("parity:"):])
        i = np.arange(2 ** bits)
        x = (i[:, None] >> np.arange(bits - 1, -1, -1)[None, :]) & 1
        y = (np.array([bin(k).count("1") for k in i]) & 1)[:, None]
    return x.astype("float32"), y.astype("float32")


def arrays(value, flag):
    """X.npy,Y.npy: float32 x [rows, features] and y [rows, targets] with the same rows."""
    import numpy as np
    parts = _items(flag, value, ",")
    if len(parts) != 2:
        raise SpecError(f"{flag}: expected X.npy,Y.npy, found '{value}'")
    try:
        x, y = (np.load(p) for p in parts)
    except (OSError, ValueError) as e:
        raise SpecError(f"{flag}: cannot read: {e}")
    for name, arr in zip(parts, (x, y)):
        if arr.dtype != np.float32 or arr.ndim != 2 or arr.shape[0] < 1:
            raise SpecError(f"{flag}: {name}: expected float32 [rows, columns], found"
                            f" {arr.dtype} {list(arr.shape)}")
    if x.shape[0] != y.shape[0]:
        raise SpecError(f"{flag}: expected the same rows in X and Y, found {x.shape[0]} and"
                        f" {y.shape[0]}")
    return x, y


def split_at(n, validation_split):
    """Training rows left by validation_split, as Keras's train_validation_split computes them
    (keras/src/trainers/data_adapters/array_slicing.py): floor(n * (1 - split)), and neither side
    may be empty. A split of 0 keeps every row."""
    import math
    if not 0 <= validation_split < 1:
        raise SpecError(f"--validation-split: expected a fraction in [0, 1), found {validation_split}")
    if validation_split == 0:
        return n
    at = int(math.floor(n * (1.0 - validation_split)))
    if at == 0 or at == n:
        raise SpecError(f"--validation-split: {validation_split} of {n} rows leaves {at} training"
                        f" and {n - at} validation rows; expected at least one of each")
    return at
