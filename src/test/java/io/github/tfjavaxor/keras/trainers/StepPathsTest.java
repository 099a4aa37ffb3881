package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.FusedAdam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import io.github.tfjavaxor.keras.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.GraphOperation;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Every composition of the one train step gives the inline step's bits: the same History (every
 * key, {@code val_} too), weights, optimizer variables, evaluate and predict. XLA rounds
 * differently, within a pinned bound, and must differ to show it ran.
 */
class StepPathsTest {

  /** A callback that holds fit to the host at every epoch's end (as EarlyStopping does). */
  static final class EpochWatcher implements Callback {
    final List<Integer> ends = new ArrayList<>();

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      ends.add(epoch);
    }
  }

  /** The paths, each a way to compile and fit the same model. */
  enum Path {
    INLINE(new StepsPerExecution(1), JitCompile.FALSE, false),
    SCAN_THREE_STEPS(new StepsPerExecution(3), JitCompile.FALSE, false),
    SCAN_WITHIN_EPOCHS(StepsPerExecution.AUTO, JitCompile.FALSE, true),
    SCAN_ACROSS_EPOCHS(StepsPerExecution.AUTO, JitCompile.FALSE, false),
    XLA(StepsPerExecution.AUTO, JitCompile.TRUE, false);

    final StepsPerExecution spe;
    final JitCompile jit;
    final boolean watchEpochs;

    Path(StepsPerExecution spe, JitCompile jit, boolean watchEpochs) {
      this.spe = spe;
      this.jit = jit;
      this.watchEpochs = watchEpochs;
    }
  }

  record Config(String name, float[][] x, float[][] y, List<Integer> units, List<String> acts,
      Loss loss, Supplier<Optimizer> optimizer, List<Metric> metrics, int batch, boolean shuffle,
      double validationSplit, int epochs) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Run(Map<String, List<Double>> history, float[] weights, List<String> optimizerState,
      float[] scores, float[][] predictions, boolean scanned) {}

  static float[][][] parity(int bits) {
    try {
      Dataset d = Datasets.load("parity:" + bits, null);
      return new float[][][] {d.x(), d.y()};
    } catch (DataException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> configs() {
    float[][][] xor = parity(2);
    float[][][] p5 = parity(5);
    float[][][] p3 = parity(3);
    float[][][] p4 = parity(4);
    List<Config> configs = List.of(
        new Config("tutorial: xor, batch 32 (one step)", xor[0], xor[1], List.of(16, 1),
            List.of("relu", "sigmoid"), Loss.MEAN_SQUARED_ERROR, () -> Optimizers.get("adam"),
            List.of(Metric.BINARY_ACCURACY), 32, true, 0, 120),
        new Config("parity:5, batch 5 (6 full + 1 of 2), shuffled, crossentropy", p5[0], p5[1],
            List.of(8, 1), List.of("tanh", "sigmoid"), Loss.BINARY_CROSSENTROPY,
            () -> Optimizers.get("adam", 0.01), List.of(Metric.BINARY_ACCURACY), 5, true, 0, 12),
        new Config("parity:3, 8-4 tanh-relu, rmsprop, batch 3, no shuffle", p3[0], p3[1],
            List.of(8, 4, 1), List.of("tanh", "relu", "sigmoid"), Loss.MEAN_SQUARED_ERROR,
            () -> Optimizers.get("rmsprop"), List.of(Metric.BINARY_ACCURACY,
                Metric.MEAN_ABSOLUTE_ERROR), 3, false, 0, 15),
        new Config("parity:4, sgd nesterov, batch 4, validation_split 0.25", p4[0], p4[1],
            List.of(8, 1), List.of("elu", "sigmoid"), Loss.MEAN_SQUARED_ERROR,
            () -> new SGD(0.1, 0.9, true), List.of(Metric.BINARY_ACCURACY), 4, true, 0.25, 10),
        new Config("xor, FusedAdam (ApplyAdam's formula), batch 2", xor[0], xor[1],
            List.of(16, 1), List.of("relu", "sigmoid"), Loss.MEAN_SQUARED_ERROR,
            () -> new FusedAdam(0.01), List.of(Metric.BINARY_ACCURACY), 2, false, 0, 20));
    List<Arguments> out = new ArrayList<>();
    for (Config c : configs) {
      for (Path p : Path.values()) {
        if (p != Path.INLINE) {
          out.add(Arguments.of(c, p));
        }
      }
    }
    return out.stream();
  }

  static Run fit(Config c, Path p) {
    try (Sequential m = new Sequential(7)) {
      for (int i = 0; i < c.units().size(); i++) {
        m.add(new Dense(c.units().get(i), c.acts().get(i), i == 0 ? c.x()[0].length : 0));
      }
      m.compile(new CompileConfig(c.loss(), c.optimizer().get(), c.metrics())
          .withStepsPerExecution(p.spe).withJitCompile(p.jit));
      EpochWatcher watcher = new EpochWatcher();
      History h = m.fit(c.x(), c.y(), FitArgs.builder(c.epochs()).batchSize(c.batch())
          .shuffle(c.shuffle()).validationSplit(c.validationSplit()).verbose(0)
          .callbacks(p.watchEpochs ? List.of(watcher) : List.of()).build());
      if (p.watchEpochs) {
        assertEquals(c.epochs(), watcher.ends.size());
      }
      List<Float> w = new ArrayList<>();
      for (FloatNdArray a : m.getWeights()) {
        a.scalars().forEach(s -> w.add(s.getFloat()));
      }
      float[] flat = new float[w.size()];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = w.get(i);
      }
      List<String> state = new ArrayList<>();
      for (NdArray<?> v : m.getOptimizerVariables()) {
        StringBuilder sb = new StringBuilder();
        v.scalars().forEach(s -> sb.append(s.getObject()).append(' '));
        state.add(sb.toString());
      }
      Iterable<GraphOperation> ops = () -> m.graph().operations();
      boolean scanned = StreamSupport.stream(ops.spliterator(), false)
          .anyMatch(o -> o.name().startsWith("train_scan"));
      return new Run(h.history(), flat, state, m.evaluate(c.x(), c.y(), c.batch(), 0),
          m.predict(c.x(), c.batch(), 0), scanned);
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("configs")
  void everyPathGivesTheInlineStepsBits(Config c, Path p) {
    Run inline = fit(c, Path.INLINE);
    Run other = fit(c, p);
    String where = c.name() + ": " + p + " against INLINE (one session.run per step); "
        + CpuInfo.describe();
    int trainRows = c.x().length - (int) Math.floor(c.x().length * c.validationSplit());
    int steps = (trainRows + c.batch() - 1) / c.batch();
    assertFalse(inline.scanned(), "inline runs no scan");
    // Three steps per run never cross an epoch: with one step per epoch that is the inline step.
    assertEquals(p != Path.SCAN_THREE_STEPS || steps > 1, other.scanned(), p + " runs the scan");
    if (p != Path.XLA) {
      assertEquals(inline.history(), other.history(), where);
      assertArrayEquals(inline.weights(), other.weights(), where);
      assertEquals(inline.optimizerState(), other.optimizerState(), where);
      assertArrayEquals(inline.scores(), other.scores(), where);
      assertArrayEquals(inline.predictions(), other.predictions(), where);
      return;
    }
    // XLA compiles its own kernels: not the same bits, the same training within a pinned bound.
    assertNotEquals(inline.history().get("loss"), other.history().get("loss"),
        "XLA ran: " + where);
    List<Double> a = inline.history().get("loss");
    List<Double> b = other.history().get("loss");
    double worst = 0;
    for (int e = 0; e < a.size(); e++) {
      worst = Math.max(worst, Math.abs(a.get(e) - b.get(e)) / a.get(e));
      assertEquals(a.get(e), b.get(e), XLA_RELATIVE_BOUND * a.get(e), "epoch " + e + ", " + where);
    }
    System.out.printf("%s: XLA max relative |dloss| %.2e%n", c.name(), worst);
  }

  /**
   * XLA's per-epoch loss against the exact path, relative: measured at most 2.6e-7 over these
   * configurations (AMD EPYC, oneDNN on), pinned with room for other CPUs and longer runs.
   */
  static final double XLA_RELATIVE_BOUND = 1e-5;

  @Test
  void theScanRunsTheKernelsOfTheInlineStep() {
    // Grappler fuses MatMul chains only where it sees the ops placed on the CPU: an unlowered
    // While's body has no devices, so a loop ran five plain MatMul where one step runs two fused
    // ones, and rounded differently under oneDNN on some CPUs (framework-defects.md §7).
    // Comparing the kernels finds that on any CPU, even where the bits happen to agree.
    float[][][] xor = parity(2);
    try (Sequential m = new Sequential(42);
        TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(xor[0]));
        TFloat32 y = TFloat32.tensorOf(StdArrays.ndCopyOf(xor[1]));
        TInt32 orders = TInt32.tensorOf(StdArrays.ndCopyOf(new int[][][] {{{0, 1, 2, 3}}}));
        TInt32 one = TInt32.scalarOf(1);
        TInt32 zero = TInt32.scalarOf(0);
        TFloat32 buffer = TFloat32.tensorOf(Shape.of(1, 2))) {
      m.add(new Dense(16, "relu", 2));
      m.add(new Dense(1, "sigmoid"));
      m.compile(CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy")));
      m.fit(xor[0], xor[1], FitArgs.builder(3).verbose(0).build());
      Session s = m.session();
      Map<String, Integer> inline = KernelCensus.of(s.runner().feed("x", x).feed("y", y)
          .fetch("batch_logs").addTarget("adam/apply_gradients"));
      Map<String, Integer> scan = KernelCensus.of(s.runner().feed("train_scan/x", x)
          .feed("train_scan/y", y).feed("train_scan/orders", orders)
          .feed("train_scan/count", one).feed("train_scan/first", zero)
          .feed("train_scan/buffer", buffer).addTarget("train_scan/update"));
      String where = " (the inline step against the scan; " + CpuInfo.describe() + ")";
      assertTrue(inline.keySet().stream().anyMatch(k -> k.contains("FusedMatMul")),
          "one step runs a fused MatMul" + where + ": " + inline);
      assertEquals(inline, scan, "the scan's kernels" + where);
    }
  }
}
