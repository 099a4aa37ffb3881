package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.EarlyStopping;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;

/** Several epochs per session.run give the numbers of one epoch per run, bit for bit. */
class EpochLoopTest {

  /** A logs-only callback that records every hook it gets, with the logs' float32 bits. */
  static final class Recorder implements Callback {
    final List<String> events = new ArrayList<>();

    @Override
    public void onEpochBegin(int epoch) {
      events.add("begin " + epoch);
    }

    @Override
    public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
      events.add("batch " + batch + " " + logs);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      events.add("end " + epoch + " " + logs);
    }

    @Override
    public boolean readsOnlyLogs() {
      return true;
    }
  }

  record Run(List<Double> loss, List<Double> accuracy, float[] weights, List<String> events,
      boolean looped) {}

  static Run fit(String loss, String optimizer, int epochs, int initialEpoch, CompileConfig base,
      int perRun, JitCompile jit, Callback extra) {
    try (Sequential m = new Sequential(42)) {
      m.add(new Dense(16, "relu", 2));
      m.add(new Dense(1, "sigmoid"));
      CompileConfig c = base != null ? base
          : CompileConfig.of(loss, optimizer, List.of("binary_accuracy"));
      m.compile(c.withEpochsPerRun(perRun).withJitCompile(jit));
      Recorder rec = new Recorder();
      List<Callback> cbs = extra == null ? List.of(rec) : List.of(rec, extra);
      History h = m.fit(Xor.X, Xor.Y, FitArgs.builder(epochs).verbose(0).initialEpoch(initialEpoch)
          .callbacks(cbs).build());
      List<Float> w = new ArrayList<>();
      for (FloatNdArray a : m.getWeights()) {
        a.scalars().forEach(s -> w.add(s.getFloat()));
      }
      float[] flat = new float[w.size()];
      for (int i = 0; i < flat.length; i++) {
        flat[i] = w.get(i);
      }
      Iterable<GraphOperation> ops = () -> m.graph().operations();
      boolean looped = StreamSupport.stream(ops.spliterator(), false)
          .anyMatch(o -> o.name().startsWith("epoch_loop"));
      return new Run(h.get("loss"), h.get("binary_accuracy"), flat, rec.events, looped);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "mean_squared_error, adam, 300, 0, 1000",
    "mean_squared_error, adam, 40, 0, 7",
    "mean_squared_error, adam, 40, 5, 7",
    "binary_crossentropy, sgd, 60, 0, 1000",
    "mean_squared_error, rmsprop, 60, 0, 9",
  })
  void loopEqualsOneEpochPerRunBitForBit(String loss, String optimizer, int epochs, int initial,
      int perRun) {
    Run one = fit(loss, optimizer, epochs, initial, null, 1, JitCompile.FALSE, null);
    Run loop = fit(loss, optimizer, epochs, initial, null, perRun, JitCompile.FALSE, null);
    assertFalse(one.looped());
    assertTrue(loop.looped());
    String where = "one epoch per session.run against the epoch loop, " + perRun
        + " epochs per run; " + CpuInfo.describe();
    assertEquals(epochs - initial, loop.loss().size());
    assertEquals(one.loss(), loop.loss(), where);
    assertEquals(one.accuracy(), loop.accuracy(), where);
    assertArrayEquals(one.weights(), loop.weights(), where);
    // Every hook, in the same order, with the same logs.
    assertEquals(one.events(), loop.events(), where);
    assertEquals("begin " + initial, loop.events().get(0));
  }

  // The kernels that do the step's math, by op type, in a run's partition graphs (what the
  // executor really ran, after Grappler and the oneDNN rewrite).
  static Map<String, Integer> kernels(Session.Runner runner) {
    RunOptions options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();
    Map<String, Integer> census = new TreeMap<>();
    try (Result r = runner.setOptions(options).runAndFetchMetadata()) {
      for (GraphDef g : r.getMetadata().orElseThrow().getPartitionGraphsList()) {
        for (NodeDef n : g.getNodeList()) {
          if (n.getOp().matches(".*(MatMul|BiasAdd|Relu|Sigmoid|Tanh).*")) {
            census.merge(n.getOp(), 1, Integer::sum);
          }
        }
      }
    }
    return census;
  }

  @Test
  void theLoopRunsTheKernelsOfOneStep() {
    // Grappler fuses MatMul chains only where it sees the ops placed on the CPU: an unlowered
    // While's body has no devices, so the loop ran five plain MatMul where one step runs two
    // fused ones, and rounded differently under oneDNN on some CPUs (framework-defects.md §7).
    // Comparing the kernels finds that on any CPU, even where the bits happen to agree.
    try (Sequential m = Xor.model(42);
        TFloat32 x = TFloat32.tensorOf(StdArrays.ndCopyOf(Xor.X));
        TFloat32 y = TFloat32.tensorOf(StdArrays.ndCopyOf(Xor.Y));
        TFloat32 logs = TFloat32.tensorOf(Shape.of(2, 2))) {
      m.compile(CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy")));
      m.fit(Xor.X, Xor.Y, FitArgs.builder(3).verbose(0).build());
      Session s = m.session();
      Map<String, Integer> step = kernels(s.runner().feed("x", x).feed("y", y)
          .fetch("batch_logs").addTarget("adam/apply_gradients"));
      Map<String, Integer> loop = kernels(s.runner().feed("x", x).feed("y", y)
          .feed("epoch_loop/logs_init", logs).addTarget("epoch_loop/NoOp"));
      String where = " (one step per session.run against the epoch loop; " + CpuInfo.describe()
          + ")";
      assertTrue(step.keySet().stream().anyMatch(k -> k.contains("FusedMatMul")),
          "one step runs a fused MatMul" + where + ": " + step);
      assertEquals(step, loop, "the loop's kernels" + where);
    }
  }

  @Test
  void theTutorialUsesTheLoopByDefault() {
    assertEquals(1000, CompileConfig.EPOCHS_PER_RUN_DEFAULT);
    Run r = fit("mean_squared_error", "adam", 3, 0,
        CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy")),
        CompileConfig.EPOCHS_PER_RUN_DEFAULT, JitCompile.JIT_COMPILE_DEFAULT, null);
    assertTrue(r.looped());
  }

  @Test
  void earlyStoppingKeepsOneEpochPerRunAndStopsWhereTheLoopWould() {
    // min_delta 1.0 on the loss: no epoch improves enough, so it stops after patience epochs.
    Run one = fit("mean_squared_error", "adam", 50, 0, null, 1, JitCompile.FALSE,
        new EarlyStopping("loss", 1.0, 2, "auto", null, false, 0, null));
    Run dflt = fit("mean_squared_error", "adam", 50, 0, null, 1000, JitCompile.FALSE,
        new EarlyStopping("loss", 1.0, 2, "auto", null, false, 0, null));
    assertFalse(dflt.looped());
    assertEquals(3, dflt.loss().size());
    assertEquals(one.loss(), dflt.loss());
    assertArrayEquals(one.weights(), dflt.weights());
  }

  @Test
  void severalBatchesKeepOneEpochPerRun() {
    try (Sequential m = Xor.model(3)) {
      m.fit(TrainerTest.X8, TrainerTest.Y8, FitArgs.builder(5).batchSize(4).verbose(0).build());
      Iterable<GraphOperation> ops = () -> m.graph().operations();
      assertFalse(StreamSupport.stream(ops.spliterator(), false)
          .anyMatch(o -> o.name().startsWith("epoch_loop")));
    }
  }

  @Test
  void autoIsTheExactPathOnTheCpuAndTrueCompilesWithXla() {
    Run exact = fit("mean_squared_error", "adam", 200, 0, null, 1, JitCompile.FALSE, null);
    Run auto = fit("mean_squared_error", "adam", 200, 0, null, 1000, JitCompile.AUTO, null);
    Run xla = fit("mean_squared_error", "adam", 200, 0, null, 1000, JitCompile.TRUE, null);
    assertEquals(exact.loss(), auto.loss(), "one epoch per session.run against jit_compile=auto"
        + " (the epoch loop without XLA on a CPU); " + CpuInfo.describe());
    assertTrue(xla.looped());
    // XLA's kernels round differently: not the same bits, but the same training to ~1e-6.
    assertNotEquals(exact.loss(), xla.loss());
    for (int e = 0; e < 200; e++) {
      double want = exact.loss().get(e);
      assertEquals(want, xla.loss().get(e), 1e-5 * want, "epoch " + e);
    }
    assertEquals(exact.accuracy(), xla.accuracy());
  }

  @Test
  void jitCompileParsesKerasValues() {
    assertEquals(JitCompile.AUTO, JitCompile.of("auto"));
    assertEquals(JitCompile.TRUE, JitCompile.of("True"));
    assertEquals(JitCompile.FALSE, JitCompile.of(" false "));
    assertTrue(JitCompile.AUTO.resolve(true));
    assertFalse(JitCompile.AUTO.resolve(false));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JitCompile.of("yes"));
    assertEquals("jit_compile: expected auto, true or false, found 'yes'", e.getMessage());
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class,
        () -> CompileConfig.of("mse", "adam", List.of()).withEpochsPerRun(0));
    assertEquals("epochsPerRun: expected an integer >= 1, found 0", k.getMessage());
  }
}
