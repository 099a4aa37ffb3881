package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * One prediction step as one {@code session.run}: feed x, fetch the output. Forward only; needs no
 * compile. Mirrors Keras's {@code predict_step} ({@code keras/src/backend/tensorflow/trainer.py}).
 */
final class PredictFunction {
  private final ModelGraph g;

  PredictFunction(ModelGraph g) {
    this.g = g;
  }

  /** Writes the outputs of rows [from, from + batch) into {@code result}. */
  void run(TFloat32 xBatch, float[][] result, int from) {
    try (Result r = g.session().runner().feed(g.x(), xBatch).fetch(g.output()).run()) {
      TFloat32 out = (TFloat32) r.get(0);
      int rows = (int) out.shape().size(0);
      int units = (int) out.shape().size(1);
      for (int i = 0; i < rows; i++) {
        for (int j = 0; j < units; j++) {
          result[from + i][j] = out.getFloat(i, j);
        }
      }
    }
  }
}
