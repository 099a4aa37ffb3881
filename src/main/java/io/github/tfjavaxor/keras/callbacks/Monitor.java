package io.github.tfjavaxor.keras.callbacks;

import io.github.tfjavaxor.keras.metrics.Metric;
import java.util.Locale;

/**
 * Which way a monitored quantity improves, and whether a value is an improvement; mirrors Keras 3's
 * {@code MonitorCallback._set_monitor_op} and {@code _is_improvement}
 * ({@code keras/src/callbacks/monitor_callback.py}, {@code early_stopping.py}).
 *
 * <p>{@code mode="auto"}: {@code loss} (and {@code val_loss}) must decrease; a compiled metric
 * follows its Keras {@code _direction} ({@code binary_accuracy} "up", {@code mean_squared_error}
 * and {@code mean_absolute_error} "down"); anything else is an error, as in Keras.
 */
public final class Monitor {
  private final String monitor;
  private final boolean increase;
  private final double minDelta;

  /**
   * @param monitor a logs key such as {@code loss} or {@code binary_accuracy}
   * @param mode {@code auto}, {@code min} or {@code max}
   * @param minDelta Keras's min_delta; its absolute value is used
   * @throws IllegalArgumentException if the mode is unknown, or auto cannot tell the direction
   */
  public Monitor(String monitor, String mode, double minDelta) {
    if (monitor == null || monitor.isEmpty()) {
      throw new IllegalArgumentException("monitor: expected a metric name such as 'loss', found " + monitor);
    }
    if (!Double.isFinite(minDelta)) {
      throw new IllegalArgumentException("min_delta: expected a finite number, found " + minDelta);
    }
    this.monitor = monitor;
    String m = mode == null ? "auto" : mode.toLowerCase(Locale.ROOT);
    switch (m) {
      case "min":
        increase = false;
        break;
      case "max":
        increase = true;
        break;
      case "auto":
        increase = autoIncrease(monitor);
        break;
      default:
        throw new IllegalArgumentException("mode: expected auto, min or max, found '" + mode + "'");
    }
    // Keras keeps min_delta signed by direction: value - min_delta is compared with the best.
    this.minDelta = increase ? Math.abs(minDelta) : -Math.abs(minDelta);
  }

  // Keras's _set_monitor_op: "loss" decreases; a compiled metric goes its _direction.
  private static boolean autoIncrease(String monitor) {
    String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
    Metric m = Metric.ofLogged(name);
    if (!name.equals("loss") && m == null) {
      throw new IllegalArgumentException(
          "monitor="
              + monitor
              + ": cannot tell automatically whether it should be maximized or minimized;"
              + " pass mode 'max' or 'min'");
    }
    return m != null && m.increases();
  }

  /** {@return the monitored logs key} */
  public String monitor() {
    return monitor;
  }

  /** {@return true if larger is better} */
  public boolean increases() {
    return increase;
  }

  /** {@return Keras's starting best: -inf when larger is better, +inf otherwise} */
  public double initialBest() {
    return increase ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
  }

  /**
   * Keras's {@code monitor_op(value - min_delta, reference)}: strict, so NaN never improves.
   *
   * @param value the epoch's value
   * @param reference the best so far, or the baseline
   * @return true if {@code value} beats {@code reference} by more than min_delta
   */
  public boolean isImprovement(double value, double reference) {
    double v = value - minDelta;
    return increase ? v > reference : v < reference;
  }
}
