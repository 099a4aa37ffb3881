package io.github.tfjavaxor.keras.trainers;

import java.util.SplittableRandom;

/** Java's shuffle of a fit's rows, one permutation per epoch ({@link RowOrders}). */
final class Shuffle {

  private Shuffle() {}

  /**
   * A Fisher-Yates permutation of {@code 0..n-1}; one call per epoch on one {@code
   * SplittableRandom(modelSeed)}.
   *
   * @return the row index of each position
   */
  static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }
}
