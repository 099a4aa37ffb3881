/** Keras losses with Keras 3's {@code sum_over_batch_size} reduction. */
package io.github.tfjavaxor.keras.losses;
