/** Keras metrics ({@code binary_accuracy} and loss-style metrics) averaged as Keras averages them. */
package io.github.tfjavaxor.keras.metrics;
