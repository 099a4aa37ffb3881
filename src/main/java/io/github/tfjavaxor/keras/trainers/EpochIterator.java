package io.github.tfjavaxor.keras.trainers;

import java.util.SplittableRandom;

/**
 * The batches of each training epoch; mirrors {@code keras/src/trainers/epoch_iterator.py} over
 * the array adapter ({@code data_adapters/array_data_adapter.py}).
 *
 * <p>Three orders:
 *
 * <ul>
 *   <li>no shuffle: the rows as given, tensors built once per fit;
 *   <li>Java's shuffle: a Fisher-Yates permutation per epoch from {@code SplittableRandom(seed)},
 *       only when there is more than one batch (a single batch is left in order); resuming at
 *       epoch k draws and skips the k earlier permutations, so a resumed fit continues exactly;
 *   <li>replayed orders: epoch e uses {@code orders[e]}, every epoch, a single batch included, as
 *       Keras permutes the whole dataset each epoch. This is how a Keras run's orders are replayed.
 * </ul>
 */
final class EpochIterator implements AutoCloseable {
  private final float[][] x;
  private final float[][] y;
  private final int batchSize;
  private final int steps;
  private final int[][] orders;
  private final SplittableRandom random;
  private Batches current;

  /**
   * @param shuffle Keras's {@code shuffle}
   * @param orders null, or the checked orders to replay (then {@code shuffle} is true)
   * @param seed seeds Java's shuffle
   * @param initialEpoch the first epoch {@link #epoch} will be asked for
   */
  EpochIterator(float[][] x, float[][] y, int batchSize, boolean shuffle, int[][] orders,
      long seed, int initialEpoch) {
    this.x = x;
    this.y = y;
    this.batchSize = batchSize;
    this.steps = (x.length + batchSize - 1) / batchSize;
    this.orders = orders;
    this.random = orders == null && shuffle && steps > 1 ? new SplittableRandom(seed) : null;
    for (int skipped = 0; random != null && skipped < initialEpoch; skipped++) {
      Shuffle.permutation(x.length, random);
    }
  }

  /** Batches per epoch, Keras's {@code num_batches}. */
  int steps() {
    return steps;
  }

  /** The batches of epoch {@code e}; epochs are asked for in order. Valid until the next call. */
  Batches epoch(int e) {
    if (orders == null && random == null) {
      if (current == null) {
        current = new Batches(x, y, null, batchSize);
      }
      return current;
    }
    close();
    current = new Batches(x, y, orders != null ? orders[e] : Shuffle.permutation(x.length, random),
        batchSize);
    return current;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
