/**
 * Keras callbacks: {@code CallbackList} (dispatch and {@code stop_training}), the progress printer
 * ({@code ProgbarLogger}), {@code History}, {@code EarlyStopping} and {@code TerminateOnNaN}.
 */
package io.github.tfjavaxor.keras.callbacks;
