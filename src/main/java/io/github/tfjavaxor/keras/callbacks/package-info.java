/** Keras callbacks: the progress printer ({@code ProgbarLogger}) and {@code History}. */
package io.github.tfjavaxor.keras.callbacks;
