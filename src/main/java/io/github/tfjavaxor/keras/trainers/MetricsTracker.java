package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.metrics.MeanMetric;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keras's loss tracker and one running mean per compiled metric, reset at each epoch and each
 * evaluate; mirrors {@code Trainer._loss_tracker} and {@code CompileMetrics} ({@code
 * keras/src/trainers/trainer.py}, {@code compile_utils.py}).
 *
 * <p>A step's logs are {@code [loss, metric totals...]}: the loss adds {@code loss * n} with weight
 * n, each metric its batch total with weight n, so an epoch logs batch-size-weighted means.
 */
public final class MetricsTracker {
  private final List<String> names;
  private final MeanMetric loss = new MeanMetric();
  private final List<MeanMetric> metrics = new ArrayList<>();

  /** @param metricNames the compiled metrics' names, in compile order */
  public MetricsTracker(List<String> metricNames) {
    this.names = List.copyOf(metricNames);
    names.forEach(n -> metrics.add(new MeanMetric()));
  }

  /** Clears the loss and every metric, as Keras does at each epoch's start. */
  public void reset() {
    loss.reset();
    metrics.forEach(MeanMetric::reset);
  }

  /**
   * Adds one step: {@code stepLogs = [loss, metric totals...]} over {@code rows} rows.
   *
   * @param stepLogs {@code [loss, metric totals...]}: the step's mean loss, then each metric's sum
   * @param rows the step's batch size
   */
  public void update(float[] stepLogs, int rows) {
    float n = rows;
    loss.update(stepLogs[0] * n, n);
    for (int i = 0; i < metrics.size(); i++) {
      metrics.get(i).update(stepLogs[i + 1], n);
    }
  }

  /**
   * {@return the running means by name, sorted as Keras's {@code pythonify_logs} sorts them; a new
   * map}
   */
  public Map<String, Double> logs() {
    Map<String, Double> logs = new TreeMap<>();
    logs.put("loss", (double) loss.result());
    for (int i = 0; i < metrics.size(); i++) {
      logs.put(names.get(i), (double) metrics.get(i).result());
    }
    return logs;
  }

  /** As {@link #logs()}, each name prefixed, e.g. {@code val_loss}. */
  Map<String, Double> logs(String prefix) {
    Map<String, Double> logs = new TreeMap<>();
    logs.put(prefix + "loss", (double) loss.result());
    for (int i = 0; i < metrics.size(); i++) {
      logs.put(prefix + names.get(i), (double) metrics.get(i).result());
    }
    return logs;
  }

  /** {@return {@code [loss, metric...]} in compile order, as {@code evaluate} returns them} */
  public float[] results() {
    float[] r = new float[1 + metrics.size()];
    r[0] = loss.result();
    for (int i = 0; i < metrics.size(); i++) {
      r[i + 1] = metrics.get(i).result();
    }
    return r;
  }
}
