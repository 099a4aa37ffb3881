/**
 * The TensorFlow side of a model: {@link io.github.tfjavaxor.keras.backend.ModelGraph} (the Graph,
 * Session, input placeholder, weight variables and the forward pass on them) and {@link
 * io.github.tfjavaxor.keras.backend.LazyGraph} (built on first use, rebuilt with the weights kept
 * when the model is compiled again, released on close); and the graph machinery the transforms
 * compose the steps with: {@link io.github.tfjavaxor.keras.backend.Functions} (trace a body into a
 * function, call it, under XLA), {@link io.github.tfjavaxor.keras.backend.WhileLoop} and {@link
 * io.github.tfjavaxor.keras.backend.Cond} (built as Python's {@code while_v2} and {@code cond_v2},
 * lowered outside XLA), {@link io.github.tfjavaxor.keras.backend.InPlace} (new values assigned to
 * ref variables once all are computed).
 */
package io.github.tfjavaxor.keras.backend;
