package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.workbench.FlagValues;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parity matrix: configurations that together cover every optimizer, loss and activation, two
 * hidden layers, several batches per epoch with and without shuffle, and validation splits, each
 * trained by Keras and by Java from the same initial weights and row orders. Prints a Markdown
 * table and writes {@code OUT/matrix.json}; {@code LiveKerasParityMatrixTest} runs it and checks
 * every configuration.
 *
 * <pre>
 * mvn -q -B compile exec:java -Dexec.mainClass=io.github.tfjavaxor.parity.ParityMatrix \
 *     -Dexec.args="--out DIR"
 * </pre>
 */
public final class ParityMatrix {
  private ParityMatrix() {}

  /** The configurations, each small enough to keep the whole matrix within a few minutes. */
  static List<SideBySideConfig> configs() {
    return List.of(
        // The tutorial as published: Keras's default shuffle=True, one batch of 4.
        c(42, "xor", "16", "relu", "sigmoid", "mean_squared_error", "adam", null,
            "binary_accuracy", 300, 32, true, 0),
        // The tutorial as the side-by-side command ran it before: no shuffle.
        c(42, "xor", "16", "relu", "sigmoid", "mean_squared_error", "adam", null,
            "binary_accuracy", 100, 32, false, 0),
        // The command: two hidden layers, rmsprop, 3-bit parity in 2 shuffled batches.
        c(42, "parity:3", "8,4", "tanh,relu", "sigmoid", "mean_squared_error", "rmsprop", null,
            "binary_accuracy", 300, 4, true, 0),
        c(1, "and", "8", "sigmoid", "sigmoid", "binary_crossentropy", "sgd", 0.5,
            "binary_accuracy", 300, 32, true, 0),
        // Several batches per epoch without shuffle.
        c(2, "or", "16", "elu", "sigmoid", "mean_absolute_error", "adam", 0.01,
            "binary_accuracy,mean_squared_error", 100, 2, false, 0),
        // Partial last batch (3, 3) and a validation split: 6 training rows, 2 validation rows.
        c(3, "parity:3", "8,8", "selu,relu6", "sigmoid", "binary_crossentropy", "rmsprop", null,
            "binary_accuracy,mean_absolute_error", 200, 3, true, 0.25),
        c(4, "xnor", "8", "softsign", "linear", "mean_squared_error", "sgd", 0.05,
            "mean_absolute_error", 300, 32, true, 0),
        // One row per batch.
        c(5, "nand", "16", "linear", "sigmoid", "mean_squared_error", "adam", null,
            "binary_accuracy", 300, 1, true, 0),
        // No hidden layer: logistic regression.
        c(6, "nor", "0", "relu", "sigmoid", "binary_crossentropy", "sgd", 0.1,
            "binary_accuracy", 300, 32, true, 0),
        // 16 rows, 12 training in batches of 5, 5, 2; 4 validation.
        c(7, "parity:4", "16,16", "relu,tanh", "sigmoid", "binary_crossentropy", "adam", 0.01,
            "binary_accuracy", 200, 5, true, 0.2),
        // Validation without shuffle: Keras's own validation_split path on both sides.
        c(8, "xor", "8", "tanh", "sigmoid", "mean_absolute_error", "sgd", 0.1,
            "binary_accuracy", 100, 3, false, 0.25),
        c(9, "xor", "16", "relu", "tanh", "mean_squared_error", "rmsprop", 0.01,
            "binary_accuracy,mean_absolute_error", 300, 2, true, 0),
        // Real data's shape: many shuffled batches and a validation split. 8-bit parity, 256
        // rows: 204 training rows in 12 batches of 16 and one of 12, 52 validation rows.
        c(11, "parity:8", "16", "relu", "sigmoid", "binary_crossentropy", "adam", 0.01,
            "binary_accuracy", 20, 16, true, 0.2),
        // No epochs at all: Keras returns an empty History; evaluate and predict still run.
        c(10, "xor", "16", "relu", "sigmoid", "mean_squared_error", "adam", null,
            "binary_accuracy", 0, 32, true, 0));
  }

  private static SideBySideConfig c(long seed, String data, String layers, String acts,
      String out, String loss, String opt, Double lr, String metrics, int epochs, int batch,
      boolean shuffle, double split) {
    List<Integer> units = FlagValues.layers("--layers", layers);
    int features = data.startsWith("parity:") ? Integer.parseInt(data.substring(7)) : 2;
    ModelSpec m = new ModelSpec(features, units, FlagValues.activations("--activation", acts,
        units.size()), 1, out, loss, opt, lr, List.of(metrics.split(",")), seed);
    return new SideBySideConfig(m, data, epochs, batch, shuffle, split);
  }

  /** The Markdown table of a matrix run. */
  static void printTable(List<SideBySide.Result> results, PrintStream out) {
    out.println("| # | hidden \\| output \\| loss \\| optimizer \\| data \\| batch \\| shuffle"
        + " \\| validation | epochs | steps/epoch | logged keys | max \\|Δloss\\| |"
        + " max \\|Δval_loss\\| | epochs with a differing accuracy | bit-identical |");
    out.println("|---:|---|---:|---:|---|---:|---:|---:|---|");
    for (int i = 0; i < results.size(); i++) {
      SideBySide.Result r = results.get(i);
      SideBySideConfig c = r.config();
      Comparison k = r.comparison();
      int train = SideBySideConfig.trainRows(r.data().rows(), c.validationSplit());
      out.printf(Locale.ROOT, "| %d | %s | %d | %d | %s | %s | %s | %d | %s |%n", i + 1,
          c.label().replace("|", "\\|"), c.epochs(), (train + c.batchSize() - 1) / c.batchSize(),
          String.join(", ", r.keras().history().keySet()), num(k.maxAbsLossDiff()),
          k.keys().containsKey("val_loss") ? num(k.keys().get("val_loss").maxAbs()) : "–",
          k.accuracyMismatches(), k.exact() ? "yes" : "**no**");
    }
  }

  private static String num(double v) {
    return v == 0 ? "0" : String.format(Locale.ROOT, "%.2e", v);
  }

  /** Per configuration: its label and every key's agreement, as JSON-ready maps. */
  static List<Map<String, Object>> summary(List<SideBySide.Result> results) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SideBySide.Result r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("label", r.config().label());
      m.put("epochs", r.config().epochs());
      m.put("exact", r.comparison().exact());
      m.put("meets_target", r.comparison().meetsTarget());
      m.put("evaluate_equal", r.comparison().evaluateEqual());
      m.put("max_abs_prediction_diff", r.comparison().maxAbsPredictionDiff());
      m.put("keys", r.comparison().keys());
      rows.add(m);
    }
    return rows;
  }

  /**
   * Both sides for every configuration: Keras in one Python process, then Java for each; the
   * initial weights and Keras reports go to {@code out/run-N}.
   *
   * @param venv the Python venv with Keras
   * @param out the directory for the runs' files; created if missing
   * @return one result per configuration, in order
   * @throws Exception if a side fails
   */
  public static List<SideBySide.Result> run(PythonVenv venv, Path out) throws Exception {
    Files.createDirectories(out);
    return SideBySide.runAll(venv, configs(), out, false);
  }

  /**
   * Runs the matrix: {@code --out DIR} (default {@code target/parity-matrix}).
   *
   * @param args {@code --out DIR}, or nothing
   * @throws Exception if a side fails
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1]
        : "target/parity-matrix");
    if (args.length != 0 && args.length != 2) {
      throw new IllegalArgumentException("usage: ParityMatrix [--out DIR]");
    }
    long t0 = System.nanoTime();
    List<SideBySide.Result> results = run(PythonVenv.locate(), out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    printTable(results, System.out);
    System.out.printf(Locale.ROOT, "%n%d configurations in %.0f s; %s%n", results.size(),
        seconds, CpuInfo.describe());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("onednn_opts", CpuInfo.onednnOpts());
    json.put("machine", CpuInfo.describe());
    json.put("seconds", seconds);
    json.put("runs", summary(results));
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(
        out.resolve("matrix.json").toFile(), json);
  }
}
