/**
 * Keras 3 optimizers (adam, sgd, rmsprop) built from raw TensorFlow ops with Keras's exact update
 * order and constants, over an explicit variable list.
 */
package io.github.tfjavaxor.keras.optimizers;
