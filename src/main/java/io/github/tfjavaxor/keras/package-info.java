/**
 * The small Keras-shaped core: {@link io.github.tfjavaxor.keras.Sequential} and the layers, losses,
 * optimizers, metrics and callbacks it is built from. Does no I/O except the progress printer,
 * which writes to a given stream.
 */
package io.github.tfjavaxor.keras;
