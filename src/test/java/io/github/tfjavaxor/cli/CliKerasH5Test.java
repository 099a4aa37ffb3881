package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code --save m.h5} wrote a TF checkpoint named {@code m.h5.index}; a Keras user means
 * the legacy HDF5 model of {@code model.save("m.h5")}. The port writes that format, live Keras
 * loads it (python/cli_check.py), and the port reads the files Keras writes in it
 * (python/compile_names.py).
 */
class CliKerasH5Test {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PythonVenv venv;
  @TempDir static Path dir;
  static JsonNode report;

  @BeforeAll
  static void kerasWritesAnH5() throws IOException {
    venv = PythonVenv.locate();
    report = CliKerasCompileCallsTest.kerasFiles(venv, dir, "[{\"loss\": \"mean_squared_error\","
        + " \"metrics\": [\"accuracy\", \"mse\"]}]").get(0);
  }

  private static Cli ok(String... args) {
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), "stderr: " + r.err());
    return r;
  }

  private static JsonNode keras(String mode, Path file) throws IOException {
    String out = venv.runChecked("cli_check.py", mode, file.toString()).stdout().strip();
    return JSON.readTree(out.substring(out.lastIndexOf('\n') + 1));
  }

  private static List<Float> floats(JsonNode rows) {
    List<Float> out = new ArrayList<>();
    rows.forEach(r -> out.add((float) r.get(0).asDouble()));
    return out;
  }

  private static List<Float> floats(String lines) {
    return lines.lines().map(Float::parseFloat).toList();
  }

  @Test
  void trainSaveH5WritesAModelKerasLoadsWithItsOptimizerState() throws IOException {
    Path h5 = dir.resolve("java.h5");
    // --loss mse: written as mean_squared_error, which Keras's legacy loader can read.
    ok("train", "--epochs", "40", "--verbose", "0", "--loss", "mse", "--metrics", "accuracy",
        "--save", h5.toString());
    assertTrue(Files.notExists(Path.of(h5 + ".index")));
    assertEquals(List.of(), List.copyOf(JSON.convertValue(keras("load", h5).get("warnings"),
        List.class)), "Keras loads it without a warning (optimizer state included)");
    assertEquals(floats(keras("predict", h5)), floats(CliKerasFilesTest.predictXor(h5).out()));
    JsonNode ev = keras("evaluate", h5);
    assertEquals("loss: " + PyFormat.metric(ev.get("loss").floatValue()) + " - accuracy: "
        + PyFormat.metric(ev.get("accuracy").floatValue()) + "\n",
        ok("evaluate", "--model", h5.toString(), "--data", "xor").out());
    Cli more = ok("train", "--from", h5.toString(), "--epochs", "45", "--verbose", "0");
    assertTrue(more.out().contains("epochs: 45 (resumed at 40)"), more.out());
    ok("train", "--epochs", "2", "--verbose", "0", "--checkpoint",
        dir.resolve("ck-{epoch}.h5").toString());
    assertEquals(floats(keras("predict", dir.resolve("ck-2.h5"))),
        floats(CliKerasFilesTest.predictXor(dir.resolve("ck-2.h5")).out()));
  }

  @Test
  void aKerasWrittenH5IsReadByEveryCommand() throws IOException {
    Path h5 = dir.resolve("case-0.h5");
    // Keras's own loader logs "mse" as "mean_squared_error" from this format; "accuracy" stays.
    JsonNode k = keras("evaluate", h5);
    assertEquals(report.get("evaluate_dict").get("mse"), k.get("mean_squared_error"));
    assertEquals("loss: " + PyFormat.metric(k.get("loss").floatValue()) + " - accuracy: "
        + PyFormat.metric(k.get("accuracy").floatValue()) + " - mean_squared_error: "
        + PyFormat.metric(k.get("mean_squared_error").floatValue()) + "\n",
        ok("evaluate", "--model", h5.toString(), "--data", "xor").out());
    assertEquals(floats(keras("predict", h5)), floats(CliKerasFilesTest.predictXor(h5).out()));
    String summary = ok("summary", "--model", h5.toString()).out();
    assertTrue(summary.contains(" Optimizer params: 132 (532.00 B)"), summary);
    Cli more = ok("train", "--from", h5.toString(), "--epochs", "52", "--verbose", "0");
    assertTrue(more.out().contains("epochs: 52 (resumed at 50)"), more.out());
  }
}
