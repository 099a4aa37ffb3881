package io.github.tfjavaxor.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.StdArrays;

/** The graph's forward pass against a hand computation in double precision. */
class ForwardPassTest {

  // Fixed weights: kernel1 [2,4] (a 4-unit hidden layer keeps the hand computation readable).
  static final float[][] K1 = {{0.5f, -0.25f, 1.0f, -1.5f}, {-0.75f, 0.5f, 0.25f, 2.0f}};
  static final float[] B1 = {0.1f, 0.0f, -0.2f, 0.05f};
  static final float[][] K2 = {{1.0f}, {-2.0f}, {0.5f}, {0.75f}};
  static final float[] B2 = {-0.3f};

  static double[] handForward(float[] x) {
    double[] h = new double[4];
    for (int j = 0; j < 4; j++) {
      double z = B1[j] + x[0] * (double) K1[0][j] + x[1] * (double) K1[1][j];
      h[j] = Math.max(z, 0);
    }
    double z = B2[0];
    for (int j = 0; j < 4; j++) {
      z += h[j] * K2[j][0];
    }
    return new double[] {1 / (1 + Math.exp(-z))};
  }

  @Test
  void predictMatchesHandComputation() {
    try (Sequential model = new Sequential(1)) {
      model.add(new io.github.tfjavaxor.keras.layers.Dense(4, "relu", 2));
      model.add(new io.github.tfjavaxor.keras.layers.Dense(1, "sigmoid"));
      model.setProgressStream(Xor.NULL_OUT);
      model.setWeights(
          List.<FloatNdArray>of(
              StdArrays.ndCopyOf(K1),
              StdArrays.ndCopyOf(B1),
              StdArrays.ndCopyOf(K2),
              StdArrays.ndCopyOf(B2)));
      float[][] p = model.predict(Xor.X);
      // Row [1,1]: hidden z = [-0.15, 0.25, 1.05, 0.55] -> relu [0, 0.25, 1.05, 0.55];
      // output z = -0.3 - 0.5 + 0.525 + 0.4125 = 0.1375; sigmoid = 0.5343209...
      assertEquals(0.5343209, p[3][0], 1e-6);
      for (int i = 0; i < Xor.X.length; i++) {
        assertEquals(handForward(Xor.X[i])[0], p[i][0], 1e-6, "row " + i);
      }
    }
  }

  @Test
  void weightsRoundTripInKerasOrder() {
    try (Sequential model = Xor.model(3)) {
      List<FloatNdArray> w = model.getWeights();
      assertEquals(4, w.size());
      assertEquals(org.tensorflow.ndarray.Shape.of(2, 16), w.get(0).shape());
      assertEquals(org.tensorflow.ndarray.Shape.of(16), w.get(1).shape());
      assertEquals(org.tensorflow.ndarray.Shape.of(16, 1), w.get(2).shape());
      assertEquals(org.tensorflow.ndarray.Shape.of(1), w.get(3).shape());
      assertEquals("dense/kernel", model.weightName(0));
      assertEquals("dense_1/bias", model.weightName(3));
      // Biases start at zero, as Keras's bias_initializer="zeros".
      assertEquals(0f, w.get(1).getFloat(7));
      assertEquals(0f, w.get(3).getFloat(0));
    }
  }
}
