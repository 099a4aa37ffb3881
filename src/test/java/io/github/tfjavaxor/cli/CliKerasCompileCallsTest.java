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
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: Keras's most common compile call, {@code metrics=["accuracy"]}, in files live Keras
 * writes during the test ({@code python/compile_names.py}) and in {@code --metrics}; and a file
 * compiled with a metric the port lacks ({@code "AUC"}), which predict and summary still read.
 */
class CliKerasCompileCallsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static PythonVenv venv;
  @TempDir static Path dir;
  static Path accuracy;
  static Path auc;
  static JsonNode report;

  @BeforeAll
  static void writeKerasFiles() throws IOException {
    venv = PythonVenv.locate();
    report = kerasFiles(venv, dir, "[{\"loss\": \"binary_crossentropy\", \"metrics\":"
        + " [\"accuracy\"]}, {\"loss\": \"mse\", \"metrics\": [\"AUC\"]}]");
    accuracy = dir.resolve("case-0.keras");
    auc = dir.resolve("case-1.keras");
  }

  /**
   * Live Keras compiles, fits 50 epochs and saves each case into {@code dir}
   * (python/compile_names.py: case-i.keras, case-i.h5); returns the report's cases.
   */
  static JsonNode kerasFiles(PythonVenv venv, Path dir, String cases) throws IOException {
    Path file = dir.resolve("cases.json");
    Files.writeString(file, "{\"cases\": " + cases + "}");
    venv.runChecked("compile_names.py", "--cases", file.toString(), "--out", dir.toString(),
        "--epochs", "50");
    return JSON.readTree(dir.resolve("report.json").toFile()).get("cases");
  }

  private static Cli ok(String... args) {
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), "stderr: " + r.err());
    return r;
  }

  private static String kerasOut(String mode, Path file) throws IOException {
    String out = venv.runChecked("cli_check.py", mode, file.toString()).stdout();
    return mode.equals("summary") ? out : out.strip().substring(out.strip().lastIndexOf('\n') + 1);
  }

  private static List<Double> numbers(String text) throws IOException {
    return JSON.readValue(text.strip().replace("\n", ",").replaceAll("^(.*)$", "[$1]"),
        JSON.getTypeFactory().constructCollectionType(List.class, Double.class));
  }

  @Test
  void evaluateReadsAccuracyAndLogsItUnderThatName() {
    JsonNode k = report.get(0).get("evaluate_dict");
    Cli r = ok("evaluate", "--model", accuracy.toString(), "--data", "xor");
    assertEquals("loss: " + PyFormat.metric(k.get("loss").floatValue()) + " - accuracy: "
        + PyFormat.metric(k.get("accuracy").floatValue()) + "\n", r.out());
  }

  @Test
  void predictAndSummaryReadTheAccuracyFileAsKeras() throws IOException {
    List<Double> keras = numbers(kerasOut("predict", accuracy).replaceAll("[\\[\\]]", ""));
    List<Double> java = numbers(CliKerasFilesTest.predictXor(accuracy).out());
    assertEquals(keras.stream().map(Double::floatValue).toList(),
        java.stream().map(Double::floatValue).toList());
    assertEquals(kerasOut("summary", accuracy), ok("summary", "--model", accuracy.toString()).out());
  }

  @Test
  void trainFromTheAccuracyFileLogsAccuracy() throws IOException {
    Path csv = dir.resolve("from.csv");
    Cli r = ok("train", "--from", accuracy.toString(), "--epochs", "52", "--verbose", "0",
        "--history-csv", csv.toString());
    assertTrue(r.out().contains(" - accuracy: ") && r.out().contains("epochs: 52 (resumed at 50)"),
        r.out());
    assertEquals("epoch,accuracy,loss", Files.readAllLines(csv).get(0));
  }

  @Test
  void metricsAccuracyIsBinaryAccuracyUnderTheNameWritten() throws IOException {
    Path acc = dir.resolve("acc.csv");
    Path bin = dir.resolve("bin.csv");
    Cli a = ok("train", "--epochs", "30", "--verbose", "0", "--metrics", "accuracy",
        "--history-csv", acc.toString());
    Cli b = ok("train", "--epochs", "30", "--verbose", "0", "--history-csv", bin.toString());
    // The same model and numbers; only the name differs, as in Keras.
    assertEquals(b.out().replace("binary_accuracy", "accuracy"), a.out());
    assertTrue(a.out().contains("first epoch with accuracy 1.0: "), a.out());
    assertEquals(Files.readString(bin).replace("binary_accuracy", "accuracy"),
        Files.readString(acc));
  }

  @Test
  void aMetricThePortLacksStopsOnlyTheCommandsThatComputeIt() throws IOException {
    List<Double> keras = numbers(kerasOut("predict", auc).replaceAll("[\\[\\]]", ""));
    assertEquals(keras.stream().map(Double::floatValue).toList(),
        numbers(CliKerasFilesTest.predictXor(auc).out()).stream().map(Double::floatValue).toList());
    Cli s = ok("summary", "--model", auc.toString());
    assertTrue(s.out().contains("Total params: 65"), s.out());
    String why = auc.getFileName() + "!config.json: compile_config.metrics[0]: expected one of"
        + " accuracy, binary_accuracy, categorical_accuracy, mean_squared_error,"
        + " mean_absolute_error, binary_crossentropy (a name, a keras.metrics class or function),"
        + " found \"AUC\"";
    assertEquals("summary: " + why + "; the model is shown uncompiled, without optimizer params\n",
        s.err());
    Cli e = Cli.run("evaluate", "--model", auc.toString(), "--data", "xor");
    assertEquals(3, e.code());
    assertEquals("tfjava-xor evaluate: " + auc + ": " + why + "; evaluate needs the loss and"
        + " metrics", e.firstError());
    Cli t = Cli.run("train", "--from", auc.toString(), "--epochs", "51", "--verbose", "0");
    assertEquals(3, t.code());
    assertEquals("tfjava-xor train: " + auc + ": " + why + "; --from needs its loss, metrics and"
        + " optimizer", t.firstError());
    assertEquals("", e.out() + t.out());
  }
}
