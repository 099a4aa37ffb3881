"""Shared by the peer scripts: options, n-bit parity data, thread settings, the JSON result line.

Every peer trains Dense(hidden, relu) -> Dense(1, sigmoid) with MSE, Adam(1e-3, 0.9, 0.999, 1e-7)
and binary accuracy on all 2**bits rows of n-bit parity (bits=2 is the tutorial's XOR), shuffling
each epoch, then evaluates and predicts, and prints one JSON line with per-epoch wall times.
"""
import argparse
import json
import os


def options():
    p = argparse.ArgumentParser()
    p.add_argument("--epochs", type=int, default=1000)
    p.add_argument("--bits", type=int, default=2)
    p.add_argument("--hidden", type=int, default=16)
    p.add_argument("--batch", type=int, default=32)
    p.add_argument("--threads", type=int, default=1, help="intra-op threads; inter-op is 1")
    p.add_argument("--seed", type=int, default=42, help="the tutorial's seed; the first of --seeds")
    p.add_argument("--seeds", type=int, default=50, help="S, for the peers that train S seeds")
    p.add_argument("--inner", type=int, default=3, help="timed calls after the compile (jax_scan, jax_vmap)")
    a = p.parse_args()
    limit_threads(a.threads)
    return a


def limit_threads(n):
    """Environment for every runtime, set before any of them is imported."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    for v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[v] = str(n)
    os.environ["XLA_FLAGS"] = (
        "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1"
        if n == 1 else f"intra_op_parallelism_threads={n}")


def parity(bits):
    """float32 x [2**bits, bits] (row i = bits of i, MSB first) and y [2**bits, 1] = parity(i)."""
    import numpy as np
    i = np.arange(2 ** bits)
    x = ((i[:, None] >> np.arange(bits - 1, -1, -1)[None, :]) & 1).astype("float32")
    y = (np.array([bin(k).count("1") & 1 for k in i], dtype="float32"))[:, None]
    return x, y


def keras_model(a):
    """TensorFlow's threads, Keras's seed, the parity data and the Keras model (not compiled).

    Imports TensorFlow and Keras here, after options() has set the thread environment.
    Returns (tf, keras, model, x, y).
    """
    import tensorflow as tf
    tf.config.threading.set_intra_op_parallelism_threads(a.threads)
    tf.config.threading.set_inter_op_parallelism_threads(1)
    import keras
    keras.utils.set_random_seed(a.seed)
    x, y = parity(a.bits)
    model = keras.Sequential([keras.Input((a.bits,)),
                              keras.layers.Dense(a.hidden, activation="relu"),
                              keras.layers.Dense(1, activation="sigmoid")])
    return tf, keras, model, x, y


def emit(peer, epoch_s, losses, eval_loss, eval_acc, **extra):
    """The result line. extra: e.g. seeds=seeds_result(...) for the S-seed workload."""
    print(json.dumps({"peer": peer, "epoch_s": [round(t, 9) for t in epoch_s],
                      "loss_first": float(losses[0]), "loss_last": float(losses[-1]),
                      "eval_loss": float(eval_loss), "eval_acc": float(eval_acc), **extra}), flush=True)


def seeds_result(set_s, accs, losses, compile_s=None):
    """The S-seed workload's numbers, as `sweep` reports them: set_s = wall times of the whole set;
    accs/losses [S, epochs] per-epoch histories. A run succeeds if an epoch reached accuracy 1.0;
    first_epoch is 1-based, as in sweep's runs.csv (0 = never)."""
    import numpy as np
    accs, losses = np.asarray(accs), np.asarray(losses)
    hit = accs == 1.0
    first = np.where(hit.any(axis=1), hit.argmax(axis=1) + 1, 0)
    ok = first[first > 0]
    return {"seeds": int(accs.shape[0]), "set_s": [round(t, 6) for t in set_s],
            "compile_s": compile_s, "successes": int(len(ok)),
            "median_first_epoch": float(np.median(ok)) if len(ok) else None,
            "median_final_loss": float(np.median(losses[:, -1]))}
