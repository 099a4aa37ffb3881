package io.github.tfjavaxor.keras.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/**
 * Optimizer steps against an independent computation of Keras 3's update formulas in Java float32
 * arithmetic (not via TensorFlow). Model: Dense(1, linear, input_dim=1), p = w*x + b, MSE, so
 * dL/dw = (2/n) * sum((p - y) * x) and dL/db = (2/n) * sum(p - y).
 */
class OptimizerStepTest {

  /** Trains {@code steps} full-batch steps from (w, b) and returns the new [w, b]. */
  static float[] train(Optimizer opt, float w, float b, float[][] x, float[][] y, int steps) {
    try (Sequential model = new Sequential(0)) {
      model.add(new Dense(1, "linear", 1));
      model.compile(Loss.MEAN_SQUARED_ERROR, opt, List.of());
      model.setProgressStream(Xor.NULL_OUT);
      FloatNdArray kernel = NdArrays.ofFloats(Shape.of(1, 1));
      kernel.setFloat(w, 0, 0);
      model.setWeights(List.of(kernel, NdArrays.vectorOf(b)));
      model.fit(x, y, FitArgs.builder(steps).batchSize(32).verbose(0).shuffle(false).build());
      List<FloatNdArray> weights = model.getWeights();
      return new float[] {weights.get(0).getFloat(0, 0), weights.get(1).getFloat(0)};
    }
  }

  static double[] gradient(double w, double b, float[][] x, float[][] y) {
    double gw = 0, gb = 0;
    int n = x.length;
    for (int i = 0; i < n; i++) {
      double r = (w * x[i][0] + b) - y[i][0];
      gw += 2.0 / n * r * x[i][0];
      gb += 2.0 / n * r;
    }
    return new double[] {gw, gb};
  }

  /** Keras 3 Adam.update_step in float32, for [w, b] over several steps. */
  static float[] kerasAdam(float w, float b, float[][] x, float[][] y, int steps, float eps) {
    float[] p = {w, b};
    float[] m = new float[2];
    float[] v = new float[2];
    for (int step = 0; step < steps; step++) {
      double[] g = gradient(p[0], p[1], x, y);
      float t = step + 1;
      float lr = 0.001f;
      float b1p = (float) Math.pow(0.9f, t);
      float b2p = (float) Math.pow(0.999f, t);
      float alpha = lr * (float) Math.sqrt(1f - b2p) / (1f - b1p);
      for (int k = 0; k < 2; k++) {
        float gk = (float) g[k];
        m[k] += (gk - m[k]) * 0.1f;
        v[k] += (gk * gk - v[k]) * 0.001f;
        p[k] -= (m[k] * alpha) / ((float) Math.sqrt(v[k]) + eps);
      }
    }
    return p;
  }

  static final float[][] X = {{1}, {2}};
  static final float[][] Y = {{1}, {0}};

  @Test
  void adamFirstTwoStepsMatchKeras3Formula() {
    for (int steps = 1; steps <= 2; steps++) {
      float[] tf = train(new Adam(), 0.5f, 0.1f, X, Y, steps);
      float[] ref = kerasAdam(0.5f, 0.1f, X, Y, steps, 1e-7f);
      assertEquals(ref[0], tf[0], 2e-7, "w after " + steps + " steps");
      assertEquals(ref[1], tf[1], 2e-7, "b after " + steps + " steps");
    }
    // Step 1 moves each weight by almost exactly lr (the bias-corrected first step).
    float[] one = train(new Adam(), 0.5f, 0.1f, X, Y, 1);
    assertEquals(0.499, one[0], 1e-6);
  }

  @Test
  void adamEpsilonIsKeras1e7NotFramework1e8() {
    // A gradient of ~2e-6 makes sqrt(v) ~ 6e-8, comparable to epsilon.
    float[][] x = {{1}};
    float[][] y = {{1.000001f}};
    float[] tf = train(new Adam(), 0.5f, 0.5f, x, y, 1);
    float[] keras = kerasAdam(0.5f, 0.5f, x, y, 1, 1e-7f);
    float[] framework = kerasAdam(0.5f, 0.5f, x, y, 1, 1e-8f);
    assertEquals(keras[0], tf[0], 1e-7);
    assertEquals(0.5f - 0.5f, 0f);
    // The two epsilons move w by ~3.8e-4 and ~8.6e-4: clearly distinguishable.
    assertEquals(true, Math.abs(framework[0] - tf[0]) > 1e-4, "framework eps would give " + framework[0]);
  }

  @Test
  void fusedAdamIsCloseButUsesFloat32OneMinusBeta() {
    float[] exact = train(new Adam(), 0.5f, 0.1f, X, Y, 2);
    float[] fused = train(new FusedAdam(0.001), 0.5f, 0.1f, X, Y, 2);
    assertEquals(exact[0], fused[0], 1e-6);
    assertEquals(exact[1], fused[1], 1e-6);
  }

  @Test
  void sgdStepIsGradientTimesLearningRate() {
    float[] tf = train(new SGD(), 0.5f, 0.1f, X, Y, 1);
    double[] g = gradient(0.5, 0.1, X, Y);
    // g = [2/2*((0.6-1)*1 + (1.1-0)*2), ...] = [1.8, 0.7]
    assertEquals(1.8, g[0], 1e-12);
    assertEquals(0.5f - (float) g[0] * 0.01f, tf[0], 1e-7);
    assertEquals(0.1f - (float) g[1] * 0.01f, tf[1], 1e-7);
  }

  /** Keras 3 SGD.update_step with momentum in float32 (sgd.py), for [w, b] over several steps. */
  static float[] kerasSgdMomentum(float w, float b, int steps, float momentum, boolean nesterov) {
    float[] p = {w, b};
    float[] m = new float[2];
    for (int step = 0; step < steps; step++) {
      double[] g = gradient(p[0], p[1], X, Y);
      for (int k = 0; k < 2; k++) {
        float gl = (float) g[k] * 0.01f;
        m[k] = m[k] * momentum - gl;
        p[k] += nesterov ? m[k] * momentum - gl : m[k];
      }
    }
    return p;
  }

  @Test
  void sgdMomentumAndNesterovMatchKeras3Formula() {
    for (boolean nesterov : new boolean[] {false, true}) {
      for (int steps = 1; steps <= 3; steps++) {
        float[] tf = train(new SGD(0.01, 0.9, nesterov), 0.5f, 0.1f, X, Y, steps);
        float[] ref = kerasSgdMomentum(0.5f, 0.1f, steps, 0.9f, nesterov);
        assertEquals(ref[0], tf[0], 2e-7, "w, nesterov=" + nesterov + ", " + steps + " steps");
        assertEquals(ref[1], tf[1], 2e-7, "b, nesterov=" + nesterov + ", " + steps + " steps");
      }
    }
    // One step from zero velocity: plain SGD's move (-g * lr), or 1.9 times it with Nesterov.
    assertEquals(0.5f - 1.8f * 0.01f, train(new SGD(0.01, 0.9, false), 0.5f, 0.1f, X, Y, 1)[0],
        1e-7);
    assertEquals(0.5f - 1.9f * 1.8f * 0.01f,
        train(new SGD(0.01, 0.9, true), 0.5f, 0.1f, X, Y, 1)[0], 1e-7);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new SGD(0.01, 1.5, false));
    assertEquals("momentum: expected a number in [0, 1], found 1.5", e.getMessage());
  }

  @Test
  void rmspropStepMatchesKeras3Formula() {
    float[] tf = train(new RMSprop(), 0.5f, 0.1f, X, Y, 1);
    double[] g = gradient(0.5, 0.1, X, Y);
    for (int k = 0; k < 2; k++) {
      float gk = (float) g[k];
      float v = 0.9f * 0f + 0.1f * (gk * gk);
      float expected = (k == 0 ? 0.5f : 0.1f) - (0.001f * gk) / (float) Math.sqrt(v + 1e-7f);
      assertEquals(expected, tf[k], 1e-7, "weight " + k);
    }
  }

  @Test
  void namesAndDefaults() {
    assertEquals(0.001f, Optimizers.get("adam").learningRate());
    assertEquals(0.01f, Optimizers.get("SGD").learningRate());
    assertEquals(0.001f, Optimizers.get("rmsprop").learningRate());
    assertEquals(0.05f, Optimizers.get("sgd", 0.05).learningRate());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adagrad"));
    assertEquals(
        "optimizer: unknown name 'adagrad'; expected one of adam, sgd, rmsprop", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam(0));
    assertEquals("learning_rate: expected a finite number > 0, found 0.0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam(Double.NaN));
    assertEquals("learning_rate: expected a finite number > 0, found NaN", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new Adam(0.001, 1.0, 0.999, 1e-7));
    assertEquals("beta_1: expected a number in [0, 1), found 1.0", e.getMessage());
  }
}
