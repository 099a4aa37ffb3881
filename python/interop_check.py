"""Loads a model file with Keras/TensorFlow and prints what it predicts for the four XOR inputs,
as JSON on stdout. Used by the Java interop tests to check that Keras accepts files Java wrote.

    python/run.sh interop_check.py weights FILE.weights.h5 [--layers 16:relu,1:sigmoid]
    python/run.sh interop_check.py model FILE.keras
    python/run.sh interop_check.py savedmodel DIR

Output: {"predictions": [[p], ...], "weights": [[...], ...] (weights/model only),
         "layers": [...] and, if compiled, "loss", "optimizer", "learning_rate" and "iterations"
         (model only), "outputs": [...] (savedmodel only)}; float32 values are
written exactly as Python floats. Exit status 1 with the Keras error on stderr if loading fails.
"""
import argparse
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

XOR = [[0, 0], [0, 1], [1, 0], [1, 1]]


def floats(a):
    import numpy as np
    return np.asarray(a, dtype="float32").tolist()


def main(argv=None):
    p = argparse.ArgumentParser()
    p.add_argument("kind", choices=("weights", "model", "savedmodel"))
    p.add_argument("path")
    p.add_argument("--layers", default="16:relu,1:sigmoid",
                   help="units:activation,... of the Dense stack for 'weights' (input size 2)")
    a = p.parse_args(argv)
    import numpy as np
    x = np.array(XOR, "float32")
    out = {}
    if a.kind == "savedmodel":
        import tensorflow as tf
        loaded = tf.saved_model.load(a.path)
        fn = loaded.signatures["serving_default"]
        (name, spec), = fn.structured_input_signature[1].items()
        result = fn(**{name: tf.constant(x)})
        out["input"] = name
        out["outputs"] = sorted(result.keys())
        out["predictions"] = floats(result[out["outputs"][0]].numpy())
    else:
        import keras
        if a.kind == "weights":
            layers = [keras.Input(shape=(2,))]
            for spec in a.layers.split(","):
                units, act = spec.split(":")
                layers.append(keras.layers.Dense(int(units), activation=act))
            model = keras.Sequential(layers)
            model.load_weights(a.path)
        else:
            model = keras.models.load_model(a.path)
            out["layers"] = [{"class_name": l.__class__.__name__, "name": l.name,
                              "units": l.units, "activation": l.activation.__name__}
                             for l in model.layers]
            out["compiled"] = model.compiled
            if model.compiled:
                out["loss"] = model.loss
                out["optimizer"] = model.optimizer.get_config()["name"]
                out["learning_rate"] = float(model.optimizer.learning_rate.numpy())
                out["iterations"] = int(model.optimizer.iterations.numpy())
        out["weights"] = [floats(w) for w in model.get_weights()]
        out["predictions"] = floats(model.predict(x, verbose=0))
    json.dump(out, sys.stdout)
    print()


if __name__ == "__main__":
    main()
