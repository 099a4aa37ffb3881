package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * The data-dependent checks of fit, evaluate and predict, all in Java before any native call.
 * Each message names the argument, what was expected and what was found.
 */
final class TrainerChecks {
  private TrainerChecks() {}

  static void compiled(CompileConfig config, String call) {
    if (config == null) {
      throw new IllegalStateException(call + ": the model is not compiled; call compile(loss,"
          + " optimizer, metrics) before " + call + "()");
    }
  }

  /** x [n][inputDim] and y [n][outputDim], finite; {@code prefix} names them, e.g. validation_data. */
  static void xy(Sequential model, String prefix, float[][] x, float[][] y) {
    Arrays2d.check(prefix + "x", x, model.inputDim(), "the first layer's inputDim");
    Arrays2d.check(prefix + "y", y, model.outputDim(), "the last layer's units");
    if (x.length != y.length) {
      throw new IllegalArgumentException(prefix + "y: expected one target row per input row ("
          + x.length + " rows, as " + prefix + "x), found " + y.length + " rows");
    }
  }

  /** Optimizer values against Keras's layout: count, type and shape of each. */
  static void optimizerValues(String optimizer, List<OptimizerVariable> layout,
      List<NdArray<?>> values) {
    if (values == null || values.size() != layout.size()) {
      throw new IllegalArgumentException("optimizer variables: expected " + layout.size()
          + " values for " + optimizer + " on this model, found "
          + (values == null ? "null" : values.size()));
    }
    for (int i = 0; i < layout.size(); i++) {
      OptimizerVariable v = layout.get(i);
      NdArray<?> a = values.get(i);
      Class<?> type = OptimizerVariable.INT64.equals(v.dtype()) ? LongNdArray.class
          : FloatNdArray.class;
      if (!type.isInstance(a) || !a.shape().equals(v.shape())) {
        throw new IllegalArgumentException("optimizer variable " + i + " (" + v.name()
            + "): expected " + v.dtype() + " " + v.shape() + ", found "
            + (a == null ? "null" : a.getClass().getSimpleName() + " " + a.shape()));
      }
    }
  }

  static void batchSizeAndVerbose(int batchSize, int verbose) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "batch_size: expected an integer >= 1, found " + batchSize);
    }
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose: expected 0, 1 or 2, found " + verbose);
    }
  }

  /**
   * The training and validation rows: {@code [trainX, trainY, valX, valY]}, the last two null
   * without validation. A validation_split takes the last rows before any shuffling, split at
   * {@code floor(n * (1 - validation_split))} as Keras's {@code train_validation_split}.
   */
  static float[][][] validation(Sequential model, float[][] x, float[][] y, FitArgs args) {
    if (args.validationX() != null) {
      xy(model, "validation_data ", args.validationX(), args.validationY());
      return new float[][][] {x, y, args.validationX(), args.validationY()};
    }
    if (args.validationSplit() == 0) {
      return new float[][][] {x, y, null, null};
    }
    int n = x.length;
    int at = FitArgs.splitAt(n, args.validationSplit());
    return new float[][][] {Arrays.copyOfRange(x, 0, at), Arrays.copyOfRange(y, 0, at),
        Arrays.copyOfRange(x, at, n), Arrays.copyOfRange(y, at, n)};
  }

  /** Each replayed order is a permutation of the {@code rows} training rows. */
  static void orders(int[][] orders, int rows, int epochs) {
    if (orders == null) {
      return;
    }
    for (int e = 0; e < epochs; e++) {
      int[] order = orders[e];
      String where = "shuffleOrders[" + e + "]";
      if (order == null || order.length != rows) {
        throw new IllegalArgumentException(where + ": expected a permutation of the " + rows
            + " training rows, found " + (order == null ? "null" : order.length + " indices"));
      }
      boolean[] seen = new boolean[rows];
      for (int i = 0; i < rows; i++) {
        int r = order[i];
        if (r < 0 || r >= rows) {
          throw new IllegalArgumentException(where + "[" + i + "]: expected a row index in [0, "
              + rows + "), found " + r);
        }
        if (seen[r]) {
          throw new IllegalArgumentException(where + ": expected a permutation of the " + rows
              + " training rows, found row " + r + " twice");
        }
        seen[r] = true;
      }
    }
  }
}
