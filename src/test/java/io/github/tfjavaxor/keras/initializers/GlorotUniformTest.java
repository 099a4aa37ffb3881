package io.github.tfjavaxor.keras.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.initializers.Glorot;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Pins the workaround for tensorflow-framework 1.1.0's Glorot(UNIFORM), which draws only
 * non-negative values (docs/development/framework-defects.md).
 */
class GlorotUniformTest {

  static float[] draw(java.util.function.Function<Ops, Operand<TFloat32>> init) {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> op = init.apply(tf);
      try (Result r = s.runner().fetch(op).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] v = new float[(int) t.size()];
        t.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(v, false, false));
        return v;
      }
    }
  }

  @Test
  void limitsAreKerasFanAvg() {
    assertEquals(0.5773503, GlorotUniform.limit(2, 16), 1e-7);
    assertEquals(0.5940885, GlorotUniform.limit(16, 1), 1e-7);
    assertThrows(IllegalArgumentException.class, () -> GlorotUniform.limit(0, 3));
  }

  @Test
  void drawsAreSymmetricWithinLimit() {
    float[] v = draw(tf -> GlorotUniform.call(tf, 200, 300, 7));
    double limit = GlorotUniform.limit(200, 300);
    double min = 1, max = -1, sum = 0;
    for (float f : v) {
      min = Math.min(min, f);
      max = Math.max(max, f);
      sum += f;
    }
    assertTrue(min >= -limit && max < limit, "range");
    assertTrue(min < -0.95 * limit, "reaches the negative end: " + min);
    assertTrue(max > 0.95 * limit, "reaches the positive end: " + max);
    // 60 000 draws of U(-l, l): the mean's standard error is l / sqrt(3 * 60000) ~ 0.0002.
    assertEquals(0, sum / v.length, 0.001);
  }

  @Test
  void sameSeedSameWeightsOtherSeedOtherWeights() {
    float[] a = draw(tf -> GlorotUniform.call(tf, 2, 16, 11));
    float[] b = draw(tf -> GlorotUniform.call(tf, 2, 16, 11));
    float[] c = draw(tf -> GlorotUniform.call(tf, 2, 16, 12));
    assertArrayEquals(a, b);
    assertNotEquals(a[0], c[0]);
  }

  @Test
  void frameworkGlorotUniformIsNonNegativeWhichIsWhyWeDoNotUseIt() {
    float[] v =
        draw(
            tf ->
                new Glorot<TFloat32>(VarianceScaling.Distribution.UNIFORM, 7)
                    .call(tf, tf.constant(Shape.of(200, 300)), TFloat32.class));
    float min = Float.MAX_VALUE;
    for (float f : v) {
      min = Math.min(min, f);
    }
    // If this starts failing, the framework bug is fixed and GlorotUniform could delegate to it.
    assertTrue(min >= 0f, "framework Glorot(UNIFORM) min was " + min);
  }

  @Test
  void layerSeedsDiffer() {
    assertNotEquals(Seeds.forLayer(42, 0), Seeds.forLayer(42, 1));
    assertNotEquals(Seeds.forLayer(42, 0), Seeds.forLayer(43, 0));
    assertEquals(Seeds.forLayer(42, 1), Seeds.forLayer(42, 1));
  }
}
