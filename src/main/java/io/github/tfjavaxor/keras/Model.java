package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.trainers.StepsPerExecution;
import io.github.tfjavaxor.keras.trainers.Trainer;
import java.io.PrintStream;
import java.util.List;
import org.tensorflow.ndarray.NdArray;

/**
 * What a Keras model inherits from its trainer ({@code keras/src/trainers/trainer.py}): {@code
 * compile}, {@code fit}, {@code evaluate}, {@code predict} and the optimizer's state, delegated to
 * a {@link Trainer}. {@link Sequential} is the one model: the layer stack and its graph.
 */
public abstract sealed class Model implements AutoCloseable permits Sequential {
  /** Keras's {@code batch_size=None}, which means 32. */
  public static final int BATCH_SIZE_DEFAULT = FitArgs.BATCH_SIZE_DEFAULT;
  /** Keras's {@code verbose="auto"}, which means 1 (progress bar). */
  public static final int VERBOSE_DEFAULT = FitArgs.VERBOSE_DEFAULT;

  private final Trainer trainer = new Trainer((Sequential) this);
  private PrintStream progressStream = System.out;
  private boolean acceleratorVisible;

  Model() {}

  /** @throws IllegalStateException if the model has no layers */
  abstract void requireLayers();

  /** The graph if built, else null. */
  abstract ModelGraph builtGraph();

  /** Called after {@code compile}: true if the graph held a test or train function. */
  abstract void compiled(boolean hadTrainingGraph);

  /**
   * Keras's {@code compile(loss=..., optimizer=..., metrics=[...])} by name, e.g. {@code
   * ("mean_squared_error", "adam", ["binary_accuracy"])}, with the optimizer's default learning rate.
   *
   * @param loss a Keras loss name, e.g. {@code mean_squared_error}
   * @param optimizer a Keras optimizer name, e.g. {@code adam}
   * @param metrics Keras metric names, e.g. {@code binary_accuracy}; may be empty
   * @throws IllegalArgumentException for an unknown name
   */
  public void compile(String loss, String optimizer, List<String> metrics) {
    compile(CompileConfig.of(loss, optimizer, metrics));
  }

  /**
   * Keras's compile with objects; see {@link #compile(CompileConfig)}.
   *
   * @param loss the loss
   * @param optimizer the optimizer; one whose state another compile built is refused
   * @param metrics the metrics, in the order they are logged; may be empty
   */
  public void compile(Loss loss, Optimizer optimizer, List<Metric> metrics) {
    compile(new CompileConfig(loss, optimizer, metrics));
  }

  /**
   * Configures training, at any time, as Keras allows: the weights are kept, the optimizer starts
   * from its own (fresh) state and the metrics reset. Compiling again after evaluate or fit
   * rebuilds the graph on next use, with the current weights.
   *
   * @param config the loss, optimizer, metrics and their options
   * @throws IllegalArgumentException if the optimizer already holds another compile's state
   */
  public void compile(CompileConfig config) {
    boolean rebuild = builtGraph() != null && trainer.hasTrainingGraph(builtGraph());
    trainer.compile(config);
    compiled(rebuild);
  }

  /** {@return true once {@link #compile} has been called} */
  public boolean isCompiled() {
    return trainer.config() != null;
  }

  /** {@return Keras 3's {@code model.metrics_names}: [loss, compile_metrics] or [loss]} */
  public List<String> metricsNames() {
    return isCompiled() ? trainer.config().metricsNames() : List.of("loss");
  }

  /**
   * The names the compiled metrics are logged under (History keys, evaluate's dict), in compile
   * order: as written to compile, e.g. {@code [accuracy]}, repeats numbered {@code _1} as Keras.
   *
   * @return the compiled metrics' names, empty before compile
   */
  public List<String> compiledMetricNames() {
    return isCompiled() ? trainer.config().loggedNames() : List.of();
  }

  /**
   * Where the progress bar goes; {@code System.out} by default.
   *
   * @param out the stream for the progress bar and epoch lines
   * @throws IllegalArgumentException if out is null
   */
  public void setProgressStream(PrintStream out) {
    if (out == null) {
      throw new IllegalArgumentException("progress stream: expected a PrintStream, found null");
    }
    this.progressStream = out;
  }

  /**
   * Declares whether the session sees a GPU, which Keras's {@code jit_compile="auto"} turns XLA on
   * for; false by default (the CLI sets it from {@code --device}).
   *
   * @param visible true if the session sees a GPU
   */
  public void setAcceleratorVisible(boolean visible) {
    this.acceleratorVisible = visible;
  }

  /** {@return true if a GPU was declared visible ({@link #setAcceleratorVisible})} */
  public boolean acceleratorVisible() {
    return acceleratorVisible;
  }

  /**
   * Keras's {@code model.jit_compile = value}: changes XLA for later fits without recompiling.
   *
   * @param value {@code TRUE}, {@code FALSE} or {@code AUTO} (XLA only with a GPU)
   * @throws IllegalStateException if not compiled
   */
  public void setJitCompile(JitCompile value) {
    trainer.setJitCompile(value);
  }

  /**
   * Keras's {@code model.steps_per_execution = value}: training steps per {@code session.run} for
   * later fits; changes no number.
   *
   * @param value {@code AUTO} or a fixed count &gt;= 1
   * @throws IllegalStateException if not compiled
   */
  public void setStepsPerExecution(StepsPerExecution value) {
    trainer.setStepsPerExecution(value);
  }

  /**
   * fit with Keras's defaults: batch 32, verbose 1, shuffle.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param epochs epochs to train, &gt;= 0
   * @return the per-epoch logs
   */
  public History fit(float[][] x, float[][] y, int epochs) {
    return fit(x, y, FitArgs.builder(epochs).build());
  }

  /**
   * {@link #fit(float[][], float[][], FitArgs)} with a batch size and verbosity.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param epochs epochs to train, &gt;= 0
   * @param batchSize rows per step, &gt;= 1
   * @param verbose 0 silent, 1 progress bar, 2 one line per epoch
   * @return the per-epoch logs
   */
  public History fit(float[][] x, float[][] y, int epochs, int batchSize, int verbose) {
    return fit(x, y, FitArgs.builder(epochs).batchSize(batchSize).verbose(verbose).build());
  }

  /**
   * Trains; mirrors Keras 3's {@code model.fit} ({@link Trainer#fit}).
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param args epochs, batch size, verbosity, shuffle, validation, callbacks, initial epoch
   * @return the per-epoch logs (and {@code val_} ones), empty if epochs &lt;= initialEpoch
   * @throws IllegalStateException if not compiled
   * @throws IllegalArgumentException for bad arrays, a bad split or a bad replayed order
   */
  public History fit(float[][] x, float[][] y, FitArgs args) {
    requireLayers();
    return trainer.fit(x, y, args, progressStream);
  }

  /**
   * evaluate with batch size 32 and verbose 1.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @return {@code [loss, metric1, ...]}, in compile order
   */
  public float[] evaluate(float[][] x, float[][] y) {
    return evaluate(x, y, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /**
   * Scores x against y without training; mirrors Keras 3's {@code model.evaluate}. Creates no
   * optimizer variables.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param batchSize rows per step, &gt;= 1
   * @param verbose 0 silent, 1 progress bar, 2 one line
   * @return {@code [loss, metric1, ...]}, float32 values
   * @throws IllegalStateException if not compiled
   */
  public float[] evaluate(float[][] x, float[][] y, int batchSize, int verbose) {
    requireLayers();
    return trainer.evaluate(x, y, batchSize, verbose, progressStream);
  }

  /**
   * predict with batch size 32 and verbose 1.
   *
   * @param x float [n][inputDim], finite
   * @return float [n][outputDim]
   */
  public float[][] predict(float[][] x) {
    return predict(x, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /**
   * The model's output for x; mirrors Keras's {@code model.predict}.
   *
   * @param x float [n][inputDim], finite
   * @param batchSize rows per step, &gt;= 1
   * @param verbose 0 silent, 1 progress bar, 2 one line
   * @return float [n][outputDim]
   */
  public float[][] predict(float[][] x, int batchSize, int verbose) {
    requireLayers();
    return trainer.predict(x, batchSize, verbose, progressStream);
  }

  /** Builds the train step and optimizer state now (Keras's make_train_function), e.g. to restore. */
  public void makeTrainFunction() {
    requireLayers();
    trainer.makeTrainFunction();
  }

  /**
   * Keras's {@code optimizer.variables} values; see {@link Trainer#optimizerVariables()}.
   *
   * @return the values in Keras's order ({@code iteration}, {@code learning_rate}, then the slots)
   */
  public List<NdArray<?>> getOptimizerVariables() {
    requireLayers();
    return trainer.optimizerVariables();
  }

  /**
   * Restores the optimizer state, building the train step; {@link Trainer#setOptimizerVariables}.
   *
   * @param values as {@link #getOptimizerVariables()} returns them
   */
  public void setOptimizerVariables(List<NdArray<?>> values) {
    requireLayers();
    trainer.setOptimizerVariables(values);
  }

  /**
   * Keras's optimizer variables' names, shapes, dtypes; {@link Trainer#optimizerLayout}.
   *
   * @param built true for the layout once built (with the slots), false for before
   * @return one entry per variable, in Keras's order
   */
  public List<OptimizerVariable> optimizerLayout(boolean built) {
    requireLayers();
    return trainer.optimizerLayout(built);
  }

  /** {@return true once the optimizer's variables exist (after fit or makeTrainFunction)} */
  public boolean isOptimizerBuilt() {
    return trainer.optimizerBuilt();
  }

  /** {@return the loss given to compile, or null} */
  public Loss loss() {
    return isCompiled() ? trainer.config().loss() : null;
  }

  /** {@return the optimizer given to compile, or null} */
  public Optimizer optimizer() {
    return isCompiled() ? trainer.config().optimizer() : null;
  }

  /** {@return the configuration given to compile (names as written), or null} */
  public CompileConfig compileConfig() {
    return trainer.config();
  }
}
