package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.trainers.FitArgs;

/**
 * The Java side's {@code fit} for a configuration: Keras's arguments and, when it shuffles, the row
 * orders the Keras side trained with, replayed epoch for epoch.
 */
final class JavaFit {
  private JavaFit() {}

  static History fit(Sequential model, float[][] x, float[][] y, SideBySideConfig c,
      int[][] orders, io.github.tfjavaxor.datasets.Dataset validation) {
    FitArgs.Builder b = FitArgs.builder(c.epochs()).batchSize(c.batchSize()).verbose(0)
        .shuffle(c.shuffle()).validationSplit(c.validationSplit());
    if (validation != null) {
      b.validationData(validation.x(), validation.y());
    }
    if (c.shuffle() && c.epochs() > 0) {
      b.shuffleOrders(orders);
    }
    return model.fit(x, y, b.build());
  }
}
