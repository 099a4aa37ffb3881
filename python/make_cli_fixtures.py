"""Regenerates the Keras-written fixtures of the CLI and the reader's rejections (issue 10):

    python/run.sh make_cli_fixtures.py [--out src/test/resources/io/github/tfjavaxor/interop]

Written next to make_fixtures.py's files:
  stored.keras      the tutorial model (seed 42, 50 full-batch epochs, no shuffle), saved by
                    model.save(...) as Keras writes it: every zip entry STORED, optimizer state in
                    model.weights.h5 (the byte-flip test mutates this file)
  untrained.keras   the tutorial model, compiled, never fit: optimizer iterations and learning
                    rate only, no slots
  uncompiled.keras  the tutorial model, never compiled: no compile_config, no optimizer
  conv2d.keras      a Sequential with a Conv2D first layer (input (28, 28, 1))
  nobias.keras      a Sequential whose Dense layer has use_bias=False
  subclassed.keras  a subclassed keras.Model (registered as tfjava_xor>TwoDense)
  adamw.keras       the tutorial model compiled with AdamW(0.01), binary_crossentropy and
                    metrics=["accuracy"], 20 epochs: an optimizer the port lacks
  frozen.keras      the same with Adam and the hidden layer trainable=False: fewer optimizer slots

Only metadata.json's date and the zip times are fixed (entries stay STORED), so reruns on the
same versions give the same bytes.
"""
import argparse
import json
import os
import sys
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from make_fixtures import FIXED_DATE, strip_ids  # noqa: E402


def normalize_stored(path):
    """Fixed date and zip times; entries STORED, as model.save writes them."""
    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, i.compress_type, z.read(i.filename)) for i in z.infolist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w") as z:
        for name, compress, data in entries:
            if name == "metadata.json":
                meta = json.loads(data)
                meta["date_saved"] = "2025-01-01@00:00:00"
                data = json.dumps(meta).encode()
            if name == "config.json":
                data = json.dumps(strip_ids(json.loads(data))).encode()
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = compress
            z.writestr(info, data)
    os.replace(tmp, path)


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "src", "test", "resources", "io", "github",
                               "tfjavaxor", "interop")
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=default_out)
    out = os.path.abspath(p.parse_args(argv).out)
    os.makedirs(out, exist_ok=True)

    import keras
    import numpy as np
    import xor_keras3

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")

    def save(model, name):
        # Each model is made after keras.backend.clear_session(), so names start at 'sequential'.
        path = os.path.join(out, name)
        model.save(path)
        normalize_stored(path)

    keras.backend.clear_session()
    model = xor_keras3.build(42)
    xor_keras3.compile_model(model, 0.001)
    model.fit(x, y, epochs=50, shuffle=False, verbose=0)
    save(model, "stored.keras")

    keras.backend.clear_session()
    model = xor_keras3.build(42)
    xor_keras3.compile_model(model, 0.001)
    save(model, "untrained.keras")

    keras.backend.clear_session()
    save(xor_keras3.build(42), "uncompiled.keras")

    keras.backend.clear_session()
    keras.utils.set_random_seed(1)
    save(keras.Sequential([keras.Input(shape=(28, 28, 1)), keras.layers.Conv2D(4, 3),
                           keras.layers.Flatten(), keras.layers.Dense(1)]), "conv2d.keras")
    keras.backend.clear_session()
    save(keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(16, activation="relu"),
                           keras.layers.Dense(1, activation="sigmoid", use_bias=False)]),
         "nobias.keras")

    @keras.saving.register_keras_serializable(package="tfjava_xor")
    class TwoDense(keras.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.hidden = keras.layers.Dense(16, activation="relu")
            self.out = keras.layers.Dense(1, activation="sigmoid")

        def call(self, inputs):
            return self.out(self.hidden(inputs))

    keras.backend.clear_session()
    sub = TwoDense()
    sub(x)
    save(sub, "subclassed.keras")

    for name, optimizer, frozen in [("adamw.keras", keras.optimizers.AdamW(0.01), False),
                                    ("frozen.keras", "adam", True)]:
        keras.backend.clear_session()
        model = xor_keras3.build(42)
        model.layers[0].trainable = not frozen
        model.compile(loss="binary_crossentropy", optimizer=optimizer, metrics=["accuracy"])
        model.fit(x, y, epochs=20, shuffle=False, verbose=0)
        save(model, name)

    for name in ["stored.keras", "untrained.keras", "uncompiled.keras", "conv2d.keras", "nobias.keras",
                 "subclassed.keras", "adamw.keras", "frozen.keras"]:
        print(f"{os.path.getsize(os.path.join(out, name)):8d}  {name}")


if __name__ == "__main__":
    main()
