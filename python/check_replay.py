"""Proves, against live Keras, that replay.fit is Keras's shuffle=True training with the given row
orders, and measures it against the alternatives. Prints one JSON object (and a readable summary
on stderr); exit 1 if any comparison is not bit-identical.

    python/run.sh check_replay.py [--epochs 100] [--timing-epochs 200]

Comparisons, every History key (val_ included) compared as float32 bits:
  keras-shuffle   Keras's own fit(shuffle=True, validation_split=...) with tf.random.shuffle, the
                  one call ArrayDataAdapter makes per epoch, patched to return our order for that
                  epoch, against replay.fit with the same orders and the split rows as
                  validation_data: the same training, the same split
  identity        replay.fit with identity orders against plain fit(shuffle=False)
  per-epoch-fit   one fit(initial_epoch=e, epochs=e+1, shuffle=False) per epoch on the rows
                  pre-permuted by orders[e] against replay.fit
Each on XOR in one batch (the tutorial) and on parity:3 (8 rows) with batch size 3 and
validation_split 0.25 (6 training rows: batches of 3 and 3; 2 validation rows), and on parity:3
with batch size 4 and no split (batches 4, 4). Timing: the tutorial model on XOR for
--timing-epochs epochs with plain fit, replay.fit, per-epoch fit and a keras.utils.PyDataset.
"""
import argparse
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

CASES = [  # name, data, batch size, validation split
    ("xor, one batch", "xor", 32, 0.0),
    ("parity:3, batch 3, validation_split 0.25", "parity:3", 3, 0.25),
    ("parity:3, batch 4", "parity:3", 4, 0.0),
]


def model(inputs, seed=42):
    import xor_keras3
    m = xor_keras3.build(seed, inputs, (8, 4), ("tanh", "relu"))
    xor_keras3.compile_model(m, 0.01, "mean_squared_error", "rmsprop",
                             ("binary_accuracy", "mean_squared_error"))
    return m


def bits(history):
    import numpy as np
    return {k: np.asarray(v, "float32").view("int32").tolist() for k, v in history.items()}


def same(h1, h2):
    return bits(h1.history) == bits(h2.history)


def keras_shuffle(x, y, orders, batch_size, split, epochs):
    """Keras's fit(shuffle=True) with tf.random.shuffle patched to hand out orders[e]."""
    import tensorflow as tf
    table = tf.constant(orders, tf.int64)
    calls = tf.Variable(0, dtype=tf.int64)

    def fixed_shuffle(value, seed=None, name=None):
        return tf.gather(table, calls.assign_add(1) - 1)

    real = tf.random.shuffle
    tf.random.shuffle = fixed_shuffle
    try:
        m = model(x.shape[1])
        h = m.fit(x, y, batch_size=batch_size, epochs=epochs, shuffle=True,
                  validation_split=split, verbose=0)
    finally:
        tf.random.shuffle = real
    return h, int(calls.numpy())


def per_epoch_fit(x, y, orders, batch_size, val, epochs):
    import types
    m = model(x.shape[1])
    merged = {}
    for e in range(epochs):
        h = m.fit(x[orders[e]], y[orders[e]], batch_size=batch_size, epochs=e + 1,
                  initial_epoch=e, shuffle=False, validation_data=val, verbose=0)
        for k, v in h.history.items():
            merged.setdefault(k, []).extend(v)
    return types.SimpleNamespace(history=merged)


def check(epochs):
    import numpy as np
    import replay
    import workbench_spec as spec
    results = []
    for name, data, bs, split in CASES:
        x, y = spec.dataset(data)
        n = spec.split_at(len(x), split)
        val = (x[n:], y[n:]) if n < len(x) else None
        orders = replay.orders(7, epochs, n)
        replayed = replay.fit(model(x.shape[1]), x[:n], y[:n], orders, epochs=epochs,
                              batch_size=bs, verbose=0, validation_data=val)
        own, calls = keras_shuffle(x, y, orders, bs, split, epochs)
        identity = np.tile(np.arange(n), (epochs, 1))
        plain = model(x.shape[1]).fit(x, y, batch_size=bs, epochs=epochs, shuffle=False,
                                      validation_split=split, verbose=0)
        ident = replay.fit(model(x.shape[1]), x[:n], y[:n], identity, epochs=epochs,
                           batch_size=bs, verbose=0, validation_data=val)
        per_epoch = per_epoch_fit(x[:n], y[:n], orders, bs, val, epochs)
        results.append({
            "case": name, "keys": sorted(replayed.history),
            "keras_shuffle_calls": calls,
            "keras-shuffle": same(own, replayed), "identity": same(plain, ident),
            "per-epoch-fit": same(per_epoch, replayed),
            "shuffled_differs_from_unshuffled": not same(replayed, plain),
        })
    return results


def timing(epochs):
    import keras
    import numpy as np
    import replay
    import workbench_spec as spec
    import xor_keras3
    x, y = spec.dataset("xor")
    orders = replay.orders(7, epochs, 4)

    def tutorial():
        m = xor_keras3.build(42)
        xor_keras3.compile_model(m, 0.001)
        return m

    class Batches(keras.utils.PyDataset):
        def __init__(self):
            super().__init__()
            self.epoch = -1

        def __len__(self):
            return 1

        def on_epoch_begin(self):
            self.epoch += 1

        def __getitem__(self, i):
            o = orders[max(self.epoch, 0)]
            return x[o], y[o]

    runs = {
        "plain fit(shuffle=True)": lambda m: m.fit(x, y, epochs=epochs, verbose=0),
        "replay.fit (tf.data, one fit)": lambda m: replay.fit(m, x, y, orders, epochs=epochs,
                                                                batch_size=32, verbose=0),
        "one fit per epoch": lambda m: [m.fit(x[orders[e]], y[orders[e]], epochs=e + 1,
                                              initial_epoch=e, shuffle=False, verbose=0)
                                        for e in range(epochs)],
        "keras.utils.PyDataset (one fit)": lambda m: m.fit(Batches(), epochs=epochs, verbose=0),
    }
    out = {}
    for name, run in runs.items():
        m = tutorial()
        t = time.perf_counter()
        run(m)
        out[name] = round(time.perf_counter() - t, 2)
    out["epochs"] = epochs
    return out


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=100)
    p.add_argument("--timing-epochs", type=int, default=200, help="0 to skip the timing")
    a = p.parse_args(argv)
    results = check(a.epochs)
    report = {"epochs": a.epochs, "checks": results,
              "timing_s": timing(a.timing_epochs) if a.timing_epochs else None}
    for r in results:
        print(f"{r['case']}: keras-shuffle {r['keras-shuffle']} ({r['keras_shuffle_calls']}"
              f" tf.random.shuffle calls), identity {r['identity']}, per-epoch-fit"
              f" {r['per-epoch-fit']}; keys {r['keys']}", file=sys.stderr)
    print(json.dumps(report))
    ok = all(r[k] for r in results for k in ("keras-shuffle", "identity", "per-epoch-fit"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
