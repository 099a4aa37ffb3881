package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.NpyFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.FusedAdam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
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
   * @param config the configuration run
   * @param data the training rows
   * @param keras the Keras run
   * @param java the Java run with the configuration's optimizer
   * @param fused the Java run with {@link FusedAdam} (ApplyAdam), or null if not run
   * @param comparison Keras vs {@code java}
   * @param fusedComparison Keras vs {@code fused}, or null
   * @param orders the row orders both sides trained with, or null without shuffle
   * @param onednn the TF_ENABLE_ONEDNN_OPTS both sides ran with ("(unset)" if unset)
   * @param initWeights the initial weights both sides started from, a {@code .weights.h5} file
   */
  public record Result(SideBySideConfig config, Dataset data, RunLog keras, RunLog java,
      RunLog fused, Comparison comparison, Comparison fusedComparison, int[][] orders,
      String onednn, Path initWeights) {}

  /**
   * A configuration's data.
   *
   * @param train the rows both sides train on (and split, with a validation split)
   * @param validation the {@code validation_data} rows, or null
   */
  public record Data(Dataset train, Dataset validation) {}

  /**
   * Runs both sides for one configuration.
   *
   * @param venv the Python venv with Keras
   * @param config the configuration
   * @param workDir where the initial weights and the Keras report are written
   * @param withFused also run Java with {@link FusedAdam} (only for the adam optimizer)
   * @return both runs and their comparisons
   * @throws IllegalArgumentException for a bad configuration, before anything runs
   * @throws IOException if the venv or the Keras script fails
   * @throws DataException if the Keras report is inconsistent
   */
  public static Result run(PythonVenv venv, SideBySideConfig config, Path workDir,
      boolean withFused) throws IOException, DataException {
    return run(venv, config, data(config), workDir, withFused);
  }

  /**
   * {@link #run(PythonVenv, SideBySideConfig, Path, boolean)} on data already loaded.
   *
   * @param venv the Python venv with Keras
   * @param config the configuration
   * @param d its data, from {@link #data(SideBySideConfig)}
   * @param workDir where the initial weights and the Keras report are written
   * @param withFused also run Java with {@link FusedAdam}
   * @return both runs and their comparisons
   * @throws IOException if the venv or the Keras script fails
   * @throws DataException if the Keras report is inconsistent
   */
  public static Result run(PythonVenv venv, SideBySideConfig config, Data d, Path workDir,
      boolean withFused) throws IOException, DataException {
    Files.createDirectories(workDir);
    Path init = workDir.resolve("init.weights.h5");
    Path report = workDir.resolve("keras-report.json");
    writeArrays(config, d, init);
    venv.runChecked("xor_keras3.py", config.kerasArgs(init, report).toArray(String[]::new));
    return javaSide(config, d, init, report, withFused);
  }

  /**
   * Runs many configurations: Keras for all of them in one Python process ({@code
   * python/sbs_matrix.py}), then Java for each. Configuration i uses {@code workDir/run-i}.
   */
  static List<Result> runAll(PythonVenv venv, List<SideBySideConfig> configs,
      Path workDir, boolean withFused) throws IOException, DataException {
    List<Data> data = new ArrayList<>();
    List<List<String>> args = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      data.add(data(configs.get(i)));
      Path dir = Files.createDirectories(workDir.resolve("run-" + (i + 1)));
      writeArrays(configs.get(i), data.get(i), dir.resolve("init.weights.h5"));
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

  /**
   * Loads and checks a configuration's data: a built-in set, or a CSV file with its target column
   * (every cell, file:line:column on error) and its validation file, which must have its columns.
   *
   * @param config the configuration
   * @return the checked data
   * @throws IllegalArgumentException if the configuration or the model's sizes do not fit it
   * @throws DataException for a bad file
   */
  public static Data data(SideBySideConfig config) throws DataException {
    return data(config, Datasets.load(config.data(), config.target()));
  }

  /**
   * {@link #data(SideBySideConfig)} with the training rows already loaded.
   *
   * @param config the configuration
   * @param d its training rows
   * @return the checked data, with the validation file's rows if any
   * @throws DataException if the validation file is bad or has other columns
   */
  public static Data data(SideBySideConfig config, Dataset d) throws DataException {
    config.check(d.rows());
    if (config.model().inputDim() != d.features() || config.model().outputUnits() != d.targets()) {
      throw new IllegalArgumentException("model: expected " + d.features() + " inputs and "
          + d.targets() + " outputs for " + d.name() + ", found " + config.model().inputDim()
          + " and " + config.model().outputUnits());
    }
    Dataset v = null;
    if (config.validationData() != null) {
      v = Datasets.load(config.validationData(), config.target());
      if (!v.featureNames().equals(d.featureNames()) || !v.targetNames().equals(d.targetNames())) {
        throw new DataException(config.validationData(), "--validation-data: expected the"
            + " training data's columns " + d.featureNames() + " -> " + d.targetNames()
            + ", found " + v.featureNames() + " -> " + v.targetNames());
      }
    }
    return new Data(d, v);
  }

  /**
   * A CSV data set goes to Keras as the float32 arrays Java checked, {@code .npy} files beside the
   * initial weights ({@link SideBySideConfig#kerasArgs}): both sides train on the same bits.
   */
  static void writeArrays(SideBySideConfig c, Data d, Path initWeights) throws IOException {
    if (c.builtin()) {
      return;
    }
    NpyFile.write(initWeights.resolveSibling("data.x.npy"), d.train().x());
    NpyFile.write(initWeights.resolveSibling("data.y.npy"), d.train().y());
    if (d.validation() != null) {
      NpyFile.write(initWeights.resolveSibling("validation.x.npy"), d.validation().x());
      NpyFile.write(initWeights.resolveSibling("validation.y.npy"), d.validation().y());
    }
  }

  private static Result javaSide(SideBySideConfig c, Data data, Path init, Path report,
      boolean withFused) throws IOException, DataException {
    KerasReport k = KerasReport.read(report, c.epochs());
    Dataset d = data.train();
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
    RunLog java = trainJava(c, data, init, Optimizers.get(c.model().optimizer(),
        lr == null ? Double.NaN : lr), k.orders());
    boolean fusedToo = withFused && Optimizers.get(c.model().optimizer()) instanceof Adam;
    RunLog fused = fusedToo ? trainJava(c, data, init,
        new FusedAdam(lr == null ? Adam.LEARNING_RATE_DEFAULT : lr), k.orders()) : null;
    return new Result(c, d, k.log(), java, fused, Comparison.of(k.log(), java),
        fused == null ? null : Comparison.of(k.log(), fused), k.orders(), k.onednn(), init);
  }

  /**
   * Trains the configuration's model in Java from the given initial weights, replaying {@code
   * orders} when it shuffles; then evaluate and predict on the whole data set.
   */
  static RunLog trainJava(SideBySideConfig c, Data data, Path initWeights,
      Optimizer optimizer, int[][] orders) throws IOException {
    Dataset d = data.train();
    try (Sequential model = c.model().build(optimizer)) {
      model.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
      KerasWeightsFile.load(initWeights, model);
      History h = JavaFit.fit(model, d.x(), d.y(), c, orders, data.validation());
      float[] scores = model.evaluate(d.x(), d.y(), c.batchSize(), 0);
      float[][] p = model.predict(d.x(), c.batchSize(), 0);
      List<String> names = new ArrayList<>(List.of("loss"));
      names.addAll(model.compiledMetricNames());
      return RunLog.of(h, names, scores, p);
    }
  }

  /**
   * The tutorial's 2-16-1 relu/sigmoid model, silent; {@code seed} seeds Java's own init.
   *
   * @param seed the model seed
   * @return a new, uncompiled model; the caller closes it
   */
  public static Sequential tutorialModel(long seed) {
    Sequential model = new Sequential(seed);
    model.add(new Dense(16, "relu", 2));
    model.add(new Dense(1, "sigmoid"));
    model.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
    return model;
  }

  /**
   * fit (no shuffle, batch 32, silent), evaluate and predict on the XOR data.
   *
   * @param model a compiled model of 2 inputs and 1 output
   * @param epochs epochs to train, &gt;= 0
   * @return the run
   */
  public static RunLog train(Sequential model, int epochs) {
    History h = model.fit(X, Y, FitArgs.builder(epochs).verbose(0).shuffle(false).build());
    float[] scores = model.evaluate(X, Y, Sequential.BATCH_SIZE_DEFAULT, 0);
    float[][] p = model.predict(X, Sequential.BATCH_SIZE_DEFAULT, 0);
    List<String> names = new ArrayList<>(List.of("loss"));
    names.addAll(model.compiledMetricNames());
    return RunLog.of(h, names, scores, p);
  }
}
