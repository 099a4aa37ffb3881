package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.workbench.FlagValues;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.List;
import picocli.CommandLine.Option;

/** The model flags; defaults are the tutorial's. */
final class ModelOptions {
  static final String[] NAMES = {
    "--layers", "--activation", "--output-activation", "--loss", "--optimizer", "--learning-rate",
    "--metrics", "--seed"
  };

  @Option(names = "--layers", paramLabel = "UNITS", defaultValue = "16",
      description = "hidden layer sizes, e.g. 16 or 16,8; 0 for none (default: ${DEFAULT-VALUE})")
  String layers;

  @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
      description = "hidden activation, one for all or one per layer: relu, sigmoid, tanh, linear, elu, selu, relu6, softsign (default: ${DEFAULT-VALUE})")
  String activation;

  @Option(names = "--output-activation", paramLabel = "NAME", defaultValue = "sigmoid",
      description = "output layer activation (default: ${DEFAULT-VALUE})")
  String outputActivation;

  @Option(names = "--loss", paramLabel = "NAME", defaultValue = "mean_squared_error",
      description = "mean_squared_error (mse), mean_absolute_error (mae), binary_crossentropy (bce), their class names, or crossentropy (default: ${DEFAULT-VALUE})")
  String loss;

  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "adam",
      description = "adam, sgd, rmsprop, with Keras 3 defaults (default: ${DEFAULT-VALUE})")
  String optimizer;

  @Option(names = "--learning-rate", paramLabel = "LR",
      description = "learning rate (default: the optimizer's Keras default, 0.001 for adam and rmsprop, 0.01 for sgd)")
  String learningRate;

  @Option(names = "--metrics", paramLabel = "NAMES", defaultValue = "binary_accuracy",
      description = "comma-separated Keras names, logged as written: accuracy (acc), binary_accuracy, categorical_accuracy, mean_squared_error (mse), mean_absolute_error (mae), binary_crossentropy (bce), or their class names (default: ${DEFAULT-VALUE})")
  String metrics;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
      description = "seeds the initial weights (default: ${DEFAULT-VALUE})", converter = Numbers.Seed.class)
  long seed;

  /**
   * The checked spec for data of the given size.
   *
   * @throws UsageException for any bad value
   */
  ModelSpec spec(int inputDim, int outputUnits) {
    try {
      List<Integer> units = FlagValues.layers("--layers", layers);
      List<String> acts = FlagValues.activations("--activation", activation, units.size());
      Double lr = learningRate == null ? null : FlagValues.positive("--learning-rate", learningRate);
      List<String> ms = metrics.isBlank() ? List.of() : FlagValues.split("--metrics", metrics, ",");
      return new ModelSpec(inputDim, units, acts, outputUnits, outputActivation, loss, optimizer, lr, ms, seed).check();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}
