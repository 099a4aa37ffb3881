package io.github.tfjavaxor.stacked;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.SGD;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.KernelCensus;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.keras.transforms.StackedModels;
import io.github.tfjavaxor.parity.SideBySide;
import io.github.tfjavaxor.parity.StatisticalParity;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

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
      m.setSessionConfig(SessionConfigs.DEFAULT);
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

  static GroupFit.Plan plan(int epochs, int batch, boolean evaluate, Stack.Mode mode, boolean jit) {
    return new GroupFit.Plan(epochs, batch, true, evaluate, mode, jit);
  }

  static List<ModelSpec> seeds(ModelSpec s, Double... rates) {
    List<ModelSpec> out = new ArrayList<>();
    for (int i = 0; i < rates.length; i++) {
      out.add(new ModelSpec(s.inputDim(), s.units(), s.activations(), s.outputUnits(),
          s.outputActivation(), s.loss(), s.optimizer(), rates[i], s.metrics(), s.seed() + i));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configurations")
  void exactGroupEqualsEachSingleRunBitForBit(String name, List<ModelSpec> specs, int batch) {
    // Batch 2 or 3 of 4 rows with shuffle: each model draws its own row order every epoch, and
    // batch 3 adds a short last batch (the scan's other branch).
    int epochs = 25;
    List<GroupFit.Log> logs =
        GroupFit.fit(specs, X, Y, plan(epochs, batch, true, Stack.Mode.EXACT, false),
            SessionConfigs.STACKED).logs();
    for (int i = 0; i < specs.size(); i++) {
      float[] evaluated = new float[2];
      float[][] alone = single(specs.get(i), epochs, batch, true, evaluated);
      for (int e = 0; e < epochs; e++) {
        assertArrayEquals(alone[e], logs.get(i).epochs()[e], name + ": model " + i + " epoch "
            + (e + 1) + ", exact stack against its own Sequential.fit; " + CpuInfo.describe());
      }
      assertArrayEquals(evaluated, logs.get(i).evaluate(), name + ": model " + i + " evaluate");
    }
  }

  static Stream<Arguments> configurations() {
    return Stream.of(
        Arguments.of("16 relu, mse, adam, learning rates 0.001 and 0.01",
            seeds(spec(List.of(16), "relu", "mean_squared_error", "adam", null, 1), null, 0.01), 2),
        Arguments.of("4-3 tanh, binary_crossentropy, sgd 0.1",
            seeds(spec(List.of(4, 3), "tanh", "binary_crossentropy", "sgd", 0.1, 3), 0.1, 0.1),
            3),
        Arguments.of("8 elu, mae, rmsprop",
            seeds(spec(List.of(8), "elu", "mean_absolute_error", "rmsprop", null, 4), null, null,
                null), 2));
  }

  @Test
  void theExactStackRunsEachModelsOwnKernels() {
    // Each model's step is a function call, inlined before Grappler: every model must get its
    // single fit's fused kernels, or it rounds differently on some CPUs (framework-defects §7).
    List<ModelSpec> specs = seeds(spec(List.of(16), "relu", "mean_squared_error", "adam", null, 1),
        null, null, null);
    Map<String, Integer> single;
    try (Sequential m = specs.get(0).build();
        TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X));
        TFloat32 y = TFloat32.tensorOf(StdArrays.ndCopyOf(Y))) {
      m.fit(X, Y, FitArgs.builder(1).verbose(0).build());
      single = KernelCensus.of(m.session().runner().feed("x", x).feed("y", y)
          .fetch("batch_logs").addTarget("adam/apply_gradients"));
    }
    Map<String, Integer> stacked;
    try (GroupFit g = GroupFit.compile(specs, X, Y, plan(1, 32, false, Stack.Mode.EXACT, false),
            SessionConfigs.STACKED);
        TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(X));
        TFloat32 y = TFloat32.tensorOf(StdArrays.ndCopyOf(Y));
        TInt32 orders = TInt32.tensorOf(StdArrays.ndCopyOf(new int[][][] {
            {{0, 1, 2, 3}, {0, 1, 2, 3}, {0, 1, 2, 3}}}));
        TInt32 one = TInt32.scalarOf(1);
        TInt32 zero = TInt32.scalarOf(0);
        TFloat32 buffer = TFloat32.tensorOf(Shape.of(1, 6))) {
      stacked = KernelCensus.of(g.session().runner().feed("train_scan/x", x)
          .feed("train_scan/y", y).feed("train_scan/orders", orders)
          .feed("train_scan/count", one).feed("train_scan/first", zero)
          .feed("train_scan/buffer", buffer).addTarget("train_scan/update"));
    }
    Map<String, Integer> times3 = new TreeMap<>();
    single.forEach((k, v) -> times3.put(k, 3 * v));
    assertEquals(times3, stacked, "three exact models' kernels against three single steps'; "
        + CpuInfo.describe());
  }

  @Test
  void batchedAndXlaStayWithinTheirBoundOfEachSingleRun() {
    List<ModelSpec> specs = seeds(spec(List.of(16), "relu", "mean_squared_error", "adam", null, 1),
        null, null, null);
    int epochs = 40;
    for (Stack.Mode mode : Stack.Mode.values()) {
      for (boolean jit : new boolean[] {false, true}) {
        if (mode == Stack.Mode.EXACT && !jit) {
          continue;
        }
        List<GroupFit.Log> logs = GroupFit.fit(specs, X, Y, plan(epochs, 32, false, mode, jit),
            SessionConfigs.STACKED).logs();
        String path = mode + (jit ? " under XLA" : "") + " against a single fit; "
            + CpuInfo.describe();
        for (int i = 0; i < specs.size(); i++) {
          float[][] alone = single(specs.get(i), epochs, 32, true, null);
          // The same initial weights: the first loss is logged before any update, computed by
          // other kernels (BatchMatMul, XLA's dot) from the same numbers: at most 1 ulp apart.
          assertEquals(alone[0][0], logs.get(i).epochs()[0][0], Math.ulp(alone[0][0]),
              "model " + i + " epoch 1, " + path);
          for (int e = 0; e < epochs; e++) {
            float a = alone[e][0];
            float b = logs.get(i).epochs()[e][0];
            assertTrue(Math.abs(a - b) <= 1e-5f * a,
                "model " + i + " epoch " + (e + 1) + ": " + a + " vs " + b + ", " + path);
          }
        }
      }
    }
  }

  @Test
  void batchedSgdAndRmspropFollowTheirSingleRuns() {
    for (String opt : List.of("sgd", "rmsprop")) {
      List<ModelSpec> specs =
          seeds(spec(List.of(8), "tanh", "binary_crossentropy", opt, 0.05, 7), 0.05, 0.05);
      List<GroupFit.Log> logs = GroupFit.fit(specs, X, Y,
          plan(30, 2, false, Stack.Mode.BATCHED, false), SessionConfigs.STACKED).logs();
      for (int i = 0; i < specs.size(); i++) {
        float[][] alone = single(specs.get(i), 30, 2, true, null);
        for (int e = 0; e < 30; e++) {
          float a = alone[e][0];
          float b = logs.get(i).epochs()[e][0];
          assertTrue(Math.abs(a - b) <= 1e-5f * a, opt + " model " + i + " epoch " + (e + 1)
              + ": " + a + " vs " + b + "; " + CpuInfo.describe());
        }
      }
    }
  }

  @Test
  void optimizerOptionsStackAsTheyTrainAlone() {
    // Options a ModelSpec cannot name: SGD with Nesterov momentum, Adam with its own betas.
    List<Supplier<Optimizer>> optimizers = List.of(() -> new SGD(0.05, 0.9, true),
        () -> new Adam(0.01, 0.8, 0.99, 1e-6));
    int epochs = 20;
    for (Supplier<Optimizer> o : optimizers) {
      List<ModelSpec> specs = seeds(spec(List.of(8), "tanh", "mean_squared_error", "adam", null, 5),
          null, null);
      float[][][] alone = new float[2][][];
      for (int i = 0; i < 2; i++) {
        try (Sequential m = specs.get(i).build(o.get())) {
          m.setSessionConfig(SessionConfigs.DEFAULT);
          History h = m.fit(X, Y, FitArgs.builder(epochs).batchSize(2).verbose(0).build());
          alone[i] = new float[epochs][2];
          for (int e = 0; e < epochs; e++) {
            alone[i][e][0] = h.get("loss").get(e).floatValue();
            alone[i][e][1] = h.get("binary_accuracy").get(e).floatValue();
          }
        }
      }
      for (Stack.Mode mode : Stack.Mode.values()) {
        Optimizer template = o.get();
        StackedModels models = new StackedModels(layers(8, "tanh"),
            Loss.MEAN_SQUARED_ERROR, List.of(Metric.BINARY_ACCURACY), template,
            new long[] {5, 6}, new float[] {template.learningRate(), template.learningRate()});
        List<GroupFit.Log> logs;
        try (GroupFit g = GroupFit.compile(models, X, Y, plan(epochs, 2, false, mode, false),
            SessionConfigs.STACKED)) {
          logs = g.fit();
        }
        String path = template.kerasName() + " " + mode + " against its own fits; "
            + CpuInfo.describe();
        for (int i = 0; i < 2; i++) {
          for (int e = 0; e < epochs; e++) {
            float a = alone[i][e][0];
            float b = logs.get(i).epochs()[e][0];
            if (mode == Stack.Mode.EXACT) {
              assertArrayEquals(alone[i][e], logs.get(i).epochs()[e],
                  "model " + i + " epoch " + (e + 1) + ", " + path);
            } else {
              assertTrue(Math.abs(a - b) <= 1e-5f * a,
                  "model " + i + " epoch " + (e + 1) + ": " + a + " vs " + b + ", " + path);
            }
          }
        }
      }
    }
  }

  // The 2-hidden-1 layers, attached as Sequential attaches them.
  static List<Dense> layers(int hidden, String activation) {
    Dense d0 = new Dense(hidden, activation, 2);
    d0.attach(0, 0);
    Dense d1 = new Dense(1, "sigmoid");
    d1.attach(1, hidden);
    return List.of(d0, d1);
  }

  @Test
  void aGroupHoldsOneConfiguration() {
    List<ModelSpec> specs = List.of(spec(List.of(16), "relu", "mean_squared_error", "adam", null, 1),
        spec(List.of(8), "relu", "mean_squared_error", "adam", null, 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GroupFit.fit(
        specs, X, Y, plan(5, 32, false, Stack.Mode.EXACT, false), SessionConfigs.STACKED));
    assertEquals("group: expected models of one configuration (batch 32 | epochs 5"
        + " | [binary_accuracy] | 2 [16] [relu] 1 sigmoid mean_squared_error adam), found batch 32"
        + " | epochs 5 | [binary_accuracy] | 2 [8] [relu] 1 sigmoid mean_squared_error adam",
        e.getMessage());
    List<ModelSpec> rates = seeds(specs.get(0), null, 0.01);
    e = assertThrows(IllegalArgumentException.class, () -> GroupFit.fit(rates, X, Y,
        plan(5, 32, false, Stack.Mode.BATCHED, false), SessionConfigs.STACKED));
    assertTrue(e.getMessage().endsWith("adam | learning rate 0.01"), e.getMessage());
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
