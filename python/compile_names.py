"""Compiles the XOR model in Keras 3 with the losses and metrics named as a user writes them, for
the Java test of Keras's names (LiveKerasCompileNamesTest): what Keras logs in fit's history and
evaluate(return_dict=True), its metrics_names, and what it saves as compile_config.

    python/run.sh compile_names.py --cases cases.json --out DIR [--seed 42] [--epochs 20]

cases.json: {"cases": [{"loss": L, "metrics": [M, ...] or null, "units": 1,
                        "activation": "sigmoid"}]}
where L and each M is a name ("mse", "accuracy", ...) or {"class": "BinaryAccuracy", "name": N}
for keras.losses / keras.metrics objects (name optional). units 1 trains on the XOR targets y,
units 2 on [y, 1 - y]. Per case i (0-based) the script writes to DIR:
  case-i.init.weights.h5  the initial weights, drawn after keras.utils.set_random_seed(seed)
  case-i.keras            the model after fit (Dense(16, relu) -> Dense(units, activation),
                          Adam defaults, full batch, no shuffle, jit_compile=False)
  case-i.h5               the same model saved in Keras's legacy HDF5 format
and one report, DIR/report.json: per case "history" (every key), "evaluate_list" and
"evaluate_dict" (after fit), "metrics_names" and "compile_config" (from case-i.keras); float32
values written exactly, as Python floats. A case Keras refuses has "error" instead.
"""
import argparse
import json
import os
import zipfile

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", required=True, help="the cases (.json)")
    p.add_argument("--out", required=True, help="directory for the files and report.json")
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--epochs", type=int, default=20)
    a = p.parse_args(argv)
    with open(a.cases) as f:
        cases = json.load(f)["cases"]

    import keras
    import numpy as np

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y1 = np.array([[0], [1], [1], [0]], "float32")

    def obj(module, spec):
        if isinstance(spec, str):
            return spec
        kwargs = {"name": spec["name"]} if "name" in spec else {}
        return getattr(module, spec["class"])(**kwargs)

    report = []
    for i, c in enumerate(cases):
        units = c.get("units", 1)
        y = y1 if units == 1 else np.concatenate([y1, 1 - y1], axis=1)
        keras.utils.set_random_seed(a.seed)
        model = keras.Sequential([
            keras.Input(shape=(2,)),
            keras.layers.Dense(16, activation="relu"),
            keras.layers.Dense(units, activation=c.get("activation", "sigmoid")),
        ])
        init = os.path.join(a.out, f"case-{i}.init.weights.h5")
        model.save_weights(init)
        try:
            model.compile(loss=obj(keras.losses, c["loss"]), optimizer="adam",
                          metrics=None if c["metrics"] is None
                          else [obj(keras.metrics, m) for m in c["metrics"]],
                          jit_compile=False)
            h = model.fit(x, y, epochs=a.epochs, shuffle=False, verbose=0)
        except ValueError as e:
            report.append({"error": str(e)})
            continue
        ev_list = model.evaluate(x, y, verbose=0)
        ev_dict = model.evaluate(x, y, verbose=0, return_dict=True)
        saved = os.path.join(a.out, f"case-{i}.keras")
        model.save(saved)
        model.save(os.path.join(a.out, f"case-{i}.h5"))  # the legacy HDF5 format
        with zipfile.ZipFile(saved) as z:
            cc = json.loads(z.read("config.json"))["compile_config"]
        report.append({
            "history": {k: [float(v) for v in vs] for k, vs in h.history.items()},
            "evaluate_list": [float(v) for v in np.atleast_1d(ev_list)],
            "evaluate_dict": {k: float(v) for k, v in ev_dict.items()},
            "metrics_names": list(model.metrics_names),
            "compile_config": {k: cc[k] for k in ("loss", "metrics")},
        })
    with open(os.path.join(a.out, "report.json"), "w") as f:
        json.dump({"keras_version": keras.__version__, "cases": report}, f)


if __name__ == "__main__":
    main()
