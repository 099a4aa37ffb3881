package io.github.tfjavaxor.keras.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tfjavaxor.keras.metrics.Metric;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/** Losses and metrics on crafted predictions, fed through a [-1, 1] placeholder (dynamic batch). */
class LossAndMetricTest {
  static final float[][] Y = {{0}, {1}, {1}, {0}};

  interface Build {
    Operand<TFloat32> apply(Ops tf, Operand<TFloat32> y, Operand<TFloat32> p);
  }

  static float eval(float[][] y, float[][] p, Build build) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> yp =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, y[0].length)));
      Placeholder<TFloat32> pp =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, p[0].length)));
      Operand<TFloat32> out = build.apply(tf, yp, pp);
      try (Session s = new Session(g);
          TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(y));
          TFloat32 pt = TFloat32.tensorOf(StdArrays.ndCopyOf(p));
          Result r = s.runner().feed(yp, yt).feed(pp, pt).fetch(out).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  @Test
  void meanSquaredErrorIsSumOverBatchSize() {
    float[][] p = {{0.1f}, {0.6f}, {0.8f}, {0.3f}};
    // (0.01 + 0.16 + 0.04 + 0.09) / 4 = 0.075
    assertEquals(0.075f, eval(Y, p, (tf, y, q) -> Loss.MEAN_SQUARED_ERROR.call(tf, y, q, null)), 1e-7);
    // Two output units: mean over the last axis first, then over the batch.
    float[][] y2 = {{0, 1}, {1, 1}};
    float[][] p2 = {{0, 0}, {0, 1}};
    // per-sample [0.5, 0.5] -> 0.5
    assertEquals(0.5f, eval(y2, p2, (tf, y, q) -> Loss.MEAN_SQUARED_ERROR.call(tf, y, q, null)));
  }

  @Test
  void meanAbsoluteError() {
    float[][] p = {{0.1f}, {0.6f}, {0.8f}, {0.3f}};
    // (0.1 + 0.4 + 0.2 + 0.3) / 4 = 0.25
    assertEquals(0.25f, eval(Y, p, (tf, y, q) -> Loss.MEAN_ABSOLUTE_ERROR.call(tf, y, q, null)), 1e-7);
  }

  @Test
  void binaryCrossentropyClippedAndFromLogitsAgree() {
    float[][] p = {{0.1f}, {0.6f}, {0.8f}, {0.3f}};
    double expected =
        -(Math.log(0.9) + Math.log(0.6) + Math.log(0.8) + Math.log(0.7)) / 4; // 0.3095...
    assertEquals(
        expected,
        eval(Y, p, (tf, y, q) -> Loss.BINARY_CROSSENTROPY.call(tf, y, q, null)),
        1e-6);
    // Logits z with sigmoid(z) = p: z = log(p / (1 - p)).
    float[][] z = new float[4][1];
    for (int i = 0; i < 4; i++) {
      z[i][0] = (float) Math.log(p[i][0] / (1 - p[i][0]));
    }
    assertEquals(
        expected,
        eval(Y, z, (tf, y, logits) ->
            Loss.BINARY_CROSSENTROPY.call(tf, y, tf.math.sigmoid(logits), logits)),
        1e-6);
    // Clipping: p = 0 for a positive label costs -log(1e-7) = 16.118, not infinity.
    assertEquals(
        16.118095,
        eval(new float[][] {{1}}, new float[][] {{0}},
            (tf, y, q) -> Loss.BINARY_CROSSENTROPY.call(tf, y, q, null)),
        1e-4);
  }

  @Test
  void binaryAccuracyIsStrictlyGreaterThanHalf() {
    Build acc = (tf, y, q) -> Metric.BINARY_ACCURACY.batchTotal(tf, y, q, null);
    // 0.5 is class 0 (right for y=0), 0.5000001 is class 1 (right for y=1).
    assertEquals(4f, eval(Y, new float[][] {{0.5f}, {0.50000006f}, {0.9f}, {0.2f}}, acc));
    // 0.5 for a positive label is wrong.
    assertEquals(3f, eval(Y, new float[][] {{0.2f}, {0.5f}, {0.9f}, {0.2f}}, acc));
    assertEquals(0f, eval(Y, new float[][] {{0.7f}, {0.1f}, {0.3f}, {0.51f}}, acc));
  }

  @Test
  void lossStyleMetricsMatchTheirLosses() {
    float[][] p = {{0.1f}, {0.6f}, {0.8f}, {0.3f}};
    assertEquals(0.3f, eval(Y, p, (tf, y, q) -> Metric.MEAN_SQUARED_ERROR.batchTotal(tf, y, q, null)), 1e-7);
    assertEquals(1.0f, eval(Y, p, (tf, y, q) -> Metric.MEAN_ABSOLUTE_ERROR.batchTotal(tf, y, q, null)), 1e-7);
  }

  @Test
  void categoricalAccuracyComparesArgmaxesFirstIndexOnTies() {
    float[][] y = {{0, 1, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
    // argmax: 1 (right), 1 (wrong), 2 (right), tie 0.4/0.4 -> index 0 (wrong)
    float[][] p = {{0.1f, 0.8f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0, 0, 1}, {0.4f, 0.4f, 0.2f}};
    assertEquals(2f, eval(y, p, (tf, t, q) -> Metric.CATEGORICAL_ACCURACY.batchTotal(tf, t, q, null)));
    // "accuracy" is categorical on three units and binary on one, as Keras's get_metric.
    assertEquals(2f, eval(y, p, (tf, t, q) -> Metric.ACCURACY.batchTotal(tf, t, q, null)));
    assertEquals(4f, eval(Y, new float[][] {{0.5f}, {0.51f}, {0.9f}, {0.2f}},
        (tf, t, q) -> Metric.ACCURACY.batchTotal(tf, t, q, null)));
  }

  @Test
  void binaryCrossentropyMetricUsesTheSigmoidsLogitsAsTheLoss() {
    // A saturated sigmoid: logit 30, label 0. From the logits: 30 + log1p(exp(-30)) = 30; the
    // clipped probability 1 - 1e-7 (float32: 1 - 2^-23) would give -log(2^-23) = 15.942. Keras's
    // metric gives 30: it takes the logits, as its loss does.
    float[][] z = {{30f}};
    assertEquals(30f, eval(new float[][] {{0}}, z,
        (tf, t, logits) -> Metric.BINARY_CROSSENTROPY.batchTotal(tf, t, tf.math.sigmoid(logits), logits)));
    assertEquals(23 * Math.log(2), eval(new float[][] {{0}}, new float[][] {{1f}},
        (tf, t, q) -> Metric.BINARY_CROSSENTROPY.batchTotal(tf, t, q, null)), 1e-5);
  }

  @Test
  void namesAreKerassOwnCaseSensitiveExceptAccuracyAndCrossentropy() {
    for (String n : new String[] {"mean_squared_error", "MeanSquaredError", "mse", "MSE"}) {
      assertEquals(Loss.MEAN_SQUARED_ERROR, Loss.get(n), n);
      assertEquals(Metric.MEAN_SQUARED_ERROR, Metric.get(n), n);
    }
    for (String n : new String[] {"binary_crossentropy", "BinaryCrossentropy", "bce", "BCE"}) {
      assertEquals(Loss.BINARY_CROSSENTROPY, Loss.get(n), n);
      assertEquals(Metric.BINARY_CROSSENTROPY, Metric.get(n), n);
    }
    assertEquals(Metric.BINARY_ACCURACY, Metric.get("BinaryAccuracy"));
    for (String n : new String[] {"accuracy", "acc", "ACC", "Accuracy"}) {
      assertEquals(Metric.ACCURACY, Metric.get(n), n);
    }
    assertEquals(Loss.BINARY_CROSSENTROPY, Loss.get("CE", 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Loss.get("crossentropy", 3));
    assertEquals("loss: 'crossentropy' on 3 output units is categorical_crossentropy in Keras"
        + " (binary_crossentropy only for one unit), which the port does not have; expected one"
        + " of mean_squared_error, mean_absolute_error, binary_crossentropy", e.getMessage());
    // Keras: "Could not interpret loss identifier: Mse"
    e = assertThrows(IllegalArgumentException.class, () -> Loss.get("Mse"));
    assertEquals("loss: unknown name 'Mse'; expected one of mean_squared_error,"
        + " mean_absolute_error, binary_crossentropy", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Metric.get("auc"));
    assertEquals("metrics: unknown name 'auc'; expected one of accuracy, binary_accuracy,"
        + " categorical_accuracy, mean_squared_error, mean_absolute_error, binary_crossentropy",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Metric.get("crossentropy"));
  }
}
