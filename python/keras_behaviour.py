"""Keras 3's behaviour beyond one fit, on the tutorial model, for the Java tests to compare with.

    python/run.sh keras_behaviour.py --seed 42 --init-weights init.weights.h5 --report out.json

From the weights Keras draws for --seed (saved to --init-weights before anything trains):
  recompile: fit 5 epochs (mse, Adam 0.001), compile again (mae, Adam 0.01), fit 3 more;
  zero:      fit(epochs=0) on a fresh copy, then evaluate.
All fits are full batch (4 rows), shuffle=False, silent. The report holds every History, the
evaluate results and the weights after the recompile run, float32 values written exactly.
"""
import argparse
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--init-weights", required=True)
    p.add_argument("--report", required=True)
    a = p.parse_args(argv)
    import keras
    import numpy as np
    from xor_keras3 import build

    x = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], "float32")
    y = np.array([[0], [1], [1], [0]], "float32")
    f32 = lambda v: [float(np.float32(e)) for e in v]

    def compiled(model, loss, lr):
        model.compile(loss=loss, optimizer=keras.optimizers.Adam(learning_rate=lr),
                      metrics=["binary_accuracy"], jit_compile=False)
        return model

    model = build(a.seed)
    model.save_weights(a.init_weights)
    compiled(model, "mean_squared_error", 0.001)
    first = model.fit(x, y, epochs=5, shuffle=False, verbose=0).history
    compiled(model, "mean_absolute_error", 0.01)
    second = model.fit(x, y, epochs=3, shuffle=False, verbose=0).history
    after = model.evaluate(x, y, verbose=0)

    fresh = compiled(build(a.seed), "mean_squared_error", 0.001)
    fresh.load_weights(a.init_weights)
    zero = fresh.fit(x, y, epochs=0, verbose=0)
    report = {
        "recompile": {
            "first": {k: f32(v) for k, v in first.items()},
            "second": {k: f32(v) for k, v in second.items()},
            "evaluate": f32(after),
            "weights": [f32(w.ravel()) for w in model.get_weights()],
        },
        "zero": {
            "history": zero.history,
            "epoch": zero.epoch,
            "evaluate": f32(fresh.evaluate(x, y, verbose=0)),
        },
    }
    with open(a.report, "w") as f:
        json.dump(report, f)


if __name__ == "__main__":
    main()
