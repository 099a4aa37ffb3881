package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.stacked.GroupFit;
import io.github.tfjavaxor.stacked.GroupKey;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Statistical parity: {@code runs} fresh random initialisations on each side (Keras: {@code
 * set_random_seed(seed + i)} and glorot_uniform from TF's stateless RNG; Java: {@code new
 * Sequential(seed + i)} and the port's own glorot_uniform), each trained full batch without
 * shuffle. Per run: the first epoch with 100% binary accuracy (a run that never gets there counts
 * as {@code epochs + 1}) and the final {@code evaluate} loss. The two sides' samples are compared
 * with Mann-Whitney U and Kolmogorov-Smirnov tests ({@link TwoSample}).
 */
public final class StatisticalParity {
  private StatisticalParity() {}

  /**
   * One side's per-run values.
   *
   * @param epochsTo100 per run, the first 1-based epoch with 100% binary accuracy, or epochs + 1
   * @param finalLoss per run, the final {@code evaluate} loss
   * @param neverReached the runs censored at epochs + 1
   */
  public record Sample(double[] epochsTo100, double[] finalLoss, int neverReached) {}

  /**
   * Both samples and the tests on each quantity.
   *
   * @param keras Keras's sample
   * @param java Java's sample
   * @param epochsMw Mann-Whitney U on the epochs to 100%
   * @param epochsKs Kolmogorov-Smirnov on the epochs to 100%
   * @param lossMw Mann-Whitney U on the final loss
   * @param lossKs Kolmogorov-Smirnov on the final loss
   */
  public record Result(Sample keras, Sample java, TwoSample.MannWhitney epochsMw,
      TwoSample.KolmogorovSmirnov epochsKs, TwoSample.MannWhitney lossMw,
      TwoSample.KolmogorovSmirnov lossKs) {}

  /**
   * Runs both sides.
   *
   * @param venv the Python venv with Keras
   * @param runs runs per side, &gt;= 2
   * @param seed run i is seeded {@code seed + i}
   * @param epochs epochs per run, &gt;= 1
   * @param learningRate Adam's learning rate
   * @param workDir where Keras's report is written; created if missing
   * @return both samples and the tests
   * @throws IOException if the Keras script fails
   * @throws IllegalArgumentException if runs or epochs is out of range
   */
  public static Result run(PythonVenv venv, int runs, long seed, int epochs, double learningRate,
      Path workDir) throws IOException {
    if (runs < 2 || epochs < 1) {
      throw new IllegalArgumentException("runs: expected >= 2 and epochs >= 1, found runs="
          + runs + ", epochs=" + epochs);
    }
    Files.createDirectories(workDir);
    Path report = workDir.resolve("keras-stats.json");
    venv.runChecked("xor_stats.py", "--runs", Integer.toString(runs), "--seed",
        Long.toString(seed), "--epochs", Integer.toString(epochs), "--learning-rate",
        Double.toString(learningRate), "--report", report.toString());
    Sample keras = kerasSample(new ObjectMapper().readTree(report.toFile()), epochs);
    Sample java = javaSample(runs, seed, epochs, learningRate);
    return compare(keras, java);
  }

  /**
   * The tests on two samples.
   *
   * @param keras Keras's sample
   * @param java Java's sample
   * @return the samples and the tests
   */
  public static Result compare(Sample keras, Sample java) {
    return new Result(keras, java,
        TwoSample.mannWhitney(keras.epochsTo100(), java.epochsTo100()),
        TwoSample.kolmogorovSmirnov(keras.epochsTo100(), java.epochsTo100()),
        TwoSample.mannWhitney(keras.finalLoss(), java.finalLoss()),
        TwoSample.kolmogorovSmirnov(keras.finalLoss(), java.finalLoss()));
  }

  static Sample kerasSample(JsonNode report, int epochs) throws IOException {
    JsonNode runs = report.path("runs");
    if (!runs.isArray() || runs.isEmpty()) {
      throw new IOException("Keras stats report: field 'runs' is missing or empty");
    }
    double[] e = new double[runs.size()];
    double[] l = new double[runs.size()];
    int never = 0;
    for (int i = 0; i < e.length; i++) {
      JsonNode r = runs.get(i);
      if (r.path("epochs_to_100").isNull()) {
        e[i] = epochs + 1;
        never++;
      } else {
        e[i] = r.path("epochs_to_100").asInt();
      }
      l[i] = (float) r.path("final_loss").asDouble();
    }
    return new Sample(e, l, never);
  }

  /**
   * Java's side: {@code runs} models seeded {@code seed}, {@code seed + 1}, ..., trained side by
   * side in groups of {@link GroupKey#GROUP_SIZE_DEFAULT} in one graph each ({@link GroupFit}, exact:
   * each run's numbers are those of its own {@code fit} and {@code evaluate}).
   *
   * @param runs the runs, &gt;= 1
   * @param seed run i is seeded {@code seed + i}
   * @param epochs epochs per run, &gt;= 1
   * @param learningRate Adam's learning rate
   * @return Java's sample
   */
  public static Sample javaSample(int runs, long seed, int epochs, double learningRate) {
    List<ModelSpec> specs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      // SideBySide.tutorialModel compiled with MSE, Adam(learningRate) and binary_accuracy.
      specs.add(new ModelSpec(2, List.of(16), List.of("relu"), 1, "sigmoid",
          Loss.MEAN_SQUARED_ERROR.kerasName(), "adam", learningRate,
          List.of(Metric.BINARY_ACCURACY.kerasName()), seed + i).check());
    }
    double[] e = new double[runs];
    double[] l = new double[runs];
    int never = 0;
    // fit(no shuffle, batch 32) and evaluate(batch 32), as SideBySide.train.
    GroupFit.Plan plan = new GroupFit.Plan(epochs, Sequential.BATCH_SIZE_DEFAULT, false, true,
        Stack.Mode.EXACT, false);
    for (int from = 0; from < runs; from += GroupKey.GROUP_SIZE_DEFAULT) {
      List<ModelSpec> group = specs.subList(from, Math.min(runs, from + GroupKey.GROUP_SIZE_DEFAULT));
      List<GroupFit.Log> logs =
          GroupFit.fit(group, SideBySide.X, SideBySide.Y, plan, SessionConfigs.DEFAULT).logs();
      for (int k = 0; k < group.size(); k++) {
        int first = logs.get(k).firstEpoch(1, 1f);
        if (first == 0) {
          first = epochs + 1;
          never++;
        }
        e[from + k] = first;
        l[from + k] = logs.get(k).evaluate()[0];
      }
    }
    return new Sample(e, l, never);
  }
}
