package io.github.tfjavaxor.workbench;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Sequential of Dense layers as the tutorial describes it: hidden layers with their units and
 * activations, an output layer, and the compile arguments. Immutable; {@link #check()} validates
 * every field in Java (no native code) and {@link #build()} makes the compiled model.
 *
 * <p>The tutorial's model is {@code inputDim=2, units=[16], activations=[relu], outputUnits=1,
 * outputActivation=sigmoid, loss=mean_squared_error, optimizer=adam, learningRate=null (0.001),
 * metrics=[binary_accuracy], seed=42}.
 *
 * @param inputDim features per sample, &gt;= 1
 * @param units hidden layer sizes, each &gt;= 1; may be empty (a single Dense layer)
 * @param activations one Keras activation name per hidden layer
 * @param outputUnits target columns, &gt;= 1
 * @param outputActivation the output layer's activation
 * @param loss a Keras loss name
 * @param optimizer a Keras optimizer name
 * @param learningRate the learning rate, or null for the optimizer's Keras default
 * @param metrics Keras metric names
 * @param seed seeds the kernel initializers
 */
public record ModelSpec(
    int inputDim,
    List<Integer> units,
    List<String> activations,
    int outputUnits,
    String outputActivation,
    String loss,
    String optimizer,
    Double learningRate,
    List<String> metrics,
    long seed) {

  /**
   * The largest model the workbench builds: 50 million parameters, 190 MiB of float32 weights
   * (three times that with Adam's state). Far beyond XOR-sized problems; it stops a typo such as
   * {@code --layers 100000000} before it allocates gigabytes.
   */
  public static final long MAX_PARAMS = 50_000_000L;

  /**
   * Copies the lists, so a spec never changes.
   *
   * @param inputDim features per sample, &gt;= 1
   * @param units hidden layer sizes, each &gt;= 1; may be empty (a single Dense layer)
   * @param activations one Keras activation name per hidden layer
   * @param outputUnits target columns, &gt;= 1
   * @param outputActivation the output layer's activation
   * @param loss a Keras loss name
   * @param optimizer a Keras optimizer name
   * @param learningRate the learning rate, or null for the optimizer's Keras default
   * @param metrics Keras metric names
   * @param seed seeds the kernel initializers
   */
  public ModelSpec {
    units = List.copyOf(units);
    activations = List.copyOf(activations);
    metrics = List.copyOf(metrics);
  }

  /**
   * The tutorial's model for a given input and output size: Dense(16, relu), Dense(outputUnits,
   * sigmoid), MSE, Adam, binary_accuracy, seed 42.
   *
   * @param inputDim features, &gt;= 1
   * @param outputUnits targets, &gt;= 1
   * @return the description, unchecked
   */
  public static ModelSpec tutorial(int inputDim, int outputUnits) {
    return new ModelSpec(
        inputDim, List.of(16), List.of("relu"), outputUnits, "sigmoid", "mean_squared_error",
        "adam", null, List.of("binary_accuracy"), Sequential.SEED_DEFAULT);
  }

  /**
   * A copy with another seed.
   *
   * @param newSeed the model seed
   * @return the copy
   */
  public ModelSpec withSeed(long newSeed) {
    return new ModelSpec(inputDim, units, activations, outputUnits, outputActivation, loss,
        optimizer, learningRate, metrics, newSeed);
  }

  /**
   * A copy for other data sizes.
   *
   * @param newInputDim features
   * @param newOutputUnits targets
   * @return the copy
   */
  public ModelSpec withData(int newInputDim, int newOutputUnits) {
    return new ModelSpec(newInputDim, units, activations, newOutputUnits, outputActivation, loss,
        optimizer, learningRate, metrics, seed);
  }

  /**
   * Validates every field without native code.
   *
   * @return this
   * @throws IllegalArgumentException naming the flag, what was expected and what was found
   */
  public ModelSpec check() {
    if (inputDim < 1) {
      throw new IllegalArgumentException("input size: expected >= 1 feature, found " + inputDim);
    }
    if (outputUnits < 1) {
      throw new IllegalArgumentException("output size: expected >= 1 target, found " + outputUnits);
    }
    for (int u : units) {
      if (u < 1) {
        throw new IllegalArgumentException("--layers: expected unit counts >= 1, found " + u);
      }
    }
    if (activations.size() != units.size()) {
      throw new IllegalArgumentException(
          "--activation: expected one activation for all hidden layers or one per layer ("
              + units.size() + "), found " + activations.size() + ": " + activations);
    }
    activations.forEach(a -> flag("--activation", () -> Activation.get(a)));
    flag("--output-activation", () -> Activation.get(outputActivation));
    flag("--loss", () -> Loss.get(loss, outputUnits));
    flag("--optimizer", () -> Optimizers.get(optimizer, learningRate == null ? Double.NaN : learningRate));
    metrics.forEach(m -> flag("--metrics", () -> Metric.get(m)));
    // Keras logs a repeated name as name_1; one name once keeps the logs and tables plain.
    if (metrics.stream().distinct().count() != metrics.size()) {
      throw new IllegalArgumentException("--metrics: each name may appear once, found " + metrics);
    }
    long params;
    try (Sequential shape = stack()) { // no native work: the graph is built on first use
      params = shape.countParams();
    }
    if (params > MAX_PARAMS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
          "--layers: expected a model of at most %,d parameters (%d MiB of float32 weights, three"
              + " times that with Adam's state), found %,d", MAX_PARAMS, MAX_PARAMS * 4 >> 20, params));
    }
    return this;
  }

  private static void flag(String flag, Runnable r) {
    try {
      r.run();
    } catch (IllegalArgumentException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(": ");
      throw new IllegalArgumentException(flag + ": " + (colon >= 0 ? msg.substring(colon + 2) : msg));
    }
  }

  /**
   * Builds and compiles the model. Loads the TensorFlow native library on first graph use.
   *
   * @return a new compiled model; the caller closes it
   * @throws IllegalArgumentException if a field is invalid
   */
  public Sequential build() {
    check();
    return build(Optimizers.get(optimizer, learningRate == null ? Double.NaN : learningRate));
  }

  /**
   * Builds the model and compiles it with the given optimizer instead of {@link #optimizer} (the
   * side-by-side comparison's FusedAdam run).
   *
   * @param optimizerInstance a fresh optimizer
   * @return a new compiled model; the caller closes it
   * @throws IllegalArgumentException if a field is invalid
   */
  public Sequential build(Optimizer optimizerInstance) {
    check();
    Sequential model = stack();
    model.compile(CompileConfig.of(loss, optimizerInstance, metrics));
    return model;
  }

  // The layer stack, uncompiled; Sequential resolves each layer's input size as it is added.
  private Sequential stack() {
    Sequential model = new Sequential(seed);
    for (int i = 0; i < units.size(); i++) {
      model.add(new Dense(units.get(i), activations.get(i), i == 0 ? inputDim : 0));
    }
    model.add(new Dense(outputUnits, outputActivation, units.isEmpty() ? inputDim : 0));
    return model;
  }

  /**
   * {@return a short label for tables: e.g. {@code 16 relu | sigmoid | mean_squared_error | adam
   * 0.001}}
   */
  public String label() {
    String hidden = units.isEmpty() ? "-" : units.stream().map(String::valueOf).collect(Collectors.joining("-"))
        + " " + String.join("-", activations);
    return hidden + " | " + outputActivation + " | " + loss + " | " + optimizer + " "
        + (learningRate == null ? "default" : trimNumber(learningRate));
  }

  /** A double without a trailing {@code .0}: 0.001 stays, 1.0 becomes 1. */
  static String trimNumber(double v) {
    String s = Double.toString(v);
    if (s.endsWith(".0")) {
      s = s.substring(0, s.length() - 2);
    }
    return s.toLowerCase(Locale.ROOT);
  }
}
