package io.github.tfjavaxor.datasets;

import java.util.ArrayList;
import java.util.List;

/**
 * n-bit parity, XOR's generalisation: all 2^n bit vectors (most significant bit first, so
 * {@code parity:2} equals the tutorial's XOR table row for row) and target 1 where the number of
 * ones is odd.
 */
public final class Parity {
  /** Largest n: 2^20 rows x 20 features is 80 MiB of float32. */
  public static final int MAX_BITS = 20;

  private Parity() {}

  /**
   * @param bits n in [1, {@link #MAX_BITS}]
   * @return x float [2^n][n], y float [2^n][1]
   * @throws IllegalArgumentException if n is out of range
   */
  public static Dataset of(int bits) {
    if (bits < 1 || bits > MAX_BITS) {
      throw new IllegalArgumentException(
          "parity:N: expected N in 1.." + MAX_BITS + ", found " + bits);
    }
    int rows = 1 << bits;
    float[][] x = new float[rows][bits];
    float[][] y = new float[rows][1];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < bits; j++) {
        x[i][j] = (i >> (bits - 1 - j)) & 1;
      }
      y[i][0] = Integer.bitCount(i) & 1;
    }
    List<String> names = new ArrayList<>();
    for (int j = 0; j < bits; j++) {
      names.add("x" + j);
    }
    return new Dataset("parity:" + bits, x, y, names, List.of("parity"));
  }
}
