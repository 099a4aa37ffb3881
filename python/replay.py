"""Keras 3's `fit(shuffle=True)` with row orders fixed in advance, so that the Java port can replay
them (docs/side-by-side.md, "Shuffled runs"; docs/development/parity.md).

Keras's ArrayDataAdapter (keras/src/trainers/data_adapters/array_data_adapter.py, get_tf_dataset)
permutes the indices of all training rows once per epoch with `tf.random.shuffle`, even when they
fit in one batch, cuts the permuted indices into full batches of `batch_size` followed by one
partial batch, and gathers each batch's rows with `tf.gather(x, indices, axis=0)`. `dataset()`
below is that pipeline with the permutation read from a table instead of drawn: one row of
`orders` per epoch. `fit()` trains on it in one `model.fit`, so callbacks, metrics, validation
and the progress bar behave as in a plain fit. check_replay.py proves, against live Keras, that
this is Keras's own shuffle=True path with the same orders, and that identity orders give plain
fit(shuffle=False) bit for bit.

    orders = replay.orders(seed=42, epochs=1000, rows=4)
    history = replay.fit(model, x, y, orders, epochs=1000, batch_size=32, verbose=0)
"""
import math


def orders(seed, epochs, rows):
    """One permutation of range(rows) per epoch: numpy's default_rng(seed) (PCG64), one
    `permutation(rows)` call per epoch. int64 array [epochs, rows]."""
    import numpy as np
    rng = np.random.default_rng(seed)
    out = np.empty((epochs, rows), dtype="int64")
    for e in range(epochs):
        out[e] = rng.permutation(rows)
    return out


def check_orders(orders, epochs, rows):
    """Each of the first `epochs` rows of `orders` must be a permutation of range(rows)."""
    import numpy as np
    o = np.asarray(orders)
    if o.ndim != 2 or o.shape[0] < epochs or o.shape[1] != rows:
        raise ValueError(f"orders: expected at least {epochs} permutations of {rows} rows,"
                         f" found shape {o.shape}")
    for e in range(epochs):
        if not np.array_equal(np.sort(o[e]), np.arange(rows)):
            raise ValueError(f"orders[{e}]: expected a permutation of 0..{rows - 1},"
                             f" found {o[e].tolist()}")


def dataset(x, y, orders, batch_size):
    """The batches of every epoch, in order: Keras's slice_batch_indices and grab_batch applied to
    each epoch's order."""
    import tensorflow as tf
    n = int(orders.shape[1])
    full = n // batch_size
    partial = n % batch_size

    def batches(indices):
        # As ArrayDataAdapter.get_tf_dataset: full batches, then the partial one.
        first = tf.reshape(tf.slice(indices, [0], [full * batch_size]), [full, batch_size])
        d = tf.data.Dataset.from_tensor_slices(first)
        if partial:
            d = d.concatenate(tf.data.Dataset.from_tensors(
                tf.slice(indices, [full * batch_size], [partial])))
        return d

    xt = tf.constant(x)
    yt = tf.constant(y)
    indices = tf.data.Dataset.from_tensor_slices(tf.constant(orders, tf.int64)).flat_map(batches)
    return indices.map(lambda i: (tf.gather(xt, i, axis=0), tf.gather(yt, i, axis=0)))


def fit(model, x, y, orders, *, epochs, batch_size, verbose, validation_data=None,
        callbacks=None):
    """model.fit over `epochs` epochs, epoch e visiting the rows of x in the order orders[e].
    Validation (validation_data, arrays) is evaluated after each epoch with batch_size, as fit
    does with validation_batch_size=None."""
    check_orders(orders, epochs, len(x))
    steps = math.ceil(len(x) / batch_size)
    return model.fit(dataset(x, y, orders[:epochs], batch_size), epochs=epochs,
                     steps_per_epoch=steps, shuffle=False, verbose=verbose,
                     validation_data=validation_data, validation_batch_size=batch_size,
                     callbacks=callbacks)
