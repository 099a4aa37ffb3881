package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.parity.SideBySide;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files crossing between Java and live Keras/TensorFlow in the project venv (python/.venv, created
 * by python/venv.sh on first use). A missing or broken Python dependency fails these tests; they
 * are never skipped.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveKerasInteropTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private PythonVenv venv;
  private Sequential model;
  private float[][] javaPredictions;
  @TempDir Path tmp;

  @BeforeAll
  void setUp() throws IOException {
    venv = PythonVenv.locate();
    venv.python(); // creates the venv if needed; throws (test failure) if a pin is missing
    model = SideBySide.tutorialModel(7);
    model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
    model.fit(Fixtures.XOR, Fixtures.TARGET, FitArgs.builder(20).batchSize(32).verbose(0).shuffle(false).build());
    javaPredictions = model.predict(Fixtures.XOR, 32, 0);
  }

  @org.junit.jupiter.api.AfterAll
  void tearDown() {
    if (model != null) {
      model.close();
    }
  }

  private JsonNode check(String... args) throws IOException {
    String out = venv.runChecked("interop_check.py", args).stdout();
    return JSON.readTree(out.strip().substring(out.strip().lastIndexOf('\n') + 1));
  }

  private void assertSameWeights(JsonNode keras) {
    List<org.tensorflow.ndarray.FloatNdArray> w = model.getWeights();
    for (int i = 0; i < w.size(); i++) {
      assertArrayEquals(Fixtures.flatten(w.get(i)), Fixtures.flatten(keras.get("weights").get(i)),
          0f, "weight " + i);
    }
  }

  @Test
  void kerasLoadWeightsAcceptsJavaWeightsFile() throws IOException {
    Path file = tmp.resolve("java.weights.h5");
    KerasWeightsFile.save(file, model);
    JsonNode k = check("weights", file.toString());
    assertSameWeights(k);
    assertArrayEquals(Fixtures.flatten(javaPredictions),
        Fixtures.flatten(k.get("predictions")), 0f);
  }

  @Test
  void kerasLoadModelAcceptsJavaKerasFile() throws IOException {
    Path file = tmp.resolve("java.keras");
    KerasModelFile.save(file, model);
    JsonNode k = check("model", file.toString());
    assertEquals("[{\"class_name\":\"Dense\",\"name\":\"dense\",\"units\":16,\"activation\":\"relu\"},"
        + "{\"class_name\":\"Dense\",\"name\":\"dense_1\",\"units\":1,\"activation\":\"sigmoid\"}]",
        k.get("layers").toString());
    assertTrue(k.get("compiled").asBoolean());
    assertEquals("mean_squared_error", k.get("loss").asText());
    assertEquals("adam", k.get("optimizer").asText());
    assertEquals(0.001f, (float) k.get("learning_rate").asDouble());
    assertSameWeights(k);
    assertArrayEquals(Fixtures.flatten(javaPredictions),
        Fixtures.flatten(k.get("predictions")), 0f);
  }

  @Test
  void tensorflowCallsJavaSavedModelSignature() throws IOException {
    Path dir = tmp.resolve("java_savedmodel");
    SavedModels.export(model, dir);
    JsonNode k = check("savedmodel", dir.toString());
    assertEquals(SavedModels.INPUT_NAME, k.get("input").asText());
    assertEquals("[\"" + SavedModels.OUTPUT_NAME + "\"]", k.get("outputs").toString());
    // Same graph, same kernels: Python's call returns Java's predictions bit for bit.
    assertArrayEquals(Fixtures.flatten(javaPredictions),
        Fixtures.flatten(k.get("predictions")), 0f);
  }

  @Test
  void javaReadsWhatLiveKerasWrote() throws IOException {
    Path keras = tmp.resolve("keras.keras");
    Path init = tmp.resolve("init.weights.h5");
    Path report = tmp.resolve("report.json");
    venv.runChecked("xor_keras3.py", "--seed", "3", "--epochs", "30", "--no-shuffle",
        "--verbose", "0", "--init-weights", init.toString(), "--save", keras.toString(),
        "--report", report.toString());
    JsonNode r = JSON.readTree(report.toFile());
    try (Sequential m = KerasModelFile.load(keras)) {
      m.setProgressStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      assertArrayEquals(Fixtures.flatten(r.get("predictions")),
          Fixtures.flatten(m.predict(Fixtures.XOR, 32, 0)), 0f);
    }
    try (Sequential m = SideBySide.tutorialModel(0)) {
      KerasWeightsFile.load(init, m);
      assertEquals(0f, Fixtures.flatten(m.getWeights().get(1))[0]); // Keras's zero bias init
    }
  }
}
