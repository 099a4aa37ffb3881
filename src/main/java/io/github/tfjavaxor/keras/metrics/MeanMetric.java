package io.github.tfjavaxor.keras.metrics;

/**
 * A running mean kept in float32 as Keras keeps it ({@code keras.metrics.Mean}: {@code total +=
 * sum}, {@code count += n}, {@code result = total / count}, 0 when empty). Reset at each epoch start.
 *
 * <p>Example: the loss tracker adds {@code loss * batchSize} with weight {@code batchSize}; one
 * batch of 4 with loss 0.25 gives {@code (0.25f * 4) / 4 = 0.25}.
 */
public final class MeanMetric {
  private float total;
  private float count;

  /**
   * Adds a batch: {@code total += batchTotal}, {@code count += batchCount}.
   *
   * @param batchTotal the batch's sum of values (or weighted values)
   * @param batchCount the batch's count (or sum of weights)
   */
  public void update(float batchTotal, float batchCount) {
    total += batchTotal;
    count += batchCount;
  }

  /** {@return {@code total / count}, or 0 if nothing was added (Keras's {@code divide_no_nan})} */
  public float result() {
    return count == 0f ? 0f : total / count;
  }

  /** Clears the state, as Keras's {@code reset_state}. */
  public void reset() {
    total = 0f;
    count = 0f;
  }
}
