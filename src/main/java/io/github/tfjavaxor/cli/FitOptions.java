package io.github.tfjavaxor.cli;

import picocli.CommandLine.Option;

/** {@code --epochs}, {@code --batch-size}, {@code --verbose}: Keras's fit arguments. */
final class FitOptions {
  @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000",
      description = "training epochs, >= 1 (default: ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
      description = "samples per step, >= 1; Keras's default 32 makes each XOR epoch one step (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "1",
      description = "0 silent, 1 progress bar, 2 one line per epoch (default: ${DEFAULT-VALUE})")
  int verbose;

  void check() {
    if (epochs < 1) {
      throw new UsageException("--epochs: expected an integer >= 1, found " + epochs);
    }
    if (batchSize < 1) {
      throw new UsageException("--batch-size: expected an integer >= 1, found " + batchSize);
    }
    if (verbose < 0 || verbose > 2) {
      throw new UsageException("--verbose: expected 0, 1 or 2, found " + verbose);
    }
  }
}
