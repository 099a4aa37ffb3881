package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.callbacks.ProgbarLogger;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.MeanMetric;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * A linear stack of {@link Dense} layers trained on a TensorFlow graph; mirrors {@code
 * keras.Sequential} with Keras 3's {@code compile}, {@code fit}, {@code evaluate}, {@code predict}
 * semantics.
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
 * <p>Every argument is checked in Java before any native work, and bad ones throw {@link
 * IllegalArgumentException} (or {@link IllegalStateException} for calls out of order) naming the
 * argument, what was expected and what was found. The Graph and Session are created on first use
 * and released by {@link #close()}.
 */
public final class Sequential implements AutoCloseable {
  /** Keras's {@code batch_size=None}, which means 32. */
  public static final int BATCH_SIZE_DEFAULT = 32;
  /** Keras's {@code verbose="auto"}, which means 1 (progress bar). */
  public static final int VERBOSE_DEFAULT = 1;
  /** The seed used when none is given; the tutorial's default. */
  public static final long SEED_DEFAULT = 42L;

  private final long seed;
  private final List<Dense> layers = new ArrayList<>();
  private PrintStream progressStream = System.out;
  private ConfigProto sessionConfig = SessionConfigs.DEFAULT;

  private Loss loss;
  private Optimizer optimizer;
  private List<Metric> metrics;

  private Graph graph;
  private Session session;
  private Ops tf;
  private Placeholder<TFloat32> x;
  private Operand<TFloat32> output;
  private final List<Variable<TFloat32>> weights = new ArrayList<>();
  private final List<Placeholder<TFloat32>> weightValues = new ArrayList<>();
  private final List<Op> weightAssigns = new ArrayList<>();
  private Placeholder<TFloat32> y;
  private Operand<TFloat32> lossOp;
  private List<Operand<TFloat32>> metricTotals;
  private Operand<TFloat32> batchLogs;
  private Op trainOp;

  /** A model with {@link #SEED_DEFAULT}. */
  public Sequential() {
    this(SEED_DEFAULT);
  }

  /**
   * @param seed seeds the kernel initializers (and the shuffle of multi-batch fits); the same seed
   *     gives bit-identical weights, losses and predictions on one machine
   */
  public Sequential(long seed) {
    this.seed = seed;
  }

  /** The model seed. */
  public long seed() {
    return seed;
  }

  /**
   * Appends a layer; mirrors {@code model.add(...)}. Layers are named {@code dense}, {@code
   * dense_1}, ... as Keras names them.
   *
   * @throws IllegalArgumentException if the layer is null, or the first layer has no inputDim
   * @throws IllegalStateException if the graph is already built
   */
  public Sequential add(Dense layer) {
    requireNotBuilt("add()");
    if (layer == null) {
      throw new IllegalArgumentException("add: expected a Dense layer, found null");
    }
    if (layers.isEmpty() && layer.inputDim() == 0) {
      throw new IllegalArgumentException(
          "add: the first layer needs its input size; expected new Dense(units, activation,"
              + " inputDim) as Keras's Dense(units, input_dim=...), found inputDim=0");
    }
    if (!layers.isEmpty() && layer.inputDim() != 0 && layer.inputDim() != last().units()) {
      throw new IllegalArgumentException(
          "add: layer "
              + (layers.size())
              + " declares inputDim="
              + layer.inputDim()
              + " but the previous layer has "
              + last().units()
              + " units");
    }
    layer.setName(layers.isEmpty() ? "dense" : "dense_" + layers.size());
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
    long total = 0;
    long in = inputDim();
    for (Dense d : layers) {
      total += d.countParams(in);
      in = d.units();
    }
    return total;
  }

  /** Keras's {@code model.summary()} table: layer, output shape and params per layer, and totals. */
  public String summary() {
    requireLayers();
    return Summary.table(this);
  }

  /**
   * Configures training; mirrors {@code model.compile(loss=..., optimizer=..., metrics=[...])}.
   *
   * @param loss a Keras loss name, e.g. {@code mean_squared_error}
   * @param optimizer a Keras optimizer name with its default learning rate, e.g. {@code adam}
   * @param metrics Keras metric names, e.g. {@code [binary_accuracy]}; may be empty
   * @throws IllegalArgumentException for an unknown name
   */
  public void compile(String loss, String optimizer, List<String> metrics) {
    if (metrics == null) {
      throw new IllegalArgumentException("metrics: expected a list of metric names, found null");
    }
    List<Metric> ms = new ArrayList<>();
    for (String m : metrics) {
      ms.add(Metric.get(m));
    }
    compile(Loss.get(loss), Optimizer.get(optimizer), ms);
  }

  /**
   * Configures training with objects.
   *
   * @throws IllegalArgumentException if an argument is null or a metric repeats
   * @throws IllegalStateException if the training graph is already built
   */
  public void compile(Loss loss, Optimizer optimizer, List<Metric> metrics) {
    if (trainOp != null) {
      throw new IllegalStateException(
          "compile: this model has already been trained with another configuration; build a new"
              + " Sequential to compile again");
    }
    if (loss == null) {
      throw new IllegalArgumentException("loss: expected one of " + Loss.names() + ", found null");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "optimizer: expected one of " + Optimizer.names() + ", found null");
    }
    if (metrics == null || metrics.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("metrics: expected metric names, found " + metrics);
    }
    if (metrics.stream().distinct().count() != metrics.size()) {
      throw new IllegalArgumentException("metrics: each metric may appear once, found " + metrics);
    }
    this.loss = loss;
    this.optimizer = optimizer;
    this.metrics = List.copyOf(metrics);
  }

  /** True once {@link #compile} has been called. */
  public boolean isCompiled() {
    return loss != null;
  }

  /**
   * Keras 3's {@code model.metrics_names}: {@code ["loss", "compile_metrics"]} when metrics are
   * compiled, {@code ["loss"]} otherwise. (Keras 2 listed {@code binary_accuracy} here.)
   */
  public List<String> metricsNames() {
    return metrics == null || metrics.isEmpty()
        ? List.of("loss")
        : List.of("loss", "compile_metrics");
  }

  /** The compiled metrics' own names in compile order, e.g. {@code [binary_accuracy]}. */
  public List<String> compiledMetricNames() {
    List<String> names = new ArrayList<>();
    if (metrics != null) {
      metrics.forEach(m -> names.add(m.kerasName()));
    }
    return names;
  }

  /** Where the progress bar goes; {@code System.out} by default. */
  public void setProgressStream(PrintStream out) {
    if (out == null) {
      throw new IllegalArgumentException("progress stream: expected a PrintStream, found null");
    }
    this.progressStream = out;
  }

  /**
   * The session options (threads, devices). Defaults to {@link SessionConfigs#DEFAULT}.
   *
   * @throws IllegalStateException if the graph is already built
   */
  public void setSessionConfig(ConfigProto config) {
    requireNotBuilt("setSessionConfig()");
    this.sessionConfig = config == null ? SessionConfigs.DEFAULT : config;
  }

  /** {@link #fit(float[][], float[][], int, int, int)} with batch size 32 and verbose 1. */
  public History fit(float[][] x, float[][] y, int epochs) {
    return fit(x, y, epochs, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /** {@link #fit(float[][], float[][], int, int, int, boolean, List)} with shuffle and no callbacks. */
  public History fit(float[][] x, float[][] y, int epochs, int batchSize, int verbose) {
    return fit(x, y, epochs, batchSize, verbose, true, List.of());
  }

  /**
   * Trains; mirrors Keras 3's {@code model.fit}. Each epoch resets the metrics, runs one optimizer
   * step per batch and logs the batch-size-weighted mean of the per-batch losses and metrics, each
   * computed by the forward pass <em>before</em> that batch's update.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param epochs &gt;= 1
   * @param batchSize &gt;= 1; with n &lt;= batchSize each epoch is one full-batch step
   * @param verbose 0 silent, 1 progress bar, 2 one line per epoch
   * @param shuffle reorder samples each epoch (only matters with more than one batch)
   * @param callbacks extra callbacks, called before the History and the progress printer
   * @return the per-epoch metrics
   * @throws IllegalStateException if not compiled
   * @throws IllegalArgumentException for bad arrays or out-of-range arguments
   */
  public History fit(
      float[][] x,
      float[][] y,
      int epochs,
      int batchSize,
      int verbose,
      boolean shuffle,
      List<Callback> callbacks) {
    return fit(x, y, epochs, batchSize, verbose, shuffle, callbacks, 0);
  }

  /**
   * As {@link #fit(float[][], float[][], int, int, int, boolean, List)}, starting at epoch {@code
   * initialEpoch} (0-based) as Keras's {@code fit(..., initial_epoch=...)}: epochs {@code
   * initialEpoch .. epochs-1} run, and the shuffle skips the orders of the earlier epochs, so
   * restoring a checkpoint taken after epoch k and fitting with initialEpoch k continues exactly
   * like one uninterrupted fit.
   *
   * @param initialEpoch in [0, epochs)
   * @throws IllegalArgumentException if initialEpoch is out of range
   */
  public History fit(
      float[][] x,
      float[][] y,
      int epochs,
      int batchSize,
      int verbose,
      boolean shuffle,
      List<Callback> callbacks,
      int initialEpoch) {
    requireCompiled("fit");
    if (initialEpoch < 0 || initialEpoch >= Math.max(epochs, 1)) {
      throw new IllegalArgumentException(
          "initial_epoch: expected an integer in [0, epochs=" + epochs + "), found " + initialEpoch);
    }
    checkXy(x, y);
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs: expected an integer >= 1, found " + epochs);
    }
    checkBatchSize(batchSize);
    checkVerbose(verbose);
    if (callbacks == null || callbacks.stream().anyMatch(java.util.Objects::isNull)) {
      throw new IllegalArgumentException("callbacks: expected a list of callbacks, found " + callbacks);
    }
    buildTraining();

    int n = x.length;
    int steps = (n + batchSize - 1) / batchSize;
    History history = new History();
    List<Callback> cbs = new ArrayList<>(callbacks);
    cbs.add(history);
    if (verbose != 0) {
      cbs.add(new ProgbarLogger(progressStream));
    }
    boolean reorder = shuffle && steps > 1;
    SplittableRandom random = new SplittableRandom(seed);
    for (int skipped = 0; reorder && skipped < initialEpoch; skipped++) {
      permutation(n, random);
    }
    Batches batches = reorder ? null : new Batches(x, y, null, batchSize);
    Trackers trackers = new Trackers();
    Map<String, Double> logs = Map.of();
    try {
      cbs.forEach(c -> c.setModel(this));
      cbs.forEach(c -> c.onTrainBegin(epochs, steps, verbose));
      for (int epoch = initialEpoch; epoch < epochs && !stopRequested(cbs); epoch++) {
        if (reorder) {
          batches = new Batches(x, y, permutation(n, random), batchSize);
        }
        trackers.reset();
        final int e = epoch;
        cbs.forEach(c -> c.onEpochBegin(e));
        for (int step = 0; step < steps; step++) {
          runBatch(batches, step, trainOp, trackers);
          logs = trackers.logs();
          final int s = step;
          final Map<String, Double> batchLogs = logs;
          cbs.forEach(c -> c.onTrainBatchEnd(s, batchLogs));
          if (stopRequested(cbs)) {
            break;
          }
        }
        final Map<String, Double> epochLogs = logs;
        cbs.forEach(c -> c.onEpochEnd(e, epochLogs));
        if (reorder) {
          batches.close();
          batches = null;
        }
      }
    } finally {
      if (batches != null) {
        batches.close();
      }
    }
    final Map<String, Double> finalLogs = logs;
    cbs.forEach(c -> c.onTrainEnd(finalLogs));
    return history;
  }

  /** {@link #evaluate(float[][], float[][], int, int)} with batch size 32 and verbose 1. */
  public float[] evaluate(float[][] x, float[][] y) {
    return evaluate(x, y, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /**
   * Computes the loss and metrics without training; mirrors Keras 3's {@code model.evaluate}.
   *
   * @param x float [n][inputDim]
   * @param y float [n][outputDim]
   * @return {@code [loss, metric1, ...]}, metrics in compile order
   * @throws IllegalStateException if not compiled
   * @throws IllegalArgumentException for bad arrays or out-of-range arguments
   */
  public float[] evaluate(float[][] x, float[][] y, int batchSize, int verbose) {
    requireCompiled("evaluate");
    checkXy(x, y);
    checkBatchSize(batchSize);
    checkVerbose(verbose);
    buildTraining();
    int steps = (x.length + batchSize - 1) / batchSize;
    ProgbarLogger bar = verbose == 0 ? null : new ProgbarLogger(progressStream);
    Trackers trackers = new Trackers();
    if (bar != null) {
      bar.onTestBegin(steps, verbose);
    }
    try (Batches batches = new Batches(x, y, null, batchSize)) {
      for (int step = 0; step < steps; step++) {
        runBatch(batches, step, null, trackers);
        if (bar != null) {
          bar.onTestBatchEnd(step, trackers.logs());
        }
      }
    }
    if (bar != null) {
      bar.onTestEnd(trackers.logs());
    }
    return trackers.results();
  }

  /** {@link #predict(float[][], int, int)} with batch size 32 and verbose 1. */
  public float[][] predict(float[][] x) {
    return predict(x, BATCH_SIZE_DEFAULT, VERBOSE_DEFAULT);
  }

  /**
   * The model output; mirrors Keras 3's {@code model.predict}. Needs no compile.
   *
   * @param x float [n][inputDim]
   * @return float [n][outputDim]
   * @throws IllegalArgumentException for bad arrays or out-of-range arguments
   */
  public float[][] predict(float[][] x, int batchSize, int verbose) {
    requireLayers();
    Arrays2d.check("x", x, inputDim(), "the first layer's inputDim");
    checkBatchSize(batchSize);
    checkVerbose(verbose);
    buildForward();
    int n = x.length;
    int steps = (n + batchSize - 1) / batchSize;
    int units = outputDim();
    float[][] result = new float[n][units];
    ProgbarLogger bar = verbose == 0 ? null : new ProgbarLogger(progressStream);
    if (bar != null) {
      bar.onPredictBegin(steps, verbose);
    }
    for (int step = 0; step < steps; step++) {
      int from = step * batchSize;
      int to = Math.min(n, from + batchSize);
      try (TFloat32 xt = Arrays2d.tensor(x, null, from, to);
          Result r = session.runner().feed(this.x, xt).fetch(output).run()) {
        TFloat32 out = (TFloat32) r.get(0);
        for (int i = from; i < to; i++) {
          for (int j = 0; j < units; j++) {
            result[i][j] = out.getFloat(i - from, j);
          }
        }
      }
      if (bar != null) {
        bar.onPredictBatchEnd(step);
      }
    }
    if (bar != null) {
      bar.onPredictEnd();
    }
    return result;
  }

  /**
   * The weights in Keras's order, {@code [kernel, bias, kernel, bias, ...]}; mirrors {@code
   * model.get_weights()}. Copies: kernels are [in, units], biases [units].
   */
  public List<FloatNdArray> getWeights() {
    requireLayers();
    buildForward();
    List<FloatNdArray> out = new ArrayList<>();
    Session.Runner runner = session.runner();
    weights.forEach(runner::fetch);
    try (Result r = runner.run()) {
      for (int i = 0; i < weights.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        FloatNdArray copy = NdArrays.ofFloats(t.shape());
        t.copyTo(copy);
        out.add(copy);
      }
    }
    return out;
  }

  /**
   * Replaces the weights; mirrors {@code model.set_weights(...)}.
   *
   * @param values in {@link #getWeights()} order and shapes, finite
   * @throws IllegalArgumentException if the count, a shape or a value is wrong
   */
  public void setWeights(List<FloatNdArray> values) {
    requireLayers();
    List<Shape> shapes = weightShapes();
    if (values == null || values.size() != shapes.size()) {
      throw new IllegalArgumentException(
          "weights: expected "
              + shapes.size()
              + " arrays (kernel and bias per layer), found "
              + (values == null ? "null" : values.size()));
    }
    for (int i = 0; i < shapes.size(); i++) {
      FloatNdArray v = values.get(i);
      if (v == null || !v.shape().equals(shapes.get(i))) {
        throw new IllegalArgumentException(
            "weights["
                + i
                + "] ("
                + weightName(i)
                + "): expected shape "
                + shapes.get(i)
                + ", found "
                + (v == null ? "null" : v.shape()));
      }
      final int index = i;
      v.scalars()
          .forEachIndexed(
              (idx, s) -> {
                if (!Float.isFinite(s.getFloat())) {
                  throw new IllegalArgumentException(
                      "weights[" + index + "] (" + weightName(index) + ") at "
                          + java.util.Arrays.toString(idx) + ": expected a finite number, found "
                          + s.getFloat());
                }
              });
    }
    buildForward();
    Session.Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      for (int i = 0; i < values.size(); i++) {
        TFloat32 t = TFloat32.tensorOf(values.get(i));
        tensors.add(t);
        runner.feed(weightValues.get(i), t).addTarget(weightAssigns.get(i));
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /** Shapes of {@link #getWeights()}, known without building the graph. */
  public List<Shape> weightShapes() {
    List<Shape> shapes = new ArrayList<>();
    long in = inputDim();
    for (Dense d : layers) {
      shapes.add(Shape.of(in, d.units()));
      shapes.add(Shape.of(d.units()));
      in = d.units();
    }
    return shapes;
  }

  /** Keras's variable path of weight {@code i}, e.g. {@code dense/kernel}. */
  public String weightName(int i) {
    return layers.get(i / 2).name() + (i % 2 == 0 ? "/kernel" : "/bias");
  }

  /** The graph, built on first use; for interop (export, inspection). */
  public Graph graph() {
    requireLayers();
    buildForward();
    return graph;
  }

  /** The session, created with the graph; for interop. */
  public Session session() {
    requireLayers();
    buildForward();
    return session;
  }

  /** The input placeholder, float32 [-1, inputDim]. */
  public Placeholder<TFloat32> inputPlaceholder() {
    graph();
    return x;
  }

  /** The output operand, float32 [-1, outputDim]. */
  public Operand<TFloat32> outputOperand() {
    graph();
    return output;
  }

  /** The loss given to compile, or null. */
  public Loss loss() {
    return loss;
  }

  /** The optimizer given to compile, or null. */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** Releases the Session and Graph. Safe to call twice. */
  @Override
  public void close() {
    if (session != null) {
      session.close();
      session = null;
    }
    if (graph != null) {
      graph.close();
      graph = null;
    }
  }

  // ---- graph construction ----

  private void buildForward() {
    if (graph != null) {
      return;
    }
    if (session == null && tf != null) {
      throw new IllegalStateException("Sequential: model is closed");
    }
    graph = new Graph();
    try {
      tf = Ops.create(graph);
      x =
          tf.withName("x")
              .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, inputDim())));
      Operand<TFloat32> h = x;
      long in = inputDim();
      for (int i = 0; i < layers.size(); i++) {
        Dense d = layers.get(i);
        d.build(tf, in, Seeds.forLayer(seed, i));
        h = d.call(tf, h);
        in = d.units();
        weights.add(d.kernel());
        weights.add(d.bias());
      }
      output = h;
      for (Variable<TFloat32> w : weights) {
        Placeholder<TFloat32> p =
            tf.withName(w.op().name() + "_value")
                .placeholder(TFloat32.class, Placeholder.shape(w.shape()));
        weightValues.add(p);
        weightAssigns.add(tf.assign(w, p));
      }
      session = new Session(graph, sessionConfig);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private void buildTraining() {
    buildForward();
    if (trainOp != null) {
      return;
    }
    y =
        tf.withName("y")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputDim())));
    Dense last = last();
    Operand<TFloat32> logits =
        last.activation() == Activation.SIGMOID ? last.preActivation() : null;
    lossOp = loss.call(tf, y, output, logits);
    metricTotals = new ArrayList<>();
    for (Metric m : metrics) {
      metricTotals.add(m.batchTotal(tf, y, output));
    }
    // One fetch of [loss, metric totals...]: each fetched tensor costs a native round trip.
    List<Operand<TFloat32>> logged = new ArrayList<>();
    logged.add(lossOp);
    logged.addAll(metricTotals);
    batchLogs = tf.withName("batch_logs").stack(logged);
    trainOp = optimizer.minimize(tf, lossOp, weights);
    session.initialize();
  }

  // ---- loops ----

  private void runBatch(Batches batches, int step, Op target, Trackers trackers) {
    Session.Runner runner =
        session.runner().feed(x, batches.x(step)).feed(y, batches.y(step)).fetch(batchLogs);
    if (target != null) {
      runner.addTarget(target);
    }
    try (Result r = runner.run()) {
      TFloat32 logs = (TFloat32) r.get(0);
      float n = batches.size(step);
      trackers.loss.update(logs.getFloat(0) * n, n);
      for (int i = 0; i < metricTotals.size(); i++) {
        trackers.metrics.get(i).update(logs.getFloat(i + 1), n);
      }
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static boolean stopRequested(List<Callback> cbs) {
    for (Callback c : cbs) {
      if (c.stopTraining()) {
        return true;
      }
    }
    return false;
  }

  /** Keras's loss tracker and one Mean per compiled metric. */
  private final class Trackers {
    final MeanMetric loss = new MeanMetric();
    final List<MeanMetric> metrics = new ArrayList<>();

    Trackers() {
      for (int i = 0; i < Sequential.this.metrics.size(); i++) {
        metrics.add(new MeanMetric());
      }
    }

    void reset() {
      loss.reset();
      metrics.forEach(MeanMetric::reset);
    }

    Map<String, Double> logs() {
      Map<String, Double> logs = new TreeMap<>();
      logs.put("loss", (double) loss.result());
      for (int i = 0; i < metrics.size(); i++) {
        logs.put(Sequential.this.metrics.get(i).kerasName(), (double) metrics.get(i).result());
      }
      return logs;
    }

    float[] results() {
      float[] r = new float[1 + metrics.size()];
      r[0] = loss.result();
      for (int i = 0; i < metrics.size(); i++) {
        r[i + 1] = metrics.get(i).result();
      }
      return r;
    }
  }

  /** The input tensors of one pass over the data, created once and closed together. */
  private static final class Batches implements AutoCloseable {
    private final List<TFloat32> xs = new ArrayList<>();
    private final List<TFloat32> ys = new ArrayList<>();
    private final List<Integer> sizes = new ArrayList<>();

    Batches(float[][] x, float[][] y, int[] order, int batchSize) {
      try {
        for (int from = 0; from < x.length; from += batchSize) {
          int to = Math.min(x.length, from + batchSize);
          xs.add(Arrays2d.tensor(x, order, from, to));
          ys.add(Arrays2d.tensor(y, order, from, to));
          sizes.add(to - from);
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    TFloat32 x(int step) {
      return xs.get(step);
    }

    TFloat32 y(int step) {
      return ys.get(step);
    }

    int size(int step) {
      return sizes.get(step);
    }

    @Override
    public void close() {
      xs.forEach(TFloat32::close);
      ys.forEach(TFloat32::close);
      xs.clear();
      ys.clear();
    }
  }

  // ---- checks ----

  private void checkXy(float[][] x, float[][] y) {
    Arrays2d.check("x", x, inputDim(), "the first layer's inputDim");
    Arrays2d.check("y", y, outputDim(), "the last layer's units");
    if (x.length != y.length) {
      throw new IllegalArgumentException(
          "y: expected one target row per input row ("
              + x.length
              + " rows, as x), found "
              + y.length
              + " rows");
    }
  }

  private static void checkBatchSize(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException(
          "batch_size: expected an integer >= 1, found " + batchSize);
    }
  }

  private static void checkVerbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose: expected 0, 1 or 2, found " + verbose);
    }
  }

  private void requireCompiled(String call) {
    requireLayers();
    if (loss == null) {
      throw new IllegalStateException(
          call
              + ": the model is not compiled; call compile(loss, optimizer, metrics) before "
              + call
              + "()");
    }
  }

  private void requireLayers() {
    if (layers.isEmpty()) {
      throw new IllegalStateException(
          "Sequential: the model has no layers; add a Dense layer first");
    }
  }

  private void requireNotBuilt(String call) {
    if (graph != null) {
      throw new IllegalStateException(
          call + ": the model's graph is already built; configure the model before using it");
    }
  }

  private Dense last() {
    return layers.get(layers.size() - 1);
  }
}
