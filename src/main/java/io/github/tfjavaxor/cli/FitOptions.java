package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.StepsPerExecution;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --epochs}, {@code --batch-size}, {@code --verbose}, {@code --[no-]shuffle}, {@code
 * --validation-split}, {@code --validation-data}: Keras's fit arguments.
 */
final class FitOptions {
  @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000",
      description = "training epochs, >= 0; 0 trains nothing and reports the untrained model, as Keras's fit(epochs=0) (default: ${DEFAULT-VALUE})", converter = Numbers.NonNegativeInt.class)
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
      description = "samples per step, >= 1; Keras's default 32 makes each XOR epoch one step (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
  int batchSize;

  @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "1",
      description = "0 silent, 1 progress bar, 2 one line per epoch (default: ${DEFAULT-VALUE})", converter = Numbers.Verbose.class)
  int verbose;

  @Option(names = "--steps-per-execution", paramLabel = "auto|N", defaultValue = "auto",
      description = "training steps per session.run, as Keras's compile(steps_per_execution=N): N runs N steps and calls the batch callbacks once per run; auto runs as many as the callbacks allow, one or several epochs, and hands every step's logs on. Numbers never change (default: ${DEFAULT-VALUE})", converter = Numbers.StepsPerExecutionValue.class)
  StepsPerExecution stepsPerExecution;

  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "reorder the training rows each epoch (Java's seeded shuffle; only when an epoch has more than one batch); Keras's default (default: --shuffle)")
  boolean shuffle;

  @Option(names = "--validation-split", paramLabel = "X", defaultValue = "0",
      description = "hold out the last fraction X in [0, 1) of the rows, taken before any shuffling, and log val_ metrics each epoch, as Keras's validation_split (default: ${DEFAULT-VALUE})", converter = Numbers.Fraction.class)
  double validationSplit;

  @Option(names = "--validation-data", paramLabel = "CSV",
      description = "validate on this CSV file each epoch (val_ metrics); it must have the training data's columns, header included")
  Path validationData;

  void check() {
    if (validationSplit > 0 && validationData != null) {
      throw new UsageException("--validation-split: not allowed with --validation-data; give one source of validation rows");
    }
  }

  /** True if the fit logs val_ metrics. */
  boolean validates() {
    return validationSplit > 0 || validationData != null;
  }

  /**
   * Reads and checks the validation CSV (same columns as {@code train}) and the split size, without
   * native code; null without --validation-data.
   *
   * @throws DataException naming the file and what differs
   */
  Dataset loadValidation(Dataset train) throws DataException {
    if (validationSplit > 0) {
      try {
        FitArgs.splitAt(train.rows(), validationSplit);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--validation-split" + e.getMessage().substring("validation_split".length()));
      }
    }
    if (validationData == null) {
      return null;
    }
    String file = validationData.toString();
    if (Datasets.isBuiltin(file)) {
      throw new UsageException("--validation-data: expected a CSV file, found the built-in data set name '" + file + "'");
    }
    Dataset v = Datasets.load(file, train.targetNames().get(0));
    if (!v.featureNames().equals(train.featureNames()) || !v.targetNames().equals(train.targetNames())) {
      throw new DataException(file, "--validation-data: expected the training data's columns " + train.featureNames()
          + " -> " + train.targetNames() + ", found " + v.featureNames() + " -> " + v.targetNames());
    }
    return v;
  }

  /** The Keras fit arguments these options give; the rest as {@code more} sets them. */
  FitArgs.Builder args(Dataset validation) {
    FitArgs.Builder b = FitArgs.builder(epochs).batchSize(batchSize).verbose(verbose).shuffle(shuffle)
        .validationSplit(validationSplit);
    return validation == null ? b : b.validationData(validation.x(), validation.y());
  }
}
