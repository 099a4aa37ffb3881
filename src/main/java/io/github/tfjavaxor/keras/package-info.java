/**
 * The small Keras-shaped core: {@link io.github.tfjavaxor.keras.Sequential} (with what it inherits
 * from {@link io.github.tfjavaxor.keras.Model}) and the layers, losses, optimizers, metrics and
 * callbacks it is built from; the steps ({@code steps/}) and their compositions ({@code
 * transforms/}) that train it. Does no I/O except the progress printer, which writes to a given
 * stream.
 */
package io.github.tfjavaxor.keras;
