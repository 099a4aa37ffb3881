package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import picocli.CommandLine.Option;

/** {@code --data} and {@code --target}. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "NAME|FILE",
      defaultValue = "xor",
      description = "xor, and, or, nand, nor, xnor, parity:N (N in 1..20), or a CSV file with a header row (default: ${DEFAULT-VALUE})")
  String data;

  @Option(names = "--target", paramLabel = "COLUMN", description = "the CSV column to predict (required with a CSV file)")
  String target;

  /** Usage checks: built-in names and N, and --target for files. */
  void check() {
    if (Datasets.isBuiltin(data)) {
      try {
        Datasets.checkBuiltin(data);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      if (target != null) {
        throw new UsageException("--target: only for CSV files; '" + data + "' is a built-in data set");
      }
    } else if (target == null) {
      throw new UsageException("--target: required with a CSV file (--data " + data + "); expected the name of the column to predict");
    }
  }

  /** Loads and checks every cell; no native code. */
  Dataset load() throws DataException {
    check();
    return Datasets.load(data, target);
  }
}
