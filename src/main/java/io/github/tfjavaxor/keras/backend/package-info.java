/**
 * The TensorFlow side of a model: {@link io.github.tfjavaxor.keras.backend.ModelGraph} (the Graph,
 * Session, input placeholder, forward ops and weight variables) and {@link
 * io.github.tfjavaxor.keras.backend.LazyGraph} (built on first use, rebuilt with the weights kept
 * when the model is compiled again, released on close).
 */
package io.github.tfjavaxor.keras.backend;
