package io.github.tfjavaxor.keras.trainers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.types.TFloat32;

/** The input tensors of one pass over the data, created together and closed together. */
final class Batches implements AutoCloseable {
  private final List<TFloat32> xs = new ArrayList<>();
  private final List<TFloat32> ys = new ArrayList<>();
  private final List<Integer> sizes = new ArrayList<>();

  /**
   * @param y null for predict
   * @param order null for the rows as given, else the row index of each position
   */
  Batches(float[][] x, float[][] y, int[] order, int batchSize) {
    try {
      for (int from = 0; from < x.length; from += batchSize) {
        int to = Math.min(x.length, from + batchSize);
        xs.add(Arrays2d.tensor(x, order, from, to));
        if (y != null) {
          ys.add(Arrays2d.tensor(y, order, from, to));
        }
        sizes.add(to - from);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int steps() {
    return sizes.size();
  }

  TFloat32 x(int step) {
    return xs.get(step);
  }

  TFloat32 y(int step) {
    return ys.get(step);
  }

  int size(int step) {
    return sizes.get(step);
  }

  @Override
  public void close() {
    xs.forEach(TFloat32::close);
    ys.forEach(TFloat32::close);
    xs.clear();
    ys.clear();
  }
}
