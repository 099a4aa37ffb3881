/** Keras layers built from TensorFlow graph ops. Only {@code Dense}, the tutorial's layer. */
package io.github.tfjavaxor.keras.layers;
