"""Regenerates the small Keras-written test fixtures the Java unit tests read:

    python/run.sh make_fixtures.py [--out src/test/resources/io/github/tfjavaxor/interop]

Written (all from the tutorial model, seed 42, trained 50 full-batch epochs without shuffle, so the
weights are not the initial ones):
  xor.keras              keras model.save(...)
  xor.weights.h5         keras model.save_weights(...)
  xor_savedmodel/        keras model.export(...) (a TF SavedModel, signature serving_default)
  xor.expected.json      the weights (Keras order) and Keras's predictions for the 4 XOR inputs
Bad files, each for one rejection the Java reader must make:
  dropout.keras          a Sequential with a Dropout layer between the Dense layers
  softmax.keras          a Dense layer with an activation the port does not support (softmax)
  functional.keras       a Functional (non-Sequential) model of Dense layers
  missing_bias.weights.h5  xor.weights.h5 without layers/dense_1/vars/1

The .keras zips are rewritten with a fixed date in metadata.json and fixed zip timestamps, so a
rerun on the same machine and versions gives the same bytes.
"""
import argparse
import json
import os
import shutil
import sys
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

FIXED_DATE = (2025, 1, 1, 0, 0, 0)


def normalize_keras_zip(path):
    """Same content, fixed metadata date and zip entry times (reproducible bytes)."""
    with zipfile.ZipFile(path) as z:
        entries = [(n, z.read(n)) for n in z.namelist()]
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "metadata.json":
                meta = json.loads(data)
                meta["date_saved"] = "2025-01-01@00:00:00"
                data = json.dumps(meta).encode()
            if name == "config.json":
                # shared_object_id is a Python id(); drop it so reruns give the same bytes.
                cfg = json.loads(data)
                data = json.dumps(strip_ids(cfg)).encode()
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(tmp, path)


def strip_ids(obj):
    if isinstance(obj, dict):
        return {k: strip_ids(v) for k, v in obj.items() if k != "shared_object_id"}
    if isinstance(obj, list):
        return [strip_ids(v) for v in obj]
    return obj


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "src", "test", "resources", "io", "github",
                               "tfjavaxor", "interop")
    p = argparse.ArgumentParser()
    p.add_argument("--out", default=default_out)
    a = p.parse_args(argv)
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)

    import h5py
    import keras
    import numpy as np
    import xor_keras3

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")

    model = xor_keras3.build(42)
    xor_keras3.compile_model(model, 0.001)
    model.fit(x, y, epochs=50, shuffle=False, verbose=0)

    keras_path = os.path.join(out, "xor.keras")
    model.save(keras_path)
    normalize_keras_zip(keras_path)
    weights_path = os.path.join(out, "xor.weights.h5")
    model.save_weights(weights_path)
    saved_dir = os.path.join(out, "xor_savedmodel")
    shutil.rmtree(saved_dir, ignore_errors=True)
    model.export(saved_dir, verbose=False)
    with open(os.path.join(out, "xor.expected.json"), "w") as f:
        json.dump({
            "keras_version": keras.__version__,
            "weights": [w.tolist() for w in model.get_weights()],
            "predictions": model.predict(x, verbose=0).tolist(),
        }, f, indent=1)

    # Bad files; explicit names where the Java tests quote them.
    keras.utils.set_random_seed(1)
    bad = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(16, activation="relu"),
                            keras.layers.Dropout(0.5, name="dropout"),
                            keras.layers.Dense(1, activation="sigmoid")])
    bad.save(os.path.join(out, "dropout.keras"))
    normalize_keras_zip(os.path.join(out, "dropout.keras"))

    bad = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(16, activation="relu"),
                            keras.layers.Dense(2, activation="softmax", name="probabilities")])
    bad.save(os.path.join(out, "softmax.keras"))
    normalize_keras_zip(os.path.join(out, "softmax.keras"))

    inputs = keras.Input(shape=(2,))
    hidden = keras.layers.Dense(16, activation="relu")(inputs)
    outputs = keras.layers.Dense(1, activation="sigmoid")(hidden)
    bad = keras.Model(inputs, outputs)
    bad.save(os.path.join(out, "functional.keras"))
    normalize_keras_zip(os.path.join(out, "functional.keras"))

    missing = os.path.join(out, "missing_bias.weights.h5")
    shutil.copyfile(weights_path, missing)
    with h5py.File(missing, "a") as h:
        del h["layers/dense_1/vars/1"]

    for root, _, files in os.walk(out):
        for name in sorted(files):
            path = os.path.join(root, name)
            print(f"{os.path.getsize(path):8d}  {os.path.relpath(path, out)}")


if __name__ == "__main__":
    main()
