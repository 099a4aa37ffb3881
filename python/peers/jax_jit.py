"""JAX: one jit-compiled function per epoch (shuffle + lax.scan over batches of Adam steps)."""
import time

import common

a = common.options()
import jax  # noqa: E402

import jax_common as jc  # noqa: E402

x, y, batch, nb = jc.data(a.bits, a.batch)
state, kshuf = jc.init(jax.random.PRNGKey(a.seed), a.bits, a.hidden)
epoch = jax.jit(jc.epoch_fn(x, y, batch, nb))
times, losses = [], []
for e in range(a.epochs):
    t0 = time.perf_counter()
    state, loss, acc = epoch(state, jax.random.fold_in(kshuf, e))
    losses.append(float(loss))  # waits for the result, as the others' .item()/float() do
    times.append(time.perf_counter() - t0)
common.emit("jax", times, losses, *jc.evaluate(state[0], a))
