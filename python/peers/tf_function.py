"""A hand-written training loop in Python: a tf.function step (GradientTape + Keras Adam) per batch."""
import time

import common

a = common.options()
import numpy as np  # noqa: E402

tf, keras, model, x, y = common.keras_model(a)
opt = keras.optimizers.Adam()
opt.build(model.trainable_variables)


@tf.function(jit_compile=False)
def step(xb, yb):
    with tf.GradientTape() as tape:
        p = model(xb, training=True)
        loss = tf.reduce_mean(tf.square(yb - p))
    grads = tape.gradient(loss, model.trainable_variables)
    opt.apply_gradients(zip(grads, model.trainable_variables))
    acc = tf.reduce_mean(tf.cast(tf.equal(yb, tf.cast(p > 0.5, tf.float32)), tf.float32))
    return loss, acc


@tf.function
def forward(xb, yb):
    p = model(xb, training=False)
    return tf.reduce_mean(tf.square(yb - p)), p


n = len(x)
rng = np.random.default_rng(a.seed)
times, losses = [], []
for epoch in range(a.epochs):
    t0 = time.perf_counter()
    idx = rng.permutation(n) if n > a.batch else np.arange(n)
    tot, cnt = 0.0, 0
    for s in range(0, n, a.batch):
        b = idx[s:s + a.batch]
        loss, acc = step(tf.constant(x[b]), tf.constant(y[b]))
        tot += float(loss) * len(b)
        cnt += len(b)
    losses.append(tot / cnt)
    times.append(time.perf_counter() - t0)
eval_loss, _ = forward(tf.constant(x), tf.constant(y))
common.emit("tf_function", times, losses, float(eval_loss), float(acc))
