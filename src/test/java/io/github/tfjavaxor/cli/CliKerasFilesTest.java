package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * evaluate, predict, summary and train on files live Keras wrote (python/make_cli_fixtures.py),
 * and train --save files live Keras loads (python/cli_check.py in the project venv).
 */
class CliKerasFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PythonVenv venv;
  @TempDir Path dir;

  @BeforeAll
  static void venv() throws IOException {
    venv = PythonVenv.locate();
    venv.python();
  }

  static Path fixture(String name) {
    return Path.of("src/test/resources/io/github/tfjavaxor/interop", name).toAbsolutePath();
  }

  private static String keras(String mode, Path file) throws IOException {
    return venv.runChecked("cli_check.py", mode, file.toString()).stdout();
  }

  private static JsonNode kerasJson(String mode, Path file) throws IOException {
    String out = keras(mode, file).strip();
    return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
  }

  private static Cli ok(String... args) {
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), "stderr: " + r.err());
    return r;
  }

  /** predict on the four XOR rows from stdin; exit 0 asserted. */
  static Cli predictXor(Path model) {
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream("0,0\n0,1\n1,0\n1,1\n".getBytes(StandardCharsets.UTF_8)));
      return ok("predict", "--model", model.toString());
    } finally {
      System.setIn(old);
    }
  }

  private static float[] floats(String lines) {
    return toFloats(Arrays.stream(lines.strip().split("\n")).mapToDouble(Double::parseDouble).toArray());
  }

  private static float[] floats(JsonNode rows) {
    double[] d = new double[rows.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = rows.get(i).get(0).asDouble();
    }
    return toFloats(d);
  }

  private static float[] toFloats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @Test
  void evaluatesAndPredictsAKerasWrittenFileAsKerasDoes() throws IOException {
    Path file = fixture("stored.keras");
    JsonNode k = kerasJson("evaluate", file);
    Cli ev = ok("evaluate", "--model", file.toString(), "--data", "xor");
    assertEquals("loss: " + PyFormat.metric(k.get("loss").floatValue()) + " - binary_accuracy: "
        + PyFormat.metric(k.get("binary_accuracy").floatValue()) + "\n", ev.out());
    assertArrayEquals(floats(kerasJson("predict", file)), floats(predictXor(file).out()), 0f);
  }

  @Test
  void evaluatesFilesWhoseOptimizerThePortCannotTrainAsKerasDoes() throws IOException {
    // evaluate needs the loss and metrics only: AdamW (which the port lacks) and a frozen layer
    // (fewer optimizer slots than the port's Adam) were refused.
    for (String name : new String[] {"adamw.keras", "frozen.keras"}) {
      Path file = fixture(name);
      JsonNode k = kerasJson("evaluate", file);
      Cli ev = ok("evaluate", "--model", file.toString(), "--data", "xor");
      assertEquals("loss: " + PyFormat.metric(k.get("loss").floatValue()) + " - accuracy: "
          + PyFormat.metric(k.get("accuracy").floatValue()) + "\n", ev.out(), name);
    }
    Cli train = Cli.run("train", "--from", fixture("adamw.keras").toString(), "--epochs", "30");
    assertEquals(3, train.code(), train.err());
    assertTrue(train.firstError().contains("class_name 'AdamW' is not supported"), train.err());
    Cli frozen = Cli.run("summary", "--model", fixture("frozen.keras").toString());
    assertEquals(3, frozen.code(), frozen.err());
    assertTrue(frozen.firstError().endsWith("optimizer/vars has 6 variables; the compiled adam on"
        + " this model has 10 (iteration, learning_rate, dense_kernel_momentum,"
        + " dense_kernel_velocity, dense_bias_momentum, dense_bias_velocity,"
        + " dense_1_kernel_momentum, dense_1_kernel_velocity, dense_1_bias_momentum,"
        + " dense_1_bias_velocity); a layer with trainable=False has no optimizer slots, and the"
        + " port trains every layer"), frozen.err());
  }

  @Test
  void summaryIsKerasTable() throws IOException {
    Path file = fixture("uncompiled.keras");
    String expected = keras("summary", file);
    assertEquals(expected, ok("summary", "--model", file.toString()).out());
  }

  @Test
  void summaryOfACompiledFileHasKerasOptimizerLine() throws IOException {
    Path file = fixture("stored.keras");
    String expected = keras("summary", file);
    assertTrue(expected.contains(" Optimizer params: "), expected);
    assertEquals(expected, ok("summary", "--model", file.toString()).out());
  }

  @Test
  void trainFromAJavaWrittenFileStartsAtItsEpoch() {
    Path file = dir.resolve("java.keras");
    ok("train", "--epochs", "5", "--verbose", "0", "--save", file.toString());
    Cli r = ok("train", "--from", file.toString(), "--epochs", "7", "--verbose", "0");
    assertTrue(r.out().contains("epochs: 7 (resumed at 5)\n"), r.out());
  }

  @Test
  void trainSaveKerasWritesAFileKerasLoads() throws IOException {
    Path file = dir.resolve("m.keras");
    ok("train", "--epochs", "5", "--verbose", "0", "--save", file.toString());
    assertArrayEquals(floats(predictXor(file).out()), floats(kerasJson("predict", file)), 0f);
    Path sm = dir.resolve("sm");
    ok("train", "--from", file.toString(), "--epochs", "0", "--verbose", "0", "--save", sm + "/");
    assertTrue(Files.isRegularFile(sm.resolve("saved_model.pb")));
    assertEquals(predictXor(file).out(), predictXor(sm).out());
  }

  @Test
  void trainFromKerasStartsAtTheOptimizersEpoch() {
    // stored.keras: 50 full-batch XOR epochs, so iterations = 50 = 50 epochs of 1 step.
    Path file = fixture("stored.keras");
    Cli r = ok("train", "--from", file.toString(), "--epochs", "52", "--verbose", "0");
    assertTrue(r.out().contains("epochs: 52 (resumed at 50)\n"), r.out());
    Cli half = ok("train", "--from", file.toString(), "--epochs", "30", "--verbose", "0",
        "--validation-split", "0.25", "--batch-size", "2");
    assertTrue(half.out().contains("epochs: 30 (resumed at 25)\n"), half.out()); // 3 rows: 2 steps
    Cli odd = ok("train", "--from", file.toString(), "--epochs", "1", "--verbose", "0",
        "--validation-split", "0.25", "--batch-size", "1");
    assertEquals("train: " + file + ": the optimizer has taken 50 steps, not a whole number of"
        + " epochs of 3 steps (3 rows, --batch-size 1); starting at epoch 0 (--initial-epoch K"
        + " says otherwise)\n", odd.err().lines().filter(l -> l.startsWith("train: ")).findFirst()
        .orElse("") + "\n");
    assertTrue(odd.out().contains("epochs: 1\n"), odd.out());
    Cli explicit = ok("train", "--from", file.toString(), "--epochs", "57", "--verbose", "0",
        "--initial-epoch", "55");
    assertTrue(explicit.out().contains("epochs: 57 (resumed at 55)\n"), explicit.out());
    Cli done = ok("train", "--from", file.toString(), "--epochs", "40", "--verbose", "0");
    assertTrue(done.err().contains("train: the model already has 50 epochs (--epochs 40); nothing"
        + " to train\n"), done.err());
  }

  @Test
  void trainFromWeightsUsesTheModelFlags() {
    Path file = fixture("xor.weights.h5"); // Keras's save_weights after 50 epochs
    Cli r = ok("train", "--from", file.toString(), "--epochs", "51", "--verbose", "0");
    assertTrue(r.out().contains("epochs: 51 (resumed at 50)\n"), r.out());
    Cli wrong = Cli.run("train", "--from", file.toString(), "--layers", "8", "--epochs", "51",
        "--verbose", "0");
    assertEquals(3, wrong.code());
    assertEquals("tfjava-xor train: file error: xor.weights.h5: dataset layers/dense/vars/0"
        + " (dense/kernel): expected float32 [2, 8], found float32 [2, 16]",
        wrong.err().lines().filter(l -> l.startsWith("tfjava-xor train: ")).findFirst().orElse(""));
    assertEquals("", wrong.out());
  }
}
