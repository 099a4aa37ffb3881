package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.FusedAdam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains one configuration in Keras ({@code python/xor_keras3.py}) and in Java from the same
 * initial weights: Keras draws them ({@code keras.utils.set_random_seed(seed)}) and saves them as
 * {@code .weights.h5}; Java loads them with {@link KerasWeightsFile}. When the configuration
 * shuffles, Keras fixes each epoch's row order in advance and reports it, and Java replays it.
 * Both sides run float32 on the CPU without XLA.
 *
 * <pre>{@code
 * SideBySide.Result r = SideBySide.run(PythonVenv.locate(), config, workDir, true);
 * r.comparison().maxAbsLossDiff();   // measured against Keras, see docs/side-by-side.md
 * }</pre>
 */
public final class SideBySide {
  /** The tutorial's data. */
  public static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  /** The tutorial's targets. */
  public static final float[][] Y = {{0}, {1}, {1}, {0}};

  private SideBySide() {}

  /**
   * Both runs and their comparisons.
   *
   * @param keras the Keras run
   * @param java the Java run with the configuration's optimizer
   * @param fused the Java run with {@link FusedAdam} (ApplyAdam), or null if not run
   * @param comparison Keras vs {@code java}
   * @param fusedComparison Keras vs {@code fused}, or null
   * @param orders the row orders both sides trained with, or null without shuffle
   * @param onednn the TF_ENABLE_ONEDNN_OPTS both sides ran with ("(unset)" if unset)
   */
  public record Result(SideBySideConfig config, Dataset data, RunLog keras, RunLog java,
      RunLog fused, Comparison comparison, Comparison fusedComparison, int[][] orders,
      String onednn, Path initWeights) {}

  /**
   * Runs both sides for one configuration.
   *
   * @param workDir where the initial weights and the Keras report are written
   * @param withFused also run Java with {@link FusedAdam} (only for the adam optimizer)
   * @throws IllegalArgumentException for a bad configuration, before anything runs
   * @throws IOException if the venv or the Keras script fails
   * @throws DataException if the Keras report is inconsistent
   */
  public static Result run(PythonVenv venv, SideBySideConfig config, Path workDir,
      boolean withFused) throws IOException, DataException {
    Dataset d = data(config);
    Files.createDirectories(workDir);
    Path init = workDir.resolve("init.weights.h5");
    Path report = workDir.resolve("keras-report.json");
    venv.runChecked("xor_keras3.py", config.kerasArgs(init, report).toArray(String[]::new));
    return javaSide(config, d, init, report, withFused);
  }

  /**
   * Runs many configurations: Keras for all of them in one Python process ({@code
   * python/sbs_matrix.py}), then Java for each. Configuration i uses {@code workDir/run-i}.
   */
  public static List<Result> runAll(PythonVenv venv, List<SideBySideConfig> configs,
      Path workDir, boolean withFused) throws IOException, DataException {
    List<Dataset> data = new ArrayList<>();
    List<List<String>> args = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      data.add(data(configs.get(i)));
      Path dir = Files.createDirectories(workDir.resolve("run-" + (i + 1)));
      args.add(configs.get(i).kerasArgs(dir.resolve("init.weights.h5"),
          dir.resolve("keras-report.json")));
    }
    Path runs = workDir.resolve("runs.json");
    new ObjectMapper().writeValue(runs.toFile(), Map.of("runs", args));
    venv.runChecked("sbs_matrix.py", runs.toString());
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      Path dir = workDir.resolve("run-" + (i + 1));
      results.add(javaSide(configs.get(i), data.get(i), dir.resolve("init.weights.h5"),
          dir.resolve("keras-report.json"), withFused));
    }
    return results;
  }

  private static Dataset data(SideBySideConfig config) throws DataException {
    Dataset d = Datasets.load(config.data(), null);
    config.check(d.rows());
    if (config.model().inputDim() != d.features() || config.model().outputUnits() != d.targets()) {
      throw new IllegalArgumentException("model: expected " + d.features() + " inputs and "
          + d.targets() + " outputs for " + d.name() + ", found " + config.model().inputDim()
          + " and " + config.model().outputUnits());
    }
    return d;
  }

  private static Result javaSide(SideBySideConfig c, Dataset d, Path init, Path report,
      boolean withFused) throws IOException, DataException {
    KerasReport k = KerasReport.read(report, c.epochs());
    int trainRows = SideBySideConfig.trainRows(d.rows(), c.validationSplit());
    if (k.trainRows() != trainRows) {
      throw new DataException(report.toString(), "Keras report: train_rows: expected "
          + trainRows + ", found " + k.trainRows());
    }
    if (c.shuffle() && c.epochs() > 0 && k.orders() == null) {
      throw new DataException(report.toString(), "Keras report: orders: expected the shuffle"
          + " orders of a shuffled run, found none");
    }
    Double lr = c.model().learningRate();
    RunLog java = trainJava(c, d, init, Optimizer.get(c.model().optimizer(),
        lr == null ? Double.NaN : lr), k.orders());
    boolean fusedToo = withFused && Optimizer.get(c.model().optimizer()) instanceof Adam;
    RunLog fused = fusedToo ? trainJava(c, d, init,
        new FusedAdam(lr == null ? Adam.LEARNING_RATE_DEFAULT : lr), k.orders()) : null;
    return new Result(c, d, k.log(), java, fused, Comparison.of(k.log(), java),
        fused == null ? null : Comparison.of(k.log(), fused), k.orders(), k.onednn(), init);
  }

  /**
   * Trains the configuration's model in Java from the given initial weights, replaying {@code
   * orders} when it shuffles; then evaluate and predict on the whole data set.
   */
  public static RunLog trainJava(SideBySideConfig c, Dataset d, Path initWeights,
      Optimizer optimizer, int[][] orders) throws IOException {
    try (Sequential model = c.model().build(optimizer)) {
      model.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
      KerasWeightsFile.load(initWeights, model);
      History h = JavaFit.fit(model, d.x(), d.y(), c, orders);
      float[] scores = model.evaluate(d.x(), d.y(), c.batchSize(), 0);
      float[][] p = model.predict(d.x(), c.batchSize(), 0);
      List<String> names = new ArrayList<>(List.of("loss"));
      names.addAll(model.compiledMetricNames());
      return RunLog.of(h, names, scores, p);
    }
  }

  /** The tutorial's 2-16-1 relu/sigmoid model, silent; {@code seed} seeds Java's own init. */
  public static Sequential tutorialModel(long seed) {
    Sequential model = new Sequential(seed);
    model.add(new Dense(16, "relu", 2));
    model.add(new Dense(1, "sigmoid"));
    model.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
    return model;
  }

  /** fit (no shuffle, batch 32, silent), evaluate and predict on the XOR data. */
  public static RunLog train(Sequential model, int epochs) {
    History h = model.fit(X, Y, FitArgs.builder(epochs).verbose(0).shuffle(false).build());
    float[] scores = model.evaluate(X, Y, Sequential.BATCH_SIZE_DEFAULT, 0);
    float[][] p = model.predict(X, Sequential.BATCH_SIZE_DEFAULT, 0);
    List<String> names = new ArrayList<>(List.of("loss"));
    names.addAll(model.compiledMetricNames());
    return RunLog.of(h, names, scores, p);
  }
}
