package io.github.tfjavaxor.keras.trainers;

import java.util.SplittableRandom;

/**
 * The row order of each training epoch of one fit; mirrors the shuffle of Keras's array adapter
 * ({@code keras/src/trainers/data_adapters/array_data_adapter.py}).
 *
 * <ul>
 *   <li>no shuffle: the rows as given;
 *   <li>Java's shuffle: a Fisher-Yates permutation per epoch from {@code SplittableRandom(seed)},
 *       only when there is more than one batch (a single batch is left in order); resuming at
 *       epoch k draws and skips the k earlier permutations, so a resumed fit continues exactly;
 *   <li>replayed orders: epoch e uses {@code orders[e]}, every epoch, a single batch included, as
 *       Keras permutes the whole dataset each epoch. This is how a Keras run's orders are replayed.
 * </ul>
 *
 * <p>Models trained side by side ({@code io.github.tfjavaxor.stacked}) draw each model's orders
 * from one of these, as its own fit would.
 */
public final class RowOrders {
  private final int rows;
  private final int[][] replayed;
  private final SplittableRandom random;
  private int[] order;
  private int orderEpoch = -1;

  /**
   * @param rows n, the training rows
   * @param steps batches per epoch
   * @param shuffle Keras's {@code shuffle}
   * @param replayed null, or the checked orders to replay (then {@code shuffle} is true)
   * @param seed seeds Java's shuffle: the model's seed
   * @param initialEpoch the first epoch {@link #order} will be asked for
   */
  public RowOrders(int rows, int steps, boolean shuffle, int[][] replayed, long seed,
      int initialEpoch) {
    this.rows = rows;
    this.replayed = replayed;
    this.random = replayed == null && shuffle && steps > 1 ? new SplittableRandom(seed) : null;
    for (int skipped = 0; random != null && skipped < initialEpoch; skipped++) {
      Shuffle.permutation(rows, random);
    }
  }

  /**
   * The row order of epoch {@code e}, drawn once; epochs are asked for in order.
   *
   * @param e the 0-based epoch
   * @return the row index of each position, or null for the rows as given
   */
  public int[] order(int e) {
    if (replayed != null) {
      return replayed[e];
    }
    if (random == null) {
      return null;
    }
    if (orderEpoch != e) {
      order = Shuffle.permutation(rows, random);
      orderEpoch = e;
    }
    return order;
  }
}
