/** Keras-faithful weight initializers (glorot_uniform kernels, zero biases). */
package io.github.tfjavaxor.keras.initializers;
