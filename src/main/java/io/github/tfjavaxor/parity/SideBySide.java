package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.FusedAdam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the tutorial model in Keras ({@code python/xor_keras3.py}) and in Java from the same
 * initial weights: Keras draws them (glorot_uniform, {@code keras.utils.set_random_seed(seed)}) and
 * saves them as {@code .weights.h5}; Java loads them with {@link KerasWeightsFile}. Both sides run
 * without shuffling, full batch (4 rows, batch size 32), float32, on the CPU without XLA.
 *
 * <pre>{@code
 * SideBySide.Result r = SideBySide.run(PythonVenv.locate(), 42, 1000, 0.001, workDir);
 * r.adam().maxAbsLossDiff();   // measured against Keras, see docs/side-by-side.md
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
   * @param java the Java run with the default, Keras-3-exact {@link Adam}
   * @param fused the Java run with {@link FusedAdam} (ApplyAdam), or null if not run
   * @param adam Keras vs {@code java}
   * @param fusedComparison Keras vs {@code fused}, or null
   * @param onednn the TF_ENABLE_ONEDNN_OPTS both sides ran with ("(unset)" if unset)
   */
  public record Result(RunLog keras, RunLog java, RunLog fused, Comparison adam,
      Comparison fusedComparison, String onednn, Path initWeights) {}

  /**
   * Runs both sides.
   *
   * @param seed Keras's {@code set_random_seed}, which fixes the initial weights
   * @param epochs &gt;= 1
   * @param learningRate Adam's, &gt; 0
   * @param workDir where the initial weights and the Keras report are written
   * @param withFused also run Java with {@link FusedAdam}
   * @throws IOException if the venv or the Keras script fails
   */
  public static Result run(PythonVenv venv, long seed, int epochs, double learningRate,
      Path workDir, boolean withFused) throws IOException {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs: expected an integer >= 1, found " + epochs);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("learning rate: expected a number > 0, found "
          + learningRate);
    }
    Files.createDirectories(workDir);
    Path init = workDir.resolve("init.weights.h5");
    Path report = workDir.resolve("keras-report.json");
    venv.runChecked("xor_keras3.py", "--seed", Long.toString(seed), "--epochs",
        Integer.toString(epochs), "--no-shuffle", "--verbose", "0", "--learning-rate",
        Double.toString(learningRate), "--init-weights", init.toString(), "--report",
        report.toString());
    RunLog keras = RunLog.ofKerasReport(new ObjectMapper().readTree(report.toFile()));
    RunLog java = trainJava(init, epochs, new Adam(learningRate));
    RunLog fused = withFused ? trainJava(init, epochs, new FusedAdam(learningRate)) : null;
    String onednn = System.getenv().getOrDefault("TF_ENABLE_ONEDNN_OPTS", "(unset)");
    return new Result(keras, java, fused, Comparison.of(keras, java),
        fused == null ? null : Comparison.of(keras, fused), onednn, init);
  }

  /**
   * Trains the 2-16-1 tutorial model in Java from the given initial weights: full batch, no
   * shuffle, MSE, binary_accuracy, the given optimizer.
   */
  public static RunLog trainJava(Path initWeights, int epochs, Optimizer optimizer)
      throws IOException {
    try (Sequential model = tutorialModel(0)) {
      model.compile(Loss.MEAN_SQUARED_ERROR, optimizer, List.of(Metric.BINARY_ACCURACY));
      KerasWeightsFile.load(initWeights, model);
      return train(model, epochs);
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
    return RunLog.of(h, scores, p);
  }
}
