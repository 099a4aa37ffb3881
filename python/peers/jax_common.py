"""The tutorial in JAX, shared by the JAX peers: parameters, forward pass, MSE, Keras's Adam, one epoch.

Dense(hidden, relu) -> Dense(1, sigmoid): glorot_uniform kernels and zero biases (Keras Dense's
defaults), MSE, Adam(1e-3, 0.9, 0.999, 1e-7) in Keras 3's form (keras/src/optimizers/adam.py: the
bias corrections folded into the step size, epsilon added to sqrt(v)), binary accuracy at 0.5 on
the predictions of the step, as Keras's fit reports it. Pure functions of (state, key), so they
jit, scan and vmap.
"""
import time

import jax
import jax.numpy as jnp

import common


def data(bits, batch):
    """(x [n, bits], y [n, 1], batch, batches per epoch) for n-bit parity."""
    x, y = (jnp.asarray(v) for v in common.parity(bits))
    n = x.shape[0]
    batch = min(batch, n)
    if n % batch:
        raise SystemExit(f"jax peer: rows {n} must be a multiple of the batch size {batch}")
    return x, y, batch, n // batch


def glorot(k, fan_in, fan_out):
    lim = (6.0 / (fan_in + fan_out)) ** 0.5
    return jax.random.uniform(k, (fan_in, fan_out), jnp.float32, -lim, lim)


def init(key, bits, hidden):
    """(state, shuffle key) from one PRNG key: state = (params, m, v, step)."""
    k0, k1, kshuf = jax.random.split(key, 3)
    params = {"w1": glorot(k0, bits, hidden), "b1": jnp.zeros(hidden),
              "w2": glorot(k1, hidden, 1), "b2": jnp.zeros(1)}
    zeros = jax.tree_util.tree_map(jnp.zeros_like, params)
    return (params, zeros, zeros, jnp.zeros((), jnp.int32)), kshuf


def forward(p, xb):
    return jax.nn.sigmoid(jax.nn.relu(xb @ p["w1"] + p["b1"]) @ p["w2"] + p["b2"])


def loss_fn(p, xb, yb):
    pred = forward(p, xb)
    return jnp.mean((yb - pred) ** 2), pred


def accuracy(pred, y):
    return jnp.mean(((pred > 0.5).astype(jnp.float32) == y).astype(jnp.float32))


def adam(state, g, lr=1e-3, b1=0.9, b2=0.999, eps=1e-7):
    p, m, v, t = state
    t = t + 1
    m = jax.tree_util.tree_map(lambda m, g: b1 * m + (1 - b1) * g, m, g)
    v = jax.tree_util.tree_map(lambda v, g: b2 * v + (1 - b2) * g * g, v, g)
    lr_t = lr * jnp.sqrt(1 - b2 ** t) / (1 - b1 ** t)
    p = jax.tree_util.tree_map(lambda p, m, v: p - lr_t * m / (jnp.sqrt(v) + eps), p, m, v)
    return p, m, v, t


def epoch_fn(x, y, batch, nb):
    """epoch(state, key) -> (state, mean loss, mean accuracy): shuffle, then a scan of Adam steps."""
    n = x.shape[0]

    def epoch(state, key):
        perm = jax.random.permutation(key, n) if nb > 1 else jnp.arange(n)
        xs, ys = x[perm].reshape(nb, batch, -1), y[perm].reshape(nb, batch, 1)

        def step(state, b):
            xb, yb = b
            (loss, pred), g = jax.value_and_grad(loss_fn, has_aux=True)(state[0], xb, yb)
            return adam(state, g), (loss, accuracy(pred, yb))

        state, (losses, accs) = jax.lax.scan(step, state, (xs, ys))
        return state, jnp.mean(losses), jnp.mean(accs)

    return epoch


def run_fn(a):
    """run(key) -> (params, losses [epochs], accuracies [epochs]): the whole fit as one lax.scan."""
    x, y, batch, nb = data(a.bits, a.batch)
    epoch = epoch_fn(x, y, batch, nb)

    def run(key):
        state, kshuf = init(key, a.bits, a.hidden)

        def body(state, e):
            state, loss, acc = epoch(state, jax.random.fold_in(kshuf, e))
            return state, (loss, acc)

        state, (losses, accs) = jax.lax.scan(body, state, jnp.arange(a.epochs))
        return state[0], losses, accs

    return run


def compile_and_time(fn, arg, inner):
    """Compiles jit(fn) for arg, calls it once untimed (the first call after compiling also
    allocates), then inner timed calls. Returns (compiled fn, compile s, call s list, last result)."""
    t0 = time.perf_counter()
    compiled = jax.jit(fn).lower(arg).compile()
    compile_s = time.perf_counter() - t0
    jax.block_until_ready(compiled(arg))
    calls, out = [], None
    for _ in range(inner):
        t0 = time.perf_counter()
        out = jax.block_until_ready(compiled(arg))
        calls.append(time.perf_counter() - t0)
    return compiled, compile_s, calls, out


def evaluate(params, a):
    """(loss, accuracy) of the trained parameters on the whole data set."""
    x, y, _, _ = data(a.bits, a.batch)
    loss, pred = jax.jit(loss_fn)(params, x, y)
    return float(loss), float(accuracy(pred, y))
