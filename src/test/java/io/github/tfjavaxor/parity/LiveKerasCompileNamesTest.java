package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.trainers.StepsPerExecution;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losses and metrics named as Keras users name them ({@code metrics=["accuracy"]}, {@code "acc"},
 * {@code "MSE"}, {@code "BinaryCrossentropy"}, {@code loss="crossentropy"}, objects with their own
 * names), against live Keras ({@code python/compile_names.py}) from the same initial weights: the
 * history's keys and every value, evaluate's list and dict, {@code metrics_names} and the saved
 * {@code compile_config}, exactly; and Keras's saved files loaded by Java. Names Keras refuses, the
 * port refuses. Fails, never skips, if the venv cannot be made.
 */
class LiveKerasCompileNamesTest {
  private static final int EPOCHS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CASES = """
      {"cases": [
        {"loss": "mse", "metrics": ["accuracy"]},
        {"loss": "mean_squared_error", "metrics": ["acc"]},
        {"loss": "MeanSquaredError", "metrics": ["ACC", "binary_accuracy", "BinaryAccuracy"]},
        {"loss": "MSE", "metrics": ["mse", "MSE", "mean_squared_error", "MeanSquaredError"]},
        {"loss": "mae", "metrics": ["MAE", "mean_absolute_error", "MeanAbsoluteError", "Accuracy"]},
        {"loss": "MAE", "metrics": ["mae"]},
        {"loss": "MeanAbsoluteError", "metrics": null},
        {"loss": "bce", "metrics": ["bce", "BCE", "binary_crossentropy", "BinaryCrossentropy"]},
        {"loss": "BCE", "metrics": ["accuracy"]},
        {"loss": "binary_crossentropy", "metrics": ["accuracy"]},
        {"loss": "BinaryCrossentropy", "metrics": ["acc"]},
        {"loss": "crossentropy", "metrics": ["accuracy"]},
        {"loss": "CE", "metrics": ["accuracy"]},
        {"loss": "mse", "metrics": ["bce", "categorical_accuracy"]},
        {"loss": "mse", "metrics": ["mse", "mse", "accuracy", "accuracy"]},
        {"loss": "mse", "metrics": ["accuracy", "categorical_accuracy", "CategoricalAccuracy"],
         "units": 2, "activation": "linear"},
        {"loss": "bce", "metrics": ["bce", "acc"], "units": 2, "activation": "sigmoid"},
        {"loss": {"class": "BinaryCrossentropy"},
         "metrics": [{"class": "BinaryAccuracy"}, {"class": "BinaryAccuracy", "name": "hits"},
                     {"class": "MeanSquaredError", "name": "m"}]},
        {"loss": "Mse", "metrics": null},
        {"loss": "mse", "metrics": ["ce"]},
        {"loss": "mse", "metrics": ["Binary_Accuracy"]}
      ]}""";

  @TempDir static Path dir;
  static JsonNode cases;
  static JsonNode report;

  @BeforeAll
  static void runKeras() throws IOException {
    Path casesFile = dir.resolve("cases.json");
    Files.writeString(casesFile, CASES);
    cases = JSON.readTree(CASES).get("cases");
    PythonVenv.locate().runChecked("compile_names.py", "--cases", casesFile.toString(), "--out",
        dir.toString(), "--epochs", Integer.toString(EPOCHS));
    report = JSON.readTree(dir.resolve("report.json").toFile()).get("cases");
    assertEquals(cases.size(), report.size());
  }

  @Test
  void javaLogsSavesAndComputesWhatKerasDoes() throws IOException {
    int compared = 0;
    for (int i = 0; i < cases.size(); i++) {
      JsonNode c = cases.get(i);
      JsonNode k = report.get(i);
      if (k.has("error")) {
        continue;
      }
      String what = "case " + i + " " + c + " (" + CpuInfo.describe() + ")";
      int units = c.path("units").asInt(1);
      float[][] y = targets(units);
      try (Sequential m = model(units, c.path("activation").asText("sigmoid"))) {
        m.compile(config(c));
        KerasWeightsFile.load(dir.resolve("case-" + i + ".init.weights.h5"), m);
        History h = m.fit(SideBySide.X, y, FitArgs.builder(EPOCHS).verbose(0).shuffle(false)
            .build());
        assertEquals(doubles(k.get("history")), h.history(), what + ": history");
        float[] scores = m.evaluate(SideBySide.X, y, 32, 0);
        Map<String, Double> dict = new LinkedHashMap<>();
        dict.put("loss", (double) scores[0]);
        for (int j = 0; j < m.compiledMetricNames().size(); j++) {
          dict.put(m.compiledMetricNames().get(j), (double) scores[j + 1]);
        }
        assertEquals(scalars(k.get("evaluate_dict")), dict, what + ": evaluate(return_dict=True)");
        if (!c.get("metrics").toString().contains("\"mse\",\"mse\"")) {
          // Keras's list repeats values when names repeat; otherwise it is [loss, metrics...].
          assertEquals(numbers(k.get("evaluate_list")), List.copyOf(dict.values()),
              what + ": evaluate");
        }
        assertEquals(list(k.get("metrics_names")), m.metricsNames(), what + ": metrics_names");
        Path saved = dir.resolve("java-" + i + ".keras");
        KerasModelFile.save(saved, m);
        JsonNode cc = compileConfig(saved);
        if (c.get("loss").isTextual()) {
          assertEquals(k.get("compile_config").get("loss"), cc.get("loss"), what + ": loss saved");
          assertEquals(k.get("compile_config").get("metrics"), cc.get("metrics"), what);
        }
      }
      // Keras's own file: Java reads its compile_config and computes Keras's evaluate.
      try (Sequential m = KerasModelFile.load(dir.resolve("case-" + i + ".keras"))) {
        float[] scores = m.evaluate(SideBySide.X, y, 32, 0);
        List<String> keys = new ArrayList<>(List.of("loss"));
        keys.addAll(m.compiledMetricNames());
        Map<String, Double> dict = new LinkedHashMap<>();
        for (int j = 0; j < keys.size(); j++) {
          dict.put(keys.get(j), (double) scores[j]);
        }
        assertEquals(scalars(k.get("evaluate_dict")), dict, what + ": Keras's file in Java");
      }
      compared++;
    }
    assertEquals(cases.size() - 3, compared);
  }

  @Test
  void namesKerasRefusesThePortRefuses() {
    int refused = 0;
    for (int i = 0; i < cases.size(); i++) {
      if (report.get(i).has("error")) {
        JsonNode c = cases.get(i);
        assertThrows(IllegalArgumentException.class, () -> config(c), c.toString());
        refused++;
      }
    }
    assertEquals(3, refused, "Keras refuses Mse, the metric ce and Binary_Accuracy");
  }

  @Test
  void logsAreKerasNamesNotTheMetricsDefaultNames() {
    JsonNode first = report.get(0).get("history");
    assertTrue(first.has("accuracy") && !first.has("binary_accuracy"), first.toString());
  }

  private static Sequential model(int units, String activation) {
    Sequential m = new Sequential(0);
    m.add(new Dense(16, "relu", 2));
    m.add(new Dense(units, activation));
    m.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
    return m;
  }

  private static float[][] targets(int units) {
    float[][] y = new float[4][units];
    for (int r = 0; r < 4; r++) {
      y[r][0] = SideBySide.Y[r][0];
      if (units == 2) {
        y[r][1] = 1 - SideBySide.Y[r][0];
      }
    }
    return y;
  }

  /** The compile call of a case: names as written; objects by class, named as Keras names them. */
  private static CompileConfig config(JsonNode c) {
    JsonNode l = c.get("loss");
    List<Metric> metrics = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (JsonNode m : c.get("metrics")) {
      Metric metric = m.isTextual() ? Metric.get(m.asText()) : byClass(m.get("class").asText());
      metrics.add(metric);
      names.add(m.isTextual() ? m.asText() : m.path("name").asText(metric.kerasName()));
    }
    Loss loss = l.isTextual() ? Loss.get(l.asText(), 1) : Loss.BINARY_CROSSENTROPY;
    return new CompileConfig(loss, new Adam(), metrics, JitCompile.JIT_COMPILE_DEFAULT,
        StepsPerExecution.STEPS_PER_EXECUTION_DEFAULT,
        l.isTextual() ? l.asText() : loss.kerasName(), names);
  }

  private static Metric byClass(String cls) {
    for (Metric m : Metric.values()) {
      if (cls.equals(m.className())) {
        return m;
      }
    }
    throw new IllegalArgumentException(cls);
  }

  private static JsonNode compileConfig(Path keras) throws IOException {
    try (ZipFile z = new ZipFile(keras.toFile())) {
      return JSON.readTree(z.getInputStream(z.getEntry("config.json"))).get("compile_config");
    }
  }

  private static Map<String, List<Double>> doubles(JsonNode history) {
    Map<String, List<Double>> out = new java.util.TreeMap<>();
    history.fields().forEachRemaining(e -> out.put(e.getKey(), numbers(e.getValue())));
    return out;
  }

  private static Map<String, Double> scalars(JsonNode dict) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("loss", dict.get("loss").asDouble());
    dict.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asDouble()));
    return out;
  }

  private static List<String> list(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<Double> numbers(JsonNode a) {
    List<Double> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asDouble()));
    return out;
  }
}
