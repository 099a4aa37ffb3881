package io.github.tfjavaxor.sweep;

/**
 * What one run produced; one row of {@code runs.csv}.
 *
 * @param configIndex 1-based configuration number
 * @param config the configuration label ({@link RunSpec#config()})
 * @param data the data it trained on ({@link io.github.tfjavaxor.datasets.Dataset#identity()})
 * @param epochs the epoch budget
 * @param seed the model seed
 * @param firstEpoch1 the first (1-based) epoch whose logged binary_accuracy was 1.0, or 0 if none
 * @param finalLoss the loss logged for the last epoch
 * @param finalAccuracy the binary_accuracy logged for the last epoch
 * @param wallMs build plus fit time of the run, milliseconds
 */
public record RunResult(
    int configIndex,
    String config,
    String data,
    int epochs,
    long seed,
    int firstEpoch1,
    double finalLoss,
    double finalAccuracy,
    long wallMs) {

  /** {@return true if accuracy reached 100% within the epoch budget} */
  public boolean success() {
    return firstEpoch1 > 0;
  }

  /** {@return the key that identifies the run across files: configuration, epochs and seed} */
  public String key() {
    return key(config, epochs, seed);
  }

  static String key(String config, int epochs, long seed) {
    return config + " | epochs " + epochs + " | seed " + seed;
  }
}
