package io.github.tfjavaxor.keras.trainers;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Checks and converts the {@code float[n][cols]} arrays the model takes. No native work in checks. */
final class Arrays2d {

  private Arrays2d() {}

  /**
   * Checks that {@code a} is a non-empty rectangular array of finite values with {@code cols}
   * columns.
   *
   * @param name the argument name for messages ({@code x}, {@code y})
   * @param cols expected columns
   * @param what why that many columns are expected, for the message
   * @throws IllegalArgumentException naming the first problem found
   */
  static void check(String name, float[][] a, int cols, String what) {
    if (a == null) {
      throw new IllegalArgumentException(name + ": expected a float[n][" + cols + "] array, found null");
    }
    if (a.length == 0) {
      throw new IllegalArgumentException(
          name + ": expected at least one row of " + cols + " values, found 0 rows");
    }
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null) {
        throw new IllegalArgumentException(name + "[" + i + "]: expected " + cols + " values, found null");
      }
      if (a[i].length != cols) {
        throw new IllegalArgumentException(
            name + "[" + i + "]: expected " + cols + " values (" + what + "), found " + a[i].length);
      }
      for (int j = 0; j < cols; j++) {
        if (!Float.isFinite(a[i][j])) {
          throw new IllegalArgumentException(
              name + "[" + i + "][" + j + "]: expected a finite number, found " + a[i][j]);
        }
      }
    }
  }

  /** Rows [from, to) of {@code a} as a float32 [to - from, cols] tensor; the caller closes it. */
  public static TFloat32 tensor(float[][] a, int[] order, int from, int to) {
    int cols = a[0].length;
    float[] flat = new float[(to - from) * cols];
    for (int i = from; i < to; i++) {
      float[] row = a[order == null ? i : order[i]];
      System.arraycopy(row, 0, flat, (i - from) * cols, cols);
    }
    return TFloat32.tensorOf(Shape.of(to - from, cols), DataBuffers.of(flat, true, false));
  }
}
