package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.keras.callbacks.History;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one training run logged: every History key with one float32 value per epoch ({@code loss},
 * the metrics, and with validation data {@code val_loss} and the {@code val_} metrics), then
 * {@code evaluate} on the whole data set by name, and {@code predict} on it.
 *
 * @param history key to per-epoch values; kept in {@link #order} ({@code loss} first, then the
 *     metrics, then the {@code val_} keys); empty after 0 epochs
 * @param evaluate {@code loss} and each metric, as {@code evaluate(..., return_dict=True)}
 * @param predictions [rows][outputs]
 */
public record RunLog(Map<String, float[]> history, Map<String, Float> evaluate,
    float[][] predictions) {

  /**
   * Orders the keys; checks every key has the same number of epochs.
   *
   * @param history key to per-epoch values; kept in {@link #order} ({@code loss} first, then the
   *     metrics, then the {@code val_} keys); empty after 0 epochs
   * @param evaluate {@code loss} and each metric, as {@code evaluate(..., return_dict=True)}
   * @param predictions [rows][outputs]
   */
  public RunLog {
    Map<String, float[]> h = new LinkedHashMap<>();
    for (String k : order(history.keySet())) {
      h.put(k, history.get(k));
    }
    int n = h.isEmpty() ? 0 : h.values().iterator().next().length;
    for (Map.Entry<String, float[]> e : h.entrySet()) {
      if (e.getValue().length != n) {
        throw new IllegalArgumentException("history '" + e.getKey() + "': expected " + n
            + " epochs as the other keys, found " + e.getValue().length);
      }
    }
    history = Collections.unmodifiableMap(h);
    Map<String, Float> ev = new LinkedHashMap<>();
    for (String k : order(evaluate.keySet())) {
      ev.put(k, evaluate.get(k));
    }
    evaluate = Collections.unmodifiableMap(ev);
  }

  /**
   * From the Java port's History and results.
   *
   * @param h what fit returned
   * @param names the evaluate names: {@code loss}, then the compiled metrics in order
   * @param scores what {@code evaluate} returned, in that order
   * @param predictions what {@code predict} returned, float [rows][outputs]
   * @return the run, its History values narrowed to float32
   * @throws IllegalArgumentException if names and scores differ in length
   */
  public static RunLog of(History h, List<String> names, float[] scores, float[][] predictions) {
    if (names.size() != scores.length) {
      throw new IllegalArgumentException("evaluate: expected " + names.size() + " scores "
          + names + ", found " + scores.length);
    }
    Map<String, float[]> hist = new LinkedHashMap<>();
    h.history().forEach((k, v) -> {
      float[] f = new float[v.size()];
      for (int i = 0; i < f.length; i++) {
        f[i] = v.get(i).floatValue();
      }
      hist.put(k, f);
    });
    Map<String, Float> ev = new LinkedHashMap<>();
    for (int i = 0; i < scores.length; i++) {
      ev.put(names.get(i), scores[i]);
    }
    return new RunLog(hist, ev, predictions);
  }

  /**
   * The display order: {@code loss}, the other training keys sorted, {@code val_loss}, the other
   * {@code val_} keys sorted.
   *
   * @param keys logs keys
   * @return the keys in display order
   */
  public static List<String> order(java.util.Collection<String> keys) {
    List<String> train = new ArrayList<>();
    List<String> val = new ArrayList<>();
    for (String k : keys) {
      (k.startsWith("val_") ? val : train).add(k);
    }
    java.util.Comparator<String> lossFirst = (a, b) -> a.equals(b) ? 0
        : a.endsWith("loss") && !b.endsWith("loss") ? -1
        : b.endsWith("loss") && !a.endsWith("loss") ? 1 : a.compareTo(b);
    train.sort(lossFirst);
    val.sort(lossFirst);
    train.addAll(val);
    return train;
  }

  /** {@return the epochs logged} */
  public int epochs() {
    return history.isEmpty() ? 0 : history.values().iterator().next().length;
  }

  /**
   * One key's per-epoch values.
   *
   * @param key a logs key, e.g. {@code val_loss}
   * @return its per-epoch values; empty after 0 epochs
   * @throws IllegalArgumentException naming the logged keys if it was not logged
   */
  public float[] get(String key) {
    float[] v = history.get(key);
    if (v == null) {
      if (epochs() == 0) {
        return new float[0];
      }
      throw new IllegalArgumentException("no '" + key + "' logged; logged: " + history.keySet());
    }
    return v;
  }

  /** {@return the per-epoch loss} */
  public float[] loss() {
    return get("loss");
  }

  /** {@return the per-epoch binary accuracy} */
  public float[] accuracy() {
    return get("binary_accuracy");
  }

  /** {@return {@code predict(...).round()} with numpy's half-to-even rounding} */
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
