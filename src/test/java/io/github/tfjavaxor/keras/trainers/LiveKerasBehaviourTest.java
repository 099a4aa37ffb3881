package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compile again and fit(epochs=0) against live Keras ({@code python/keras_behaviour.py}), from the
 * initial weights Keras draws for seed 42: every logged value and the final weights, exactly.
 */
class LiveKerasBehaviourTest {
  @TempDir static Path dir;
  static JsonNode report;
  static Path init;

  @BeforeAll
  static void runKeras() throws Exception {
    init = dir.resolve("init.weights.h5");
    Path out = dir.resolve("behaviour.json");
    PythonVenv.locate().runChecked("keras_behaviour.py", "--seed", "42", "--init-weights",
        init.toString(), "--report", out.toString());
    report = new ObjectMapper().readTree(out.toFile());
  }

  private static Sequential model() throws Exception {
    Sequential m = new Sequential(0);
    m.add(new Dense(16, "relu", 2));
    m.add(new Dense(1, "sigmoid"));
    m.setProgressStream(Xor.NULL_OUT);
    m.compile(Loss.MEAN_SQUARED_ERROR, new Adam(0.001), List.of(Metric.BINARY_ACCURACY));
    KerasWeightsFile.load(init, m);
    return m;
  }

  private static List<Double> floats(JsonNode a) {
    List<Double> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asDouble()));
    return out;
  }

  private static void assertHistory(JsonNode keras, History java) {
    assertEquals(floats(keras.get("loss")), java.get("loss"));
    assertEquals(floats(keras.get("binary_accuracy")), java.get("binary_accuracy"));
  }

  @Test
  void compileAgainKeepsWeightsWithAFreshOptimizerAsKeras() throws Exception {
    JsonNode k = report.get("recompile");
    try (Sequential m = model()) {
      FitArgs five = FitArgs.builder(5).verbose(0).shuffle(false).build();
      assertHistory(k.get("first"), m.fit(Xor.X, Xor.Y, five));
      m.compile(Loss.MEAN_ABSOLUTE_ERROR, new Adam(0.01), List.of(Metric.BINARY_ACCURACY));
      assertHistory(k.get("second"), m.fit(Xor.X, Xor.Y, FitArgs.builder(3).verbose(0)
          .shuffle(false).build()));
      float[] scores = m.evaluate(Xor.X, Xor.Y, 32, 0);
      assertEquals(floats(k.get("evaluate")), List.of((double) scores[0], (double) scores[1]));
      for (int i = 0; i < 4; i++) {
        float[] w = new float[(int) m.getWeights().get(i).size()];
        int[] j = {0};
        m.getWeights().get(i).scalars().forEach(s -> w[j[0]++] = s.getFloat());
        List<Double> expected = floats(k.get("weights").get(i));
        float[] e = new float[expected.size()];
        for (int n = 0; n < e.length; n++) {
          e[n] = expected.get(n).floatValue();
        }
        assertArrayEquals(e, w, 0f, "weight " + i);
      }
    }
  }

  @Test
  void zeroEpochsReturnAnEmptyHistoryAndEvaluateAsKeras() throws Exception {
    JsonNode k = report.get("zero");
    assertTrue(k.get("history").isEmpty() && k.get("epoch").isEmpty(), k.toString());
    try (Sequential m = model()) {
      History h = m.fit(Xor.X, Xor.Y, FitArgs.builder(0).verbose(0).build());
      assertTrue(h.history().isEmpty() && h.epoch().isEmpty());
      float[] scores = m.evaluate(Xor.X, Xor.Y, 32, 0);
      assertEquals(floats(k.get("evaluate")), List.of((double) scores[0], (double) scores[1]));
    }
  }
}
