package io.github.tfjavaxor.stacked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.parity.SideBySide;
import io.github.tfjavaxor.parity.StatisticalParity;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.buffer.DataBuffers;

/** Models trained side by side against the same models trained alone with Sequential.fit. */
class GroupFitTest {
  static final float[][] X = SideBySide.X;
  static final float[][] Y = SideBySide.Y;

  static ModelSpec spec(List<Integer> units, String act, String loss, String opt, Double lr, long seed) {
    List<String> acts = new ArrayList<>();
    units.forEach(u -> acts.add(act));
    return new ModelSpec(2, units, acts, 1, "sigmoid", loss, opt, lr, List.of("binary_accuracy"), seed).check();
  }

  /** Sequential.fit's per-epoch [loss, binary_accuracy] and evaluate's, as floats. */
  static float[][] single(ModelSpec s, int epochs, int batch, boolean shuffle, float[] evaluated) {
    try (Sequential m = s.build()) {
      m.setSessionConfig(SessionConfigs.threads(1, 1));
      History h = m.fit(X, Y, FitArgs.builder(epochs).batchSize(batch).verbose(0).shuffle(shuffle).build());
      float[][] out = new float[epochs][2];
      for (int e = 0; e < epochs; e++) {
        out[e][0] = h.get("loss").get(e).floatValue();
        out[e][1] = h.get("binary_accuracy").get(e).floatValue();
      }
      if (evaluated != null) {
        System.arraycopy(m.evaluate(X, Y, batch, 0), 0, evaluated, 0, 2);
      }
      return out;
    }
  }

  @Test
  void exactGroupEqualsEachSingleRunBitForBit() {
    // Mixed architectures, losses, optimizers and learning rates in one graph; batch 2 with
    // shuffle, so each model also draws its own row order every epoch.
    List<ModelSpec> specs = List.of(
        spec(List.of(16), "relu", "mean_squared_error", "adam", null, 1),
        spec(List.of(16), "relu", "mean_squared_error", "adam", 0.01, 2),
        spec(List.of(4, 3), "tanh", "binary_crossentropy", "sgd", 0.1, 3),
        spec(List.of(8), "elu", "mean_absolute_error", "rmsprop", null, 4));
    int epochs = 25;
    List<GroupFit.Log> logs = GroupFit.fit(specs, X, Y, new GroupFit.Plan(epochs, 2, true, true, false),
        SessionConfigs.threads(1, 1));
    for (int i = 0; i < specs.size(); i++) {
      float[] evaluated = new float[2];
      float[][] alone = single(specs.get(i), epochs, 2, true, evaluated);
      for (int e = 0; e < epochs; e++) {
        assertArrayEquals(alone[e], logs.get(i).epochs()[e], "model " + i + " epoch " + (e + 1));
      }
      assertArrayEquals(evaluated, logs.get(i).evaluate(), "model " + i + " evaluate");
    }
  }

  @Test
  void batchedStartsFromEachSingleRunsWeightsAndStaysWithinUlps() {
    List<ModelSpec> specs = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      specs.add(spec(List.of(16), "relu", "mean_squared_error", "adam", seed == 2 ? 0.01 : null, seed));
    }
    try (BatchedGroupGraph g = new BatchedGroupGraph(specs, SessionConfigs.threads(1, 1))) {
      for (int i = 0; i < specs.size(); i++) {
        try (Sequential m = specs.get(i).build()) {
          List<FloatNdArray> w = m.getWeights();
          List<float[]> stacked = g.weights(i);
          for (int k = 0; k < w.size(); k++) {
            float[] alone = new float[(int) w.get(k).shape().size()];
            w.get(k).copyTo(DataBuffers.of(alone, false, false));
            assertArrayEquals(alone, stacked.get(k), "model " + i + " weight " + k);
          }
        }
      }
    }
    int epochs = 40;
    List<GroupFit.Log> logs = GroupFit.fit(specs, X, Y, new GroupFit.Plan(epochs, 32, true, false, true),
        SessionConfigs.threads(1, 1));
    for (int i = 0; i < specs.size(); i++) {
      float[][] alone = single(specs.get(i), epochs, 32, true, null);
      // The same initial weights: the first logged loss is computed before any update, by
      // BatchMatMul here and by the single run's fused MatMul kernels: at most 1 ulp apart.
      assertEquals(alone[0][0], logs.get(i).epochs()[0][0], Math.ulp(alone[0][0]),
          "model " + i + " epoch 1 (batched group against a single fit; " + CpuInfo.describe()
              + ")");
      for (int e = 0; e < epochs; e++) {
        float a = alone[e][0];
        float b = logs.get(i).epochs()[e][0];
        assertTrue(Math.abs(a - b) <= 1e-5f * a, "model " + i + " epoch " + (e + 1) + ": " + a + " vs " + b);
      }
    }
  }

  @Test
  void batchedSgdAndRmspropFollowTheirSingleRuns() {
    for (String opt : List.of("sgd", "rmsprop")) {
      List<ModelSpec> specs = List.of(spec(List.of(8), "tanh", "binary_crossentropy", opt, 0.05, 7),
          spec(List.of(8), "tanh", "binary_crossentropy", opt, 0.02, 8));
      List<GroupFit.Log> logs = GroupFit.fit(specs, X, Y, new GroupFit.Plan(30, 2, true, false, true),
          SessionConfigs.threads(1, 1));
      for (int i = 0; i < specs.size(); i++) {
        float[][] alone = single(specs.get(i), 30, 2, true, null);
        for (int e = 0; e < 30; e++) {
          float a = alone[e][0];
          float b = logs.get(i).epochs()[e][0];
          assertTrue(Math.abs(a - b) <= 1e-5f * a, opt + " model " + i + " epoch " + (e + 1) + ": " + a + " vs " + b);
        }
      }
    }
  }

  @Test
  void statisticalParitysJavaSampleIsEachRunsOwnFitAndEvaluate() {
    int epochs = 60;
    StatisticalParity.Sample s = StatisticalParity.javaSample(3, 11, epochs, 0.01);
    int never = 0;
    for (int i = 0; i < 3; i++) {
      float[] evaluated = new float[2];
      float[][] alone = single(spec(List.of(16), "relu", "mean_squared_error", "adam", 0.01, 11 + i), epochs, 32,
          false, evaluated);
      int first = epochs + 1;
      for (int e = 0; e < epochs; e++) {
        if (alone[e][1] == 1f) {
          first = e + 1;
          break;
        }
      }
      never += first == epochs + 1 ? 1 : 0;
      assertEquals(first, s.epochsTo100()[i], "run " + i);
      assertEquals(evaluated[0], s.finalLoss()[i], 0.0, "run " + i);
    }
    assertEquals(never, s.neverReached());
  }

  @Test
  void groupsSplitByKeyAndCapBySizeJobsAndMemory() {
    List<String> runs = List.of("a1", "a2", "a3", "b1", "a4", "b2", "a5");
    List<List<String>> g = GroupKey.groups(runs, r -> r.substring(0, 1), r -> 100, 2, 1);
    assertEquals(List.of(List.of("a1", "a2"), List.of("a3", "a4"), List.of("a5"), List.of("b1", "b2")), g);
    // Two jobs: no group larger than half the runs (ceil 7 / 2 = 4).
    assertEquals(List.of(List.of("a1", "a2", "a3", "a4"), List.of("a5"), List.of("b1", "b2")),
        GroupKey.groups(runs, r -> r.substring(0, 1), r -> 100, 64, 2));
    // A model of a third of the budget: three per group.
    assertEquals(List.of(List.of("a1", "a2", "a3"), List.of("a4", "a5"), List.of("b1", "b2")),
        GroupKey.groups(runs, r -> r.substring(0, 1), r -> GroupKey.MEMORY_BUDGET_BYTES / 3, 64, 1));
    // The tutorial model: 65 parameters, 17 units, batch 32: 4 * (4 * 65 + 2 * 17 * 32) bytes.
    assertEquals(4 * (4 * 65 + 2 * 17 * 32), GroupKey.bytesPerModel(ModelSpec.tutorial(2, 1), 32));
  }
}
