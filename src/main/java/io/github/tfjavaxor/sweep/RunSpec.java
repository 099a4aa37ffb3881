package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.workbench.ModelSpec;

/**
 * One run of a sweep: a configuration, its position in the grid, and a seed.
 *
 * @param index position in the full grid (configuration-major, then seed)
 * @param configIndex 1-based configuration number, as in the table
 * @param model the model, with this run's seed
 * @param batchSize samples per step
 * @param epochs the epoch budget
 * @param data the data it trains on ({@link io.github.tfjavaxor.datasets.Dataset#identity()})
 */
public record RunSpec(int index, int configIndex, ModelSpec model, int batchSize, int epochs,
    String data) {

  /** {@return the configuration label, without the seed} */
  public String config() {
    return model.label() + " | batch " + batchSize;
  }

  /** {@return the key that identifies the run across files: configuration, epochs and seed} */
  public String key() {
    return RunResult.key(config(), epochs, model.seed());
  }
}
