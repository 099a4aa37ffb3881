/** Keras activations ({@code relu}, {@code sigmoid}, ...) as TensorFlow ops. */
package io.github.tfjavaxor.keras.activations;
