package io.github.tfjavaxor.keras.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.metrics.BinaryAccuracy;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Pins why {@link Metric#BINARY_ACCURACY} does not use the framework's BinaryAccuracy: with a
 * dynamic [-1, 1] batch its count goes negative (docs/development/framework-defects.md).
 */
class FrameworkBinaryAccuracyDefectTest {
  static final float[][] Y = {{0}, {1}, {1}, {0}};
  static final float[][] P = {{0.2f}, {0.7f}, {0.4f}, {0.1f}}; // 3 of 4 right

  @Test
  void ourMetricWithDynamicBatchGivesThreeQuarters() {
    MeanMetric mean = new MeanMetric();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      Operand<TFloat32> total = Metric.BINARY_ACCURACY.batchTotal(tf, y, p, null);
      try (Session s = new Session(g);
          TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(Y));
          TFloat32 pt = TFloat32.tensorOf(StdArrays.ndCopyOf(P));
          Result r = s.runner().feed(y, yt).feed(p, pt).fetch(total).run()) {
        mean.update(((TFloat32) r.get(0)).getFloat(), 4);
      }
    }
    assertEquals(0.75f, mean.result());
  }

  @Test
  void frameworkMetricWithDynamicBatchIsWrong() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> y = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 1)));
      BinaryAccuracy<TFloat32> acc = new BinaryAccuracy<>(1L, TFloat32.class);
      Op update = acc.updateState(tf, y, p, null);
      Operand<TFloat32> result = acc.result(tf, TFloat32.class);
      try (Session s = new Session(g);
          TFloat32 yt = TFloat32.tensorOf(StdArrays.ndCopyOf(Y));
          TFloat32 pt = TFloat32.tensorOf(StdArrays.ndCopyOf(P))) {
        s.runner().feed(y, yt).feed(p, pt).addTarget(update).run().close();
        try (Result r = s.runner().fetch(result).run()) {
          float v = ((TFloat32) r.get(0)).getFloat();
          // If this starts failing, the framework metric may be usable: re-check docs.
          assertEquals(-3.0f, v, "framework BinaryAccuracy result");
        }
      }
    }
  }

  @Test
  void meanMetricIsFloat32TotalOverCount() {
    MeanMetric m = new MeanMetric();
    assertEquals(0f, m.result());
    m.update(0.25f * 2, 2);
    m.update(0.5f * 2, 2);
    assertEquals(0.375f, m.result());
    m.reset();
    assertEquals(0f, m.result());
  }
}
