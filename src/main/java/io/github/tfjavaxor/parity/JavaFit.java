package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import java.util.List;

/** The Java side's {@code fit} for a configuration: Keras's arguments, Keras's row orders. */
final class JavaFit {
  private JavaFit() {}

  static History fit(Sequential model, float[][] x, float[][] y, SideBySideConfig c,
      int[][] orders) {
    if (c.epochs() == 0) {
      return new History();
    }
    if (c.shuffle() || c.validationSplit() > 0) {
      throw new UnsupportedOperationException("replayed shuffles and validation need FitArgs");
    }
    return model.fit(x, y, c.epochs(), c.batchSize(), 0, false, List.of());
  }
}
