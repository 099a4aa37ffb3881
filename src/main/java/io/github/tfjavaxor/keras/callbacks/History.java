package io.github.tfjavaxor.keras.callbacks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-epoch metrics recorded by {@code fit}; mirrors {@code keras.callbacks.History}.
 *
 * <p>{@link #history()} maps each metric to one value per epoch, keys sorted as Keras 3 sorts them
 * ({@code binary_accuracy} before {@code loss}). Values are the float32 epoch means widened to
 * double, as Keras's {@code float(...)} does.
 */
public final class History implements Callback {
  private final Map<String, List<Double>> history = new TreeMap<>();
  private final List<Integer> epoch = new ArrayList<>();

  @Override
  public void onTrainBegin(int epochs, int steps, int verbose) {
    // Keras keeps one History per model and appends; a fresh fit gets a fresh History here.
  }

  @Override
  public void onEpochEnd(int epochIndex, Map<String, Double> logs) {
    epoch.add(epochIndex);
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
    }
  }

  /**
   * {@return metric name to per-epoch values, e.g. {@code {binary_accuracy=[...], loss=[...]}};
   * unmodifiable}
   */
  public Map<String, List<Double>> history() {
    Map<String, List<Double>> view = new TreeMap<>();
    history.forEach((k, v) -> view.put(k, Collections.unmodifiableList(v)));
    return Collections.unmodifiableMap(view);
  }

  /** {@return the 0-based indices of the epochs that ran; Keras's {@code history.epoch}} */
  public List<Integer> epoch() {
    return Collections.unmodifiableList(epoch);
  }

  /**
   * One metric's values.
   *
   * @param metric a logs key, e.g. {@code loss} or {@code val_binary_accuracy}
   * @return its per-epoch values, unmodifiable
   * @throws IllegalArgumentException if no such metric was recorded
   */
  public List<Double> get(String metric) {
    List<Double> v = history.get(metric);
    if (v == null) {
      throw new IllegalArgumentException(
          "History: no metric '" + metric + "'; recorded: " + history.keySet());
    }
    return Collections.unmodifiableList(v);
  }

  /** Records (or prints) the logs only. */
  @Override
  public boolean asyncSafe() {
    return true;
  }
}
