package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.SGD;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.parity.SideBySide;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;

/**
 * A fit handed over between Java and live Keras mid-way, both ways, equals one uninterrupted run
 * bit for bit (python/continue_fit.py): Java trains K epochs, saves {@code .keras}, Keras's {@code
 * load_model} (no warning) and {@code fit(initial_epoch=K, epochs=N)}; and Keras trains K epochs,
 * saves, Java loads and continues to N. Two steps per epoch (batch 2), so the iteration counter
 * (Adam's bias correction) is 2K at the hand-over, not K.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveKerasContinuationTest {
  private static final int EPOCHS = 12;
  private static final int SPLIT = 5;
  private static final int BATCH = 2;
  private static final int STEPS = 2; // 4 rows, batch 2
  private static final long SEED = 11;
  private static final Map<String, Supplier<Optimizer>> CASES = new LinkedHashMap<>();

  static {
    CASES.put("adam", Adam::new);
    CASES.put("sgd_momentum", () -> new SGD(SGD.LEARNING_RATE_DEFAULT, 0.9, false));
    CASES.put("sgd_nesterov", () -> new SGD(SGD.LEARNING_RATE_DEFAULT, 0.9, true));
    CASES.put("rmsprop", io.github.tfjavaxor.keras.optimizers.RMSprop::new);
  }

  private Path tmp;
  private JsonNode report;
  private final Map<String, Run> javaFull = new LinkedHashMap<>();
  private final Map<String, Run> javaFromKeras = new LinkedHashMap<>();
  private final Map<String, Long> iterationsAfterLoad = new LinkedHashMap<>();
  private final Map<String, String> javaSummary = new LinkedHashMap<>();

  /** A Java run's per-epoch losses, epoch indices and final weights. */
  record Run(float[] loss, List<Integer> epoch, List<float[]> weights) {
    static Run of(History h, Sequential m) {
      List<Double> l = h.get("loss");
      float[] loss = new float[l.size()];
      for (int i = 0; i < loss.length; i++) {
        loss[i] = l.get(i).floatValue();
      }
      List<float[]> w = new ArrayList<>();
      for (FloatNdArray a : m.getWeights()) {
        w.add(Fixtures.flatten(a));
      }
      return new Run(loss, h.epoch(), w);
    }
  }

  private static FitArgs fit(int initialEpoch) {
    return FitArgs.builder(EPOCHS).initialEpoch(initialEpoch).batchSize(BATCH).verbose(0)
        .shuffle(false).build();
  }

  private static Sequential compiled(Optimizer opt) {
    Sequential m = SideBySide.tutorialModel(SEED);
    m.compile(Loss.MEAN_SQUARED_ERROR, opt, List.of(Metric.BINARY_ACCURACY));
    return m;
  }

  @BeforeAll
  void runBothSides(@TempDir Path dir) throws IOException {
    tmp = dir;
    Path init = tmp.resolve("init.weights.h5");
    try (Sequential m = SideBySide.tutorialModel(SEED)) {
      KerasWeightsFile.save(init, m); // uncompiled: weights only
    }
    List<String> args = new ArrayList<>(List.of("--epochs", "" + EPOCHS, "--split", "" + SPLIT,
        "--batch-size", "" + BATCH, "--report", tmp.resolve("report.json").toString()));
    for (Map.Entry<String, Supplier<Optimizer>> c : CASES.entrySet()) {
      String name = c.getKey();
      try (Sequential m = compiled(c.getValue().get())) {
        javaFull.put(name, Run.of(m.fit(Fixtures.XOR, Fixtures.TARGET, fit(0)), m));
      }
      try (Sequential m = compiled(c.getValue().get())) {
        m.fit(Fixtures.XOR, Fixtures.TARGET,
            FitArgs.builder(SPLIT).batchSize(BATCH).verbose(0).shuffle(false).build());
        KerasModelFile.save(tmp.resolve(name + ".java.keras"), m);
        javaSummary.put(name, m.summary());
      }
      args.addAll(List.of("--case", name, name, init.toString(),
          tmp.resolve(name + ".java.keras").toString(), tmp.resolve(name + ".keras.keras").toString()));
    }
    PythonVenv.locate().runChecked("continue_fit.py", args.toArray(new String[0]));
    report = new ObjectMapper().readTree(tmp.resolve("report.json").toFile());
    // Kept for reading (docs/keras-files.md quotes it); target/ is build output.
    java.nio.file.Files.createDirectories(Path.of("target"));
    java.nio.file.Files.copy(tmp.resolve("report.json"), Path.of("target/continuation-report.json"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (String name : CASES.keySet()) {
      try (Sequential m = KerasModelFile.load(tmp.resolve(name + ".keras.keras"))) {
        m.setProgressStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        iterationsAfterLoad.put(name, ((LongNdArray) m.getOptimizerVariables().get(0)).getLong());
        javaFromKeras.put(name, Run.of(m.fit(Fixtures.XOR, Fixtures.TARGET, fit(SPLIT)), m));
      }
    }
  }

  private static void assertRun(JsonNode keras, float[] loss, List<Integer> epoch,
      List<float[]> weights, String what) {
    assertArrayEquals(Fixtures.flatten(keras.get("history").get("loss")), loss, 0f, what + " loss");
    assertEquals(keras.get("epoch").toString(), epoch.toString().replace(" ", ""), what + " epochs");
    for (int i = 0; i < weights.size(); i++) {
      assertArrayEquals(Fixtures.flatten(keras.get("weights").get(i)), weights.get(i), 0f,
          what + " weight " + i);
    }
  }

  private static List<Integer> range(int from, int to) {
    return IntStream.range(from, to).boxed().toList();
  }

  private static float[] tail(float[] a, int from) {
    return java.util.Arrays.copyOfRange(a, from, a.length);
  }

  @Test
  void javaAndKerasAgreeUninterrupted() {
    for (String name : CASES.keySet()) {
      JsonNode k = report.get("cases").get(name).get("uninterrupted");
      Run j = javaFull.get(name);
      assertRun(k, j.loss(), j.epoch(), j.weights(), name + " uninterrupted");
      assertEquals(EPOCHS * STEPS, k.get("iterations").asInt(), name);
    }
  }

  @Test
  void kerasContinuesJavaFileAsIfUninterrupted() {
    for (String name : CASES.keySet()) {
      JsonNode c = report.get("cases").get(name);
      assertEquals("[]", c.get("load_warnings").toString(), name + ": Keras warned on load");
      assertEquals(SPLIT * STEPS, c.get("loaded").get("iterations").asInt(), name + " iterations");
      Run full = javaFull.get(name);
      assertRun(c.get("from_java"), tail(full.loss(), SPLIT), range(SPLIT, EPOCHS),
          full.weights(), name + " Keras from Java");
      assertEquals(EPOCHS * STEPS, c.get("from_java").get("iterations").asInt(), name);
    }
    JsonNode sgd = report.get("cases").get("sgd_nesterov").get("loaded");
    for (String name : CASES.keySet()) {
      // Keras's summary() of the file Java wrote, Optimizer params line included.
      assertEquals(report.get("cases").get(name).get("loaded").get("summary").asText(),
          javaSummary.get(name), name + " summary");
    }
    assertEquals("SGD", sgd.get("optimizer").asText());
    assertEquals(0.9, sgd.get("config").get("momentum").asDouble());
    assertEquals(true, sgd.get("config").get("nesterov").asBoolean());
    assertEquals(2 + 4, sgd.get("variables").asInt()); // iteration, learning_rate, 4 momentums
  }

  @Test
  void javaContinuesKerasFileAsIfUninterrupted() {
    for (String name : CASES.keySet()) {
      JsonNode c = report.get("cases").get(name);
      assertEquals(SPLIT * STEPS, c.get("to_java").get("iterations").asInt(), name);
      assertEquals(SPLIT * STEPS, iterationsAfterLoad.get(name), name + " iterations after load");
      Run full = javaFull.get(name);
      Run cont = javaFromKeras.get(name);
      assertArrayEquals(tail(full.loss(), SPLIT), cont.loss(), 0f, name + " Java from Keras loss");
      assertEquals(range(SPLIT, EPOCHS), cont.epoch(), name + " History.epoch");
      for (int i = 0; i < full.weights().size(); i++) {
        assertArrayEquals(full.weights().get(i), cont.weights().get(i), 0f, name + " weight " + i);
      }
    }
  }
}
