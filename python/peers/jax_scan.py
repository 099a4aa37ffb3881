"""JAX: the whole run (all epochs) as one jitted lax.scan, keeping every epoch's loss and accuracy.

The tutorial: the compiled run is called --inner times from seed --seed; per epoch = call time /
epochs. S seeds (--seeds S > 0): then the same compiled run called once per seed --seed ..
--seed+S-1 in a Python loop, --inner times.
"""
import time

import common

a = common.options()
import jax  # noqa: E402
import numpy as np  # noqa: E402

import jax_common as jc  # noqa: E402

run, compile_s, calls, (params, losses, accs) = jc.compile_and_time(
    jc.run_fn(a), jax.random.PRNGKey(a.seed), a.inner)
extra = {}
if a.seeds > 0:
    sets = []
    for _ in range(a.inner):
        t0 = time.perf_counter()
        hist = [run(jax.random.PRNGKey(s)) for s in range(a.seed, a.seed + a.seeds)]
        jax.block_until_ready(hist)
        sets.append(time.perf_counter() - t0)
    extra["seeds_workload"] = common.seeds_result(sets, np.stack([h[2] for h in hist]),
                                                  np.stack([h[1] for h in hist]), compile_s)
common.emit("jax_scan", [t / a.epochs for t in calls], np.asarray(losses), *jc.evaluate(params, a),
            compile_s=compile_s, acc_last=float(accs[-1]), **extra)
