package io.github.tfjavaxor.tutorial;

import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.utils.NumpyFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The model API in one program, the example of {@code docs/model-api.md}: build, compile, fit with
 * a callback, read the History, evaluate, predict, save a {@code .keras} file and load it back.
 * Run: {@code mvn -q -B compile exec:java -Dexec.mainClass=io.github.tfjavaxor.tutorial.ModelApiExample}.
 */
public final class ModelApiExample {
  private ModelApiExample() {}

  /**
   * Runs the example on {@code System.out}.
   *
   * @param args none
   * @throws IOException if the temporary .keras file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    run(System.out);
  }

  /**
   * Prints the summary, the logs of every 250th epoch, the History's keys, the evaluation, the
   * predictions and whether the reloaded model predicts the same bits. The .keras file goes to a
   * temporary directory, deleted afterwards.
   */
  static void run(PrintStream out) throws IOException {
    Path dir = Files.createTempDirectory("model-api-example");
    Path file = dir.resolve("xor.keras");
    try {
      example(out, file);
    } finally {
      Files.deleteIfExists(file);
      Files.delete(dir);
    }
  }

  private static void example(PrintStream out, Path file) throws IOException {
    float[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    float[][] y = {{0}, {1}, {1}, {0}};
    try (Sequential model = new Sequential(42)) {      // the seed of the initial weights
      model.add(new Dense(16, "relu", 2));             // Dense(16, activation="relu"), 2 inputs
      model.add(new Dense(1, "sigmoid"));
      model.compile("mse", "adam", List.of("accuracy"));
      out.print(model.summary());

      Callback every250 = new Callback() {
        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
          if ((epoch + 1) % 250 == 0) {
            out.printf("epoch %d: %s%n", epoch + 1, logs);
          }
        }
      };
      History history = model.fit(x, y, FitArgs.builder(1000)
          .batchSize(4).verbose(0).callbacks(List.of(every250)).build());
      out.println("history: " + history.history().keySet() + " x "
          + history.epoch().size() + " epochs");

      float[] scores = model.evaluate(x, y, 4, 0);     // [loss, accuracy]
      out.println("evaluate: " + Arrays.toString(scores));
      float[][] p = model.predict(x, 4, 0);
      out.println(NumpyFormat.format(p));

      KerasModelFile.save(file, model);                // keras.models.load_model(...) reads it
      try (Sequential loaded = KerasModelFile.load(file)) {
        out.println("reloaded: " + loaded.compileConfig().lossName() + ", "
            + loaded.compiledMetricNames() + ", same predictions: "
            + Arrays.deepEquals(p, loaded.predict(x, 4, 0)));
      }
    }
  }
}
