package io.github.tfjavaxor.parity;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tfjavaxor.keras.callbacks.History;
import java.io.IOException;

/**
 * What one training run logged: per-epoch loss and binary accuracy (float32 values, as Keras's
 * History holds them), then {@code evaluate} = [loss, binary_accuracy] and {@code predict} on the
 * four XOR inputs.
 *
 * @param loss [epochs]
 * @param accuracy [epochs], each 0, 0.25, 0.5, 0.75 or 1
 * @param evaluate [loss, binary_accuracy]
 * @param predictions [4][1]
 */
public record RunLog(float[] loss, float[] accuracy, float[] evaluate, float[][] predictions) {

  /** From the Java port's History and results. */
  public static RunLog of(History h, float[] evaluate, float[][] predictions) {
    return new RunLog(floats(h.get("loss")), floats(h.get("binary_accuracy")), evaluate,
        predictions);
  }

  /**
   * From the JSON {@code python/xor_keras3.py --report} writes.
   *
   * @throws IOException if a field is missing or the lengths disagree
   */
  public static RunLog ofKerasReport(JsonNode r) throws IOException {
    for (String k : new String[] {"loss", "binary_accuracy", "evaluate", "predictions"}) {
      if (!r.path(k).isArray()) {
        throw new IOException("Keras report: field '" + k + "' is missing");
      }
    }
    float[] loss = floats(r.get("loss"));
    float[] acc = floats(r.get("binary_accuracy"));
    if (loss.length != acc.length) {
      throw new IOException("Keras report: " + loss.length + " losses but " + acc.length
          + " accuracies");
    }
    JsonNode p = r.get("predictions");
    float[][] pred = new float[p.size()][];
    for (int i = 0; i < pred.length; i++) {
      pred[i] = floats(p.get(i));
    }
    return new RunLog(loss, acc, floats(r.get("evaluate")), pred);
  }

  private static float[] floats(java.util.List<Double> v) {
    float[] f = new float[v.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = v.get(i).floatValue();
    }
    return f;
  }

  private static float[] floats(JsonNode a) {
    float[] f = new float[a.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) a.get(i).asDouble();
    }
    return f;
  }

  /** Epochs logged. */
  public int epochs() {
    return loss.length;
  }

  /** {@code predict(...).round()} with numpy's half-to-even rounding. */
  public float[][] roundedPredictions() {
    float[][] r = new float[predictions.length][];
    for (int i = 0; i < r.length; i++) {
      r[i] = new float[predictions[i].length];
      for (int j = 0; j < r[i].length; j++) {
        r[i][j] = (float) Math.rint(predictions[i][j]);
      }
    }
    return r;
  }
}
