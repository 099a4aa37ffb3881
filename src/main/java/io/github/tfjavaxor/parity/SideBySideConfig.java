package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One configuration both sides train: the workbench's model, a data set and Keras's fit
 * arguments. {@link #kerasArgs} passes each to {@code python/xor_keras3.py}, which interprets them
 * as the workbench does ({@code python/workbench_spec.py}).
 *
 * <pre>{@code
 * SideBySideConfig c = new SideBySideConfig(spec, "parity:3", 200, 4, true, 0.25).check(8);
 * SideBySideConfig mine = new SideBySideConfig(spec, "my.csv", 200, 32, true, 0, "label", null);
 * }</pre>
 *
 * @param model the model; its input and output sizes must match the data
 * @param data {@code xor}, {@code and}, {@code or}, {@code nand}, {@code nor}, {@code xnor} or
 *     {@code parity:N}, which both sides build row for row; or a CSV file, which Java reads and
 *     checks and hands to Keras as exact float32 arrays ({@link SideBySide})
 * @param epochs &gt;= 0 (0 trains nothing and logs nothing, as in Keras)
 * @param batchSize &gt;= 1
 * @param shuffle Keras's {@code shuffle}: permute the training rows every epoch (Keras draws the
 *     orders, Java replays them)
 * @param validationSplit Keras's {@code validation_split}, in [0, 1): the last fraction of the
 *     rows, taken before shuffling
 * @param target the CSV column to predict; null for a built-in data set
 * @param validationData a CSV file with the data's columns, Keras's {@code validation_data}; or
 *     null
 */
public record SideBySideConfig(ModelSpec model, String data, int epochs, int batchSize,
    boolean shuffle, double validationSplit, String target, String validationData) {

  /**
   * A configuration on a built-in data set.
   *
   * @param model the model, its compile settings and seed
   * @param data a built-in name, e.g. {@code xor} or {@code parity:3}
   * @param epochs epochs to train, &gt;= 0
   * @param batchSize rows per step, &gt;= 1
   * @param shuffle permute the training rows every epoch
   * @param validationSplit the last fraction of the rows to validate on, in [0, 1)
   */
  public SideBySideConfig(ModelSpec model, String data, int epochs, int batchSize,
      boolean shuffle, double validationSplit) {
    this(model, data, epochs, batchSize, shuffle, validationSplit, null, null);
  }

  /**
   * The tutorial: 2-16-1 relu/sigmoid, MSE, Adam, XOR, batch size 32.
   *
   * @param seed the seed of Keras's initial weights, which Java loads
   * @param epochs epochs to train, &gt;= 0
   * @param learningRate Adam's learning rate, or null for Keras's default
   * @param shuffle permute the rows every epoch
   * @return the configuration
   */
  public static SideBySideConfig tutorial(long seed, int epochs, Double learningRate,
      boolean shuffle) {
    ModelSpec t = ModelSpec.tutorial(2, 1).withSeed(seed);
    ModelSpec m = new ModelSpec(2, t.units(), t.activations(), 1, t.outputActivation(), t.loss(),
        t.optimizer(), learningRate, t.metrics(), seed);
    return new SideBySideConfig(m, "xor", epochs, 32, shuffle, 0);
  }

  /** {@return true for a built-in data set, which both sides build; false for a CSV file} */
  public boolean builtin() {
    return Datasets.isBuiltin(data);
  }

  /**
   * Checks every field without native code (a CSV file's cells are checked when it loads).
   *
   * @param rows the data set's rows, for the validation split
   * @return this
   * @throws IllegalArgumentException naming the flag, what was expected and what was found
   */
  public SideBySideConfig check(int rows) {
    model.check();
    if (builtin()) {
      Datasets.checkBuiltin(data);
      if (target != null || validationData != null) {
        throw new IllegalArgumentException((target != null ? "--target" : "--validation-data")
            + ": only with a CSV file; '" + data + "' is a built-in data set");
      }
    } else if (target == null) {
      throw new IllegalArgumentException("--target: required with a CSV file (--data " + data
          + "); expected the name of the column to predict");
    }
    if (validationData != null && validationSplit > 0) {
      throw new IllegalArgumentException("--validation-split: not allowed with --validation-data;"
          + " give one source of validation rows");
    }
    if (epochs < 0) {
      throw new IllegalArgumentException("--epochs: expected an integer >= 0, found " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("--batch-size: expected an integer >= 1, found "
          + batchSize);
    }
    trainRows(rows, validationSplit);
    return this;
  }

  /**
   * The training rows {@code validation_split} leaves, as Keras computes them ({@code
   * keras/src/trainers/data_adapters/array_slicing.py}, {@code train_validation_split}): {@code
   * floor(rows * (1 - split))}; neither side may be empty. A split of 0 keeps every row.
   *
   * @param rows the data set's rows
   * @param validationSplit the fraction to validate on
   * @return the training rows
   * @throws IllegalArgumentException if the split is outside [0, 1) or leaves a side empty
   */
  public static int trainRows(int rows, double validationSplit) {
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("--validation-split: expected a fraction in [0, 1),"
          + " found " + validationSplit);
    }
    if (validationSplit == 0) {
      return rows;
    }
    int at = FitArgs.splitIndex(rows, validationSplit);
    if (at == 0 || at == rows) {
      throw new IllegalArgumentException(String.format(Locale.ROOT,
          "--validation-split: %s of %d rows leaves %d training and %d validation rows; expected"
              + " at least one of each", validationSplit, rows, at, rows - at));
    }
    return at;
  }

  /**
   * The arguments of {@code python/xor_keras3.py} for this configuration, silent. A CSV data set
   * goes as the arrays {@link SideBySide#writeArrays} writes beside the initial weights.
   */
  List<String> kerasArgs(Path initWeights, Path report) {
    List<String> a = new ArrayList<>(List.of("--seed", Long.toString(model.seed()), "--epochs",
        Integer.toString(epochs), shuffle ? "--shuffle" : "--no-shuffle", "--verbose", "0"));
    a.addAll(List.of("--layers", model.units().isEmpty() ? "0"
        : model.units().stream().map(String::valueOf).collect(Collectors.joining(","))));
    a.addAll(List.of("--activation", model.activations().isEmpty() ? "relu"
        : model.activations().stream().map(s -> Activation.get(s).kerasName())
            .collect(Collectors.joining(","))));
    a.addAll(List.of("--output-activation", Activation.get(model.outputActivation()).kerasName(),
        "--loss", model.loss(), // names as written: Keras logs them so
        "--optimizer", Optimizers.get(model.optimizer()).kerasName()));
    if (model.learningRate() != null) {
      a.addAll(List.of("--learning-rate", Double.toString(model.learningRate())));
    }
    a.addAll(List.of("--metrics", String.join(",", model.metrics())));
    a.addAll(List.of("--data", builtin() ? data.trim().toLowerCase(Locale.ROOT) : data));
    if (!builtin()) {
      a.addAll(List.of("--data-npy", arrays(initWeights, "data")));
      if (validationData != null) {
        a.addAll(List.of("--validation-npy", arrays(initWeights, "validation")));
      }
    }
    a.addAll(List.of("--batch-size", Integer.toString(batchSize), "--validation-split",
        Double.toString(validationSplit), "--init-weights", initWeights.toString(), "--report",
        report.toString()));
    return a;
  }

  /** {@code X.npy,Y.npy} of a data set's arrays: {@code data.x.npy}, ... beside the weights. */
  static String arrays(Path initWeights, String which) {
    return initWeights.resolveSibling(which + ".x.npy") + "," + initWeights.resolveSibling(
        which + ".y.npy");
  }

  /**
   * {@return a label for tables, e.g. {@code 8-4 tanh-relu | sigmoid | mse | rmsprop default |
   * parity:3 | batch 4 | shuffle}}
   */
  public String label() {
    return model.label() + " | " + data + (target == null ? "" : " -> " + target) + " | batch "
        + batchSize + " | " + (shuffle ? "shuffle" : "no shuffle")
        + (validationSplit > 0 ? " | validation_split " + validationSplit : "")
        + (validationData != null ? " | validation_data " + validationData : "");
  }
}
