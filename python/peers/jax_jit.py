"""JAX: one jit-compiled function per epoch (shuffle + lax.scan over batches of Adam steps)."""
import time

import common

a = common.options()
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

x, y = (jnp.asarray(v) for v in common.parity(a.bits))
n = x.shape[0]
batch = min(a.batch, n)
if n % batch:
    raise SystemExit(f"jax peer: rows {n} must be a multiple of the batch size {batch}")
nb = n // batch
k0, k1, kshuf = jax.random.split(jax.random.PRNGKey(a.seed), 3)


def glorot(k, fan_in, fan_out):
    lim = (6.0 / (fan_in + fan_out)) ** 0.5
    return jax.random.uniform(k, (fan_in, fan_out), jnp.float32, -lim, lim)


params = {"w1": glorot(k0, a.bits, a.hidden), "b1": jnp.zeros(a.hidden),
          "w2": glorot(k1, a.hidden, 1), "b2": jnp.zeros(1)}
zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
state = (params, zeros, zeros, jnp.zeros((), jnp.int32))


def forward(p, xb):
    return jax.nn.sigmoid(jax.nn.relu(xb @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"])


def loss_fn(p, xb, yb):
    pred = forward(p, xb)
    return jnp.mean((yb - pred) ** 2), pred


def adam(state, g, lr=1e-3, b1=0.9, b2=0.999, eps=1e-7):
    p, m, v, t = state
    t = t + 1
    m = jax.tree_util.tree_map(lambda m, g: b1 * m + (1 - b1) * g, m, g)
    v = jax.tree_util.tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, v, g)
    lr_t = lr * jnp.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    p = jax.tree_util.tree_map(lambda p, m, v: p - lr_t * m / (jnp.sqrt(v) + eps), p, m, v)
    return p, m, v, t


@jax.jit
def epoch(state, key):
    perm = jax.random.permutation(key, n) if nb > 1 else jnp.arange(n)
    xs, ys = x[perm].reshape(nb, batch, -1), y[perm].reshape(nb, batch, 1)

    def step(state, b):
        xb, yb = b
        (loss, pred), g = jax.value_and_grad(loss_fn, has_aux=True)(state[0], xb, yb)
        acc = jnp.mean(((pred > 0.5).astype(jnp.float32) == yb).astype(jnp.float32))
        return adam(state, g), (loss, acc)

    state, (losses, accs) = jax.lax.scan(step, state, (xs, ys))
    return state, jnp.mean(losses), jnp.mean(accs)


times, losses = [], []
for e in range(a.epochs):
    t0 = time.perf_counter()
    state, loss, acc = epoch(state, jax.random.fold_in(kshuf, e))
    losses.append(float(loss))  # waits for the result, as the others' .item()/float() do
    times.append(time.perf_counter() - t0)
eval_loss, pred = jax.jit(loss_fn)(state[0], x, y)
eval_acc = jnp.mean(((pred > 0.5).astype(jnp.float32) == y).astype(jnp.float32))
common.emit("jax", times, losses, float(eval_loss), float(eval_acc))
