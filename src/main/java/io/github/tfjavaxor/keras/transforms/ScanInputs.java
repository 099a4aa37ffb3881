package io.github.tfjavaxor.keras.transforms;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The tensors a {@link Scan} is fed, made once per fit, evaluate or predict and fed to every run:
 * the data, the row orders of the epochs a run spans, and the output buffer. Their shapes stay the
 * same from run to run, so XLA compiles the loop once.
 */
public final class ScanInputs implements AutoCloseable {
  private final TFloat32 x;
  private final TFloat32 y;
  private final TInt32 orders;
  private final TFloat32 buffer;
  private final int lanes;
  private final int[][] written;
  private final boolean[] identity;

  /**
   * One lane: {@link #ScanInputs(float[][], float[][], int, int, int, int)} with lanes 1.
   *
   * @param x float [n][inputDim]
   * @param y float [n][outputDim], or null without targets
   * @param epochs the most epochs one run spans
   * @param bufferRows the output buffer's rows
   * @param width the buffer's columns
   */
  public ScanInputs(float[][] x, float[][] y, int epochs, int bufferRows, int width) {
    this(x, y, epochs, 1, bufferRows, width);
  }

  /**
   * @param x float [n][inputDim]
   * @param y float [n][outputDim], or null without targets
   * @param epochs the most epochs one run spans: the first axis of the orders tensor
   * @param lanes the models stepping side by side, each with its own row orders
   * @param bufferRows the output buffer's rows: the most steps per run, or n for predictions
   * @param width the buffer's columns
   */
  public ScanInputs(float[][] x, float[][] y, int epochs, int lanes, int bufferRows, int width) {
    TFloat32 xt = null;
    TFloat32 yt = null;
    TInt32 ot = null;
    TFloat32 bt = null;
    try {
      xt = tensor(x);
      yt = y == null ? null : tensor(y);
      // Every epoch's rows as given, in one copy; shuffled epochs overwrite their row.
      int[] identity = new int[epochs * lanes * x.length];
      for (int i = 0; i < identity.length; i++) {
        identity[i] = i % x.length;
      }
      ot = TInt32.tensorOf(Shape.of(epochs, lanes, x.length),
          DataBuffers.of(identity, true, false));
      bt = TFloat32.tensorOf(Shape.of(bufferRows, width));
    } catch (RuntimeException e) {
      for (AutoCloseable t : new AutoCloseable[] {xt, yt, ot, bt}) {
        closeQuietly(t);
      }
      throw e;
    }
    this.x = xt;
    this.y = yt;
    this.orders = ot;
    this.buffer = bt;
    this.lanes = lanes;
    this.written = new int[epochs * lanes][];
    this.identity = new boolean[epochs * lanes];
    java.util.Arrays.fill(identity, true);
  }

  /**
   * {@link #setOrder(int, int, int[])} of lane 0.
   *
   * @param row the epoch's row in the orders tensor, 0-based
   * @param order the row index of each position, or null for the rows as given
   */
  public void setOrder(int row, int[] order) {
    setOrder(row, 0, order);
  }

  /**
   * Sets the row order of one lane in the run's {@code row}-th epoch.
   *
   * @param row the epoch's row in the orders tensor, 0-based
   * @param lane the model, 0-based
   * @param order the row index of each position, or null for the rows as given
   */
  public void setOrder(int row, int lane, int[] order) {
    int at = row * lanes + lane;
    if (order == null ? identity[at] : order == written[at]) {
      return;
    }
    int[] values = order;
    if (values == null) {
      values = new int[(int) orders.shape().size(2)];
      for (int i = 0; i < values.length; i++) {
        values[i] = i;
      }
    }
    orders.get(row, lane).copyFrom(DataBuffers.of(values, true, false));
    written[at] = order;
    identity[at] = order == null;
  }

  /** {@return the rows of the orders tensor: the most epochs one run spans} */
  public int epochs() {
    return (int) orders.shape().size(0);
  }

  /** {@return the output buffer's rows} */
  public int bufferRows() {
    return (int) buffer.shape().size(0);
  }

  TFloat32 x() {
    return x;
  }

  TFloat32 y() {
    return y;
  }

  TInt32 orders() {
    return orders;
  }

  TFloat32 buffer() {
    return buffer;
  }

  @Override
  public void close() {
    for (AutoCloseable t : new AutoCloseable[] {x, y, orders, buffer}) {
      closeQuietly(t);
    }
  }

  private static TFloat32 tensor(float[][] a) {
    int cols = a[0].length;
    float[] flat = new float[a.length * cols];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, flat, i * cols, cols);
    }
    return TFloat32.tensorOf(Shape.of(a.length, cols), DataBuffers.of(flat, true, false));
  }

  private static void closeQuietly(AutoCloseable t) {
    if (t != null) {
      try {
        t.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
