/**
 * TensorBoard event files written through TF Java's summary ops (Keras's {@code TensorBoard}
 * callback), and a reader of TFRecord event files used to check them.
 */
package io.github.tfjavaxor.interop.tensorboard;
