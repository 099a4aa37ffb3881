package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.backend.LazyGraph;
import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.ConfigProto;

/**
 * A linear stack of {@link Dense} layers on a TensorFlow graph; mirrors {@code keras.Sequential}
 * ({@code keras/src/models/sequential.py}). {@code compile}, {@code fit}, {@code evaluate} and
 * {@code predict} come from {@link Model}, as Keras's model inherits them from its trainer.
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
public final class Sequential extends Model {
  /** The seed used when none is given; the tutorial's default. */
  public static final long SEED_DEFAULT = 42L;

  private final long seed;
  private final List<Dense> layers = new ArrayList<>();
  private ConfigProto sessionConfig = SessionConfigs.DEFAULT;
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

  /** {@return the model seed} */
  public long seed() {
    return seed;
  }

  /**
   * Appends a layer and resolves its input size, once: the first layer's declared inputDim, then
   * the previous layer's units. Layers are named {@code dense}, {@code dense_1}, ... as in Keras.
   *
   * @param layer a new Dense layer, not in another model
   * @return this model
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

  /** {@return the layers in order, unmodifiable} */
  public List<Dense> layers() {
    return Collections.unmodifiableList(layers);
  }

  /** {@return the input size, the first layer's inputDim} */
  public int inputDim() {
    requireLayers();
    return layers.get(0).inputDim();
  }

  /** {@return the output size, the last layer's units} */
  public int outputDim() {
    requireLayers();
    return last().units();
  }

  /** {@return the trainable parameters: 65 for the tutorial's 2-16-1 network} */
  public long countParams() {
    return layers.stream().mapToLong(Dense::countParams).sum();
  }

  /**
   * Keras's {@code model.summary()} table: layer, output shape and params per layer, and totals;
   * once the optimizer is built, Keras's "Optimizer params" line, counted in the total too.
   *
   * @return the table as Keras prints it, lines ending in {@code \n}
   * @throws IllegalStateException if the model has no layers
   */
  public String summary() {
    requireLayers();
    return Summary.table(this);
  }

  /** {@return copies of float32 [kernel [in, units], bias [units], ...]; Keras's get_weights()} */
  public List<FloatNdArray> getWeights() {
    return modelGraph().readWeights();
  }

  /**
   * Replaces the weights, given in {@link #getWeights()} order and shapes; Keras's {@code
   * set_weights}.
   *
   * @param values float32 {@code [kernel [in, units], bias [units], ...]}
   * @throws IllegalArgumentException if the count, a shape or a value is wrong
   */
  public void setWeights(List<FloatNdArray> values) {
    Weights.check(this, values);
    modelGraph().writeWeights(values);
  }

  /** {@return the shapes of {@link #getWeights()}, known without building the graph} */
  public List<Shape> weightShapes() {
    requireLayers();
    return Weights.shapes(layers);
  }

  /**
   * Keras's variable path of a weight.
   *
   * @param i the weight's index in {@link #getWeights()}
   * @return e.g. {@code dense/kernel} for 0, {@code dense/bias} for 1
   */
  public String weightName(int i) {
    return layers.get(i / 2).name() + (i % 2 == 0 ? "/kernel" : "/bias");
  }

  /**
   * {@return the Graph and Session, built on first use and rebuilt, weights kept, after compiling
   * again}
   */
  public ModelGraph modelGraph() {
    requireLayers();
    return graph.get();
  }

  /** {@return the graph, for interop (export, inspection)} */
  public Graph graph() {
    return modelGraph().graph();
  }

  /** {@return the session, for interop} */
  public Session session() {
    return modelGraph().session();
  }

  /**
   * The session options, {@link SessionConfigs#DEFAULT} by default; before the graph is built.
   *
   * @param config the session's options, or null for the default
   * @throws IllegalStateException if the graph is already built
   */
  public void setSessionConfig(ConfigProto config) {
    requireNotBuilt("setSessionConfig()");
    this.sessionConfig = config == null ? SessionConfigs.DEFAULT : config;
  }

  // Compiling again after evaluate or fit rebuilds the graph on next use, with the weights.
  @Override
  void compiled(boolean hadTrainingGraph) {
    if (hadTrainingGraph) {
      graph.rebuildKeepingWeights();
    }
  }

  @Override
  ModelGraph builtGraph() {
    return graph.current();
  }

  /** Releases the Session and Graph. Safe to call twice. */
  @Override
  public void close() {
    graph.close();
  }

  @Override
  void requireLayers() {
    if (layers.isEmpty()) {
      throw new IllegalStateException(
          "Sequential: the model has no layers; add a Dense layer first");
    }
  }

  void requireNotBuilt(String call) {
    if (graph.fixed()) {
      throw new IllegalStateException(
          call + ": the model's graph is already built; configure the model before using it");
    }
  }

  private Dense last() {
    return layers.get(layers.size() - 1);
  }
}
