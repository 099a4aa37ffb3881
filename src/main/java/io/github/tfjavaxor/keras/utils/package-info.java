/** Python-compatible number and array formatting for Keras-identical output. */
package io.github.tfjavaxor.keras.utils;
