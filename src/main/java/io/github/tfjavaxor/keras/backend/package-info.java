/**
 * The TensorFlow side of a model: {@link io.github.tfjavaxor.keras.backend.ModelGraph} (the Graph,
 * Session, input placeholder, forward ops and weight variables) and {@link
 * io.github.tfjavaxor.keras.backend.LazyGraph} (built on first use, rebuilt with the weights kept
 * when the model is compiled again, released on close), and {@link
 * io.github.tfjavaxor.keras.backend.EpochLoop} (K epochs of a single-batch train step in one
 * {@code session.run}: a functional While over the step copied as a pure function, optionally
 * under XLA).
 */
package io.github.tfjavaxor.keras.backend;
