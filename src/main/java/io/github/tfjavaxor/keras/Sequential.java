package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.backend.LazyGraph;
import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.trainers.Trainer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;

/**
 * A linear stack of {@link Dense} layers on a TensorFlow graph; mirrors {@code keras.Sequential}
 * ({@code keras/src/models/sequential.py}). {@code compile}, {@code fit}, {@code evaluate} and
 * {@code predict} delegate to a {@link Trainer}, as Keras's model inherits them from its trainer.
 *
 * <pre>{@code
 * try (Sequential model = new Sequential(42)) {
 *   model.add(new Dense(16, "relu", 2));
 *   model.add(new Dense(1, "sigmoid"));
 *   model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
 *   History h = model.fit(x, y, 1000);          // x float[4][2], y float[4][1]
 *   float[] scores = model.evaluate(x, y);       // [loss, binary_accuracy]; 1.0 accuracy for seed 42
 *   float[][] p = model.predict(x);              // float[4][1]
 * }
 * }</pre>
 *
 * <p>Every argument is checked in Java before any native work; bad ones throw {@link
 * IllegalArgumentException} (or {@link IllegalStateException} for calls out of order) naming the
 * argument, what was expected and what was found. The Graph and Session are created on first use
 * and released by {@link #close()}.
 */
public final class Sequential implements AutoCloseable {
  /** Keras's {@code batch_size=None}, which means 32. */
  public static final int BATCH_SIZE_DEFAULT = FitArgs.BATCH_SIZE_DEFAULT;
  /** Keras's {@code verbose="auto"}, which means 1 (progress bar). */
  public static final int VERBOSE_DEFAULT = FitArgs.VERBOSE_DEFAULT;
  /** The seed used when none is given; the tutorial's default. */
  public static final long SEED_DEFAULT = 42L;

  private final long seed;
  private final List<Dense> layers = new ArrayList<>();
  private final Trainer trainer = new Trainer(this);
  private PrintStream progressStream = System.out;
  private ConfigProto sessionConfig = SessionConfigs.DEFAULT;
  private boolean acceleratorVisible;
  private final LazyGraph graph =
      new LazyGraph(() -> new ModelGraph(layers, seed(), sessionConfig));

  /** A model with {@link #SEED_DEFAULT}. */
  public Sequential() {
    this(SEED_DEFAULT);
  }

  /**
   * @param seed seeds the kernel initializers (and Java's shuffle of multi-batch fits); the same
   *     seed gives bit-identical weights, losses and predictions on one machine
   */
  public Sequential(long seed) {
    this.seed = seed;
  }

  /** The model seed. */
  public long seed() {
    return seed;
  }

  /**
   * Appends a layer and resolves its input size, once: the first layer's declared inputDim, then
   * the previous layer's units. Layers are named {@code dense}, {@code dense_1}, ... as in Keras.
   *
   * @throws IllegalArgumentException if the layer is null, already in a model, the first layer
   *     has no inputDim, or a declared inputDim disagrees with the previous layer
   * @throws IllegalStateException if the graph is already built
   */
  public Sequential add(Dense layer) {
    requireNotBuilt("add()");
    if (layer == null) {
      throw new IllegalArgumentException("add: expected a Dense layer, found null");
    }
    layer.attach(layers.size(), layers.isEmpty() ? 0 : last().units());
    layers.add(layer);
    return this;
  }

  /** The layers in order. */
  public List<Dense> layers() {
    return Collections.unmodifiableList(layers);
  }

  /** The input size, the first layer's inputDim. */
  public int inputDim() {
    requireLayers();
    return layers.get(0).inputDim();
  }

  /** The output size, the last layer's units. */
  public int outputDim() {
    requireLayers();
    return last().units();
  }

  /** Trainable parameters: 65 for the tutorial's 2-16-1 network. */
  public long countParams() {
    return layers.stream().mapToLong(Dense::countParams).sum();
  }

  /**
   * Keras's {@code model.summary()} table: layer, output shape and params per layer, and totals;
   * once the optimizer is built, Keras's "Optimizer params" line, counted in the total too.
   */
  public String summary() {
    requireLayers();
    return Summary.table(this);
  }

  /**
   * Keras's {@code compile(loss=..., optimizer=..., metrics=[...])} by name, e.g. {@code
   * ("mean_squared_error", "adam", ["binary_accuracy"])}, with the optimizer's default learning rate.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public void compile(String loss, String optimizer, List<String> metrics) {
    compile(CompileConfig.of(loss, optimizer, metrics));
  }

  /** Keras's compile with objects; see {@link #compile(CompileConfig)}. */
  public void compile(Loss loss, Optimizer optimizer, List<Metric> metrics) {
    compile(new CompileConfig(loss, optimizer, metrics));
  }

  /**
   * Configures training, at any time, as Keras allows: the weights are kept, the optimizer starts
   * from its own (fresh) state and the metrics reset. Compiling again after evaluate or fit
   * rebuilds the graph on next use, with the current weights.
   *
   * @throws IllegalArgumentException if the optimizer already holds another compile's state
   */
  public void compile(CompileConfig config) {
    boolean rebuild = graph.current() != null && trainer.hasTrainingGraph(graph.current());
    trainer.compile(config);
    if (rebuild) {
      graph.rebuildKeepingWeights();
    }
  }

  /** True once {@link #compile} has been called. */
  public boolean isCompiled() {
    return trainer.config() != null;
  }

  /** Keras 3's {@code model.metrics_names}: {@code [loss, compile_metrics]}, or {@code [loss]}. */
  public List<String> metricsNames() {
    return isCompiled() ? trainer.config().metricsNames() : List.of("loss");
  }

  /** The compiled metrics' own names in compile order, e.g. {@code [binary_accuracy]}. */
  public List<String> compiledMetricNames() {
    return isCompiled() ? trainer.config().metricNames() : List.of();
  }

  /** Where the progress bar goes; {@code System.out} by default. */
  public void setProgressStream(PrintStream out) {
    if (out == null) {
      throw new IllegalArgumentException("progress stream: expected a PrintStream, found null");
    }
    this.progressStream = out;
  }

  /** The session options, {@link SessionConfigs#DEFAULT} by default; before the graph is built. */
  public void setSessionConfig(ConfigProto config) {
    requireNotBuilt("setSessionConfig()");
    this.sessionConfig = config == null ? SessionConfigs.DEFAULT : config;
  }

  /**
   * Declares whether the session sees a GPU, which Keras's {@code jit_compile="auto"} turns XLA on
   * for; false by default (the CLI sets it from {@code --device}).
   */
  public void setAcceleratorVisible(boolean visible) {
    this.acceleratorVisible = visible;
  }

  /** True if a GPU was declared visible ({@link #setAcceleratorVisible}). */
  public boolean acceleratorVisible() {
    return acceleratorVisible;
  }

  /**
   * Keras's {@code model.jit_compile = value}: changes XLA for later fits without recompiling.
   *
   * @throws IllegalStateException if not compiled
   */
  public void setJitCompile(JitCompile value) {
    trainer.setJitCompile(value);
  }

  /** fit with Keras's defaults: batch 32, verbose 1, shuffle. */
  public History fit(float[][] x, float[][] y, int epochs) {
    return fit(x, y, FitArgs.builder(epochs).build());
  }

  /** {@link #fit(float[][], float[][], FitArgs)} with a batch size and verbosity. */
  public History fit(float[][] x, float[][] y, int epochs, int batchSize, int verbose) {
    return fit(x, y, FitArgs.builder(epochs).batchSize(batchSize).verbose(verbose).build());
  }

  /**
   * Trains; mirrors Keras 3's {@code model.fit} ({@link Trainer#fit}). x float [n][inputDim], y
   * float [n][outputDim], finite. Returns the per-epoch logs, empty if epochs &lt;= initialEpoch.
   *
   * @throws IllegalStateException if not compiled
   * @throws IllegalArgumentException for bad arrays, a bad split or a bad replayed order
   */
  public History fit(float[][] x, float[][] y, FitArgs args) {
    requireLayers();
    return trainer.fit(x, y, args, progressStream);
  }

  /** evaluate with batch size 32 and verbose 1. */
  public float[] evaluate(float[][] x, float[][] y) {
    return evaluate(x, y, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /**
   * {@code [loss, metric1, ...]} (compile order) of x float [n][inputDim] against y float
   * [n][outputDim] without training; mirrors Keras 3's {@code model.evaluate}. Creates no
   * optimizer variables.
   *
   * @throws IllegalStateException if not compiled
   */
  public float[] evaluate(float[][] x, float[][] y, int batchSize, int verbose) {
    requireLayers();
    return trainer.evaluate(x, y, batchSize, verbose, progressStream);
  }

  /** predict with batch size 32 and verbose 1. */
  public float[][] predict(float[][] x) {
    return predict(x, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /** The output float [n][outputDim] for x float [n][inputDim]; Keras's {@code model.predict}. */
  public float[][] predict(float[][] x, int batchSize, int verbose) {
    requireLayers();
    return trainer.predict(x, batchSize, verbose, progressStream);
  }

  /** Builds the train step and optimizer state now (Keras's make_train_function), e.g. to restore. */
  public void makeTrainFunction() {
    requireLayers();
    trainer.makeTrainFunction();
  }

  /** Keras's {@code optimizer.variables} values; see {@link Trainer#optimizerVariables()}. */
  public List<NdArray<?>> getOptimizerVariables() {
    requireLayers();
    return trainer.optimizerVariables();
  }

  /** Restores the optimizer state, building the train step; {@link Trainer#setOptimizerVariables}. */
  public void setOptimizerVariables(List<NdArray<?>> values) {
    requireLayers();
    trainer.setOptimizerVariables(values);
  }

  /** Keras's optimizer variables' names, shapes, dtypes; {@link Trainer#optimizerLayout}. */
  public List<OptimizerVariable> optimizerLayout(boolean built) {
    requireLayers();
    return trainer.optimizerLayout(built);
  }

  /** True once compiled and the optimizer's variables exist (after fit or makeTrainFunction). */
  public boolean isOptimizerBuilt() {
    return trainer.optimizerBuilt();
  }

  /** Copies of {@code [kernel [in, units], bias [units], ...]}; Keras's {@code get_weights()}. */
  public List<FloatNdArray> getWeights() {
    return modelGraph().readWeights();
  }

  /**
   * Replaces the weights, given in {@link #getWeights()} order and shapes; Keras's {@code
   * set_weights}.
   *
   * @throws IllegalArgumentException if the count, a shape or a value is wrong
   */
  public void setWeights(List<FloatNdArray> values) {
    Weights.check(this, values);
    modelGraph().writeWeights(values);
  }

  /** Shapes of {@link #getWeights()}, known without building the graph. */
  public List<Shape> weightShapes() {
    requireLayers();
    return Weights.shapes(layers);
  }

  /** Keras's variable path of weight {@code i}, e.g. {@code dense/kernel}. */
  public String weightName(int i) {
    return layers.get(i / 2).name() + (i % 2 == 0 ? "/kernel" : "/bias");
  }

  /** The Graph and Session, built on first use and rebuilt, weights kept, after compiling again. */
  public ModelGraph modelGraph() {
    requireLayers();
    return graph.get();
  }

  /** The graph, for interop (export, inspection). */
  public Graph graph() {
    return modelGraph().graph();
  }

  /** The session, for interop. */
  public Session session() {
    return modelGraph().session();
  }

  /** The loss given to compile, or null. */
  public Loss loss() {
    return isCompiled() ? trainer.config().loss() : null;
  }

  /** The optimizer given to compile, or null. */
  public Optimizer optimizer() {
    return isCompiled() ? trainer.config().optimizer() : null;
  }

  /** Releases the Session and Graph. Safe to call twice. */
  @Override
  public void close() {
    graph.close();
  }

  private void requireLayers() {
    if (layers.isEmpty()) {
      throw new IllegalStateException(
          "Sequential: the model has no layers; add a Dense layer first");
    }
  }

  private void requireNotBuilt(String call) {
    if (graph.fixed()) {
      throw new IllegalStateException(
          call + ": the model's graph is already built; configure the model before using it");
    }
  }

  private Dense last() {
    return layers.get(layers.size() - 1);
  }
}
