package io.github.tfjavaxor.keras.transforms;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.util.List;

/**
 * What {@link Stack} stacks: S models of one configuration.
 *
 * @param layers the attached layers of the one architecture
 * @param loss the compiled loss
 * @param metrics the compiled metrics, in order
 * @param optimizer the optimizer every model uses, but for its learning rate
 * @param seeds each model's seed, S &gt;= 1 of them
 * @param learningRates each model's learning rate, as many as seeds
 */
public record StackedModels(List<Dense> layers, Loss loss, List<Metric> metrics,
    Optimizer optimizer, long[] seeds, float[] learningRates) {
  /**
   * Checks that every seed has its learning rate.
   *
   * @param layers the attached layers of the one architecture
   * @param loss the compiled loss
   * @param metrics the compiled metrics, in order
   * @param optimizer the optimizer every model uses, but for its learning rate
   * @param seeds each model's seed, S &gt;= 1 of them
   * @param learningRates each model's learning rate, as many as seeds
   * @throws IllegalArgumentException if there are no seeds, or not one rate per seed
   */
  public StackedModels {
    if (seeds.length == 0 || seeds.length != learningRates.length) {
      throw new IllegalArgumentException("stack: expected one learning rate per seed and at"
          + " least one seed, found " + seeds.length + " seeds and " + learningRates.length
          + " rates");
    }
  }
}
