/**
 * Keras 3 optimizers (adam, sgd, rmsprop) built from raw TensorFlow ops with Keras's exact update
 * order and constants, over an explicit variable list; the learning rate is a variable, as in
 * Keras. {@link io.github.tfjavaxor.keras.optimizers.OptimizerVariable} lists a built optimizer's
 * variables in Keras's order (iteration, learning_rate, each weight's slots) for files.
 */
package io.github.tfjavaxor.keras.optimizers;
