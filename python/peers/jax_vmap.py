"""JAX: jax.vmap of the whole-run lax.scan over S seeds, jitted: all S runs train in one call.

Seeds --seed .. --seed+S-1, each run's own initial weights and shuffles from PRNGKey(seed), the
same per-run function as jax_scan.py, so run i equals jax_scan's run of that seed up to XLA's
batched rounding. It reports the S-seed workload only (epoch_s is empty).
"""
import common

a = common.options()
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402
import numpy as np  # noqa: E402

import jax_common as jc  # noqa: E402

keys = jax.vmap(jax.random.PRNGKey)(jnp.arange(a.seed, a.seed + a.seeds))
_, compile_s, sets, (params, losses, accs) = jc.compile_and_time(jax.vmap(jc.run_fn(a)), keys, a.inner)
seeds = common.seeds_result(sets, accs, losses, compile_s)
first = jax.tree_util.tree_map(lambda v: v[0], params)  # the run of seed --seed
common.emit("jax_vmap", [], np.asarray(losses[0]), *jc.evaluate(first, a),
            compile_s=compile_s, acc_last=float(accs[0, -1]), seeds_workload=seeds)
