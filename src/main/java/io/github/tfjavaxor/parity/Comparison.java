package io.github.tfjavaxor.parity;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-epoch agreement of two runs from the same initial weights (Keras vs Java), for every logged
 * key: {@code loss}, the metrics, and the {@code val_} entries.
 *
 * <p>Example: losses [0.25, 0.2] vs [0.25, 0.2000001] give {@code maxAbsLossDiff} 1e-7 at epoch 2
 * (1-based). Two NaNs count as equal; a NaN against a number makes the difference NaN.
 *
 * @param keys per logged key, in {@link RunLog#order} order
 * @param evaluateEqual every {@code evaluate} value identical
 * @param roundedPredictionsEqual {@code predict().round()} identical
 * @param maxAbsPredictionDiff max |keras p - java p| over the final predictions
 */
public record Comparison(Map<String, KeyDiff> keys, boolean evaluateEqual,
    boolean roundedPredictionsEqual, double maxAbsPredictionDiff) {

  /** The parity bound: max |Δloss| over all epochs (training and validation loss). */
  public static final double LOSS_BOUND = 1e-5;

  /**
   * One key's agreement.
   *
   * @param maxAbs max over epochs of |keras - java|, computed in double; 0 for no epochs
   * @param maxAt 1-based epoch of that maximum, 0 for no epochs
   * @param mismatches epochs whose values are not identical
   * @param firstMismatch 1-based, or 0 if none
   */
  public record KeyDiff(double maxAbs, int maxAt, int mismatches, int firstMismatch) {}

  /**
   * Compares two runs key by key and epoch by epoch.
   *
   * @param keras the Keras run
   * @param java the Java run, from the same initial weights
   * @return the agreement
   * @throws IllegalArgumentException if the runs differ in length, logged keys, evaluate names or
   *     prediction shapes
   */
  public static Comparison of(RunLog keras, RunLog java) {
    if (keras.epochs() != java.epochs()) {
      throw new IllegalArgumentException("runs differ in length: Keras " + keras.epochs()
          + " epochs, Java " + java.epochs() + " epochs");
    }
    if (!keras.history().keySet().equals(java.history().keySet())) {
      throw new IllegalArgumentException("runs logged different keys: Keras "
          + keras.history().keySet() + ", Java " + java.history().keySet());
    }
    if (!keras.evaluate().keySet().equals(java.evaluate().keySet())) {
      throw new IllegalArgumentException("evaluate returned different names: Keras "
          + keras.evaluate().keySet() + ", Java " + java.evaluate().keySet());
    }
    Map<String, KeyDiff> keys = new LinkedHashMap<>();
    keras.history().forEach((k, v) -> keys.put(k, diff(v, java.history().get(k))));
    boolean evalEqual = keras.evaluate().entrySet().stream()
        .allMatch(e -> same(e.getValue(), java.evaluate().get(e.getKey())));
    float[][] kp = keras.predictions();
    float[][] jp = java.predictions();
    if (kp.length != jp.length) {
      throw new IllegalArgumentException("prediction rows differ: Keras " + kp.length + ", Java "
          + jp.length);
    }
    double pmax = 0;
    for (int i = 0; i < kp.length; i++) {
      if (kp[i].length != jp[i].length) {
        throw new IllegalArgumentException("prediction row " + i + " differs in width");
      }
      for (int j = 0; j < kp[i].length; j++) {
        pmax = worse(pmax, absDiff(kp[i][j], jp[i][j]));
      }
    }
    boolean rounded = Arrays.deepEquals(keras.roundedPredictions(), java.roundedPredictions());
    return new Comparison(Collections.unmodifiableMap(keys), evalEqual, rounded, pmax);
  }

  private static KeyDiff diff(float[] k, float[] j) {
    double max = 0;
    int at = k.length == 0 ? 0 : 1;
    int mism = 0;
    int first = 0;
    for (int e = 0; e < k.length; e++) {
      double d = absDiff(k[e], j[e]);
      if (Double.isNaN(d) ? !Double.isNaN(max) : d > max) {
        max = d;
        at = e + 1;
      }
      if (!same(k[e], j[e])) {
        mism++;
        first = first == 0 ? e + 1 : first;
      }
    }
    return new KeyDiff(max, at, mism, first);
  }

  /**
   * Per-epoch |a - b| in double, as {@link KeyDiff#maxAbs} takes it: 0 where the values are
   * identical (two NaNs too), NaN where one is NaN.
   *
   * @param a float [epochs]
   * @param b float [epochs], the same length
   * @return double [epochs]
   */
  public static double[] absDiffs(float[] a, float[] b) {
    double[] d = new double[a.length];
    for (int e = 0; e < d.length; e++) {
      d[e] = absDiff(a[e], b[e]);
    }
    return d;
  }

  private static boolean same(float a, float b) {
    return a == b || (Float.isNaN(a) && Float.isNaN(b));
  }

  private static double absDiff(float a, float b) {
    return same(a, b) ? 0 : Math.abs((double) a - b);
  }

  /** The larger, NaN being the worst. */
  private static double worse(double a, double b) {
    return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
  }

  /** {@return max |Δloss| over the epochs} */
  public double maxAbsLossDiff() {
    return key("loss").maxAbs();
  }

  /** {@return the 1-based epoch of {@link #maxAbsLossDiff}} */
  public int maxAt() {
    return key("loss").maxAt();
  }

  /** {@return the largest |Δ| over {@code loss} and {@code val_loss}} */
  public double maxAbsAnyLossDiff() {
    return worse(maxAbsLossDiff(), key("val_loss").maxAbs());
  }

  /**
   * {@return the epochs whose accuracy differs, summed over every accuracy key ({@code val_} too)}
   */
  public int accuracyMismatches() {
    return keys.entrySet().stream().filter(e -> isAccuracy(e.getKey()))
        .mapToInt(e -> e.getValue().mismatches()).sum();
  }

  /** {@return the first 1-based epoch where an accuracy differs, or 0} */
  public int firstAccuracyMismatch() {
    return keys.entrySet().stream().filter(e -> isAccuracy(e.getKey()))
        .mapToInt(e -> e.getValue().firstMismatch()).filter(f -> f > 0).min().orElse(0);
  }

  /**
   * {@return true if bit-identical: every logged value, every evaluate value and every prediction}
   */
  public boolean exact() {
    return keys.values().stream().allMatch(d -> d.mismatches() == 0) && evaluateEqual
        && maxAbsPredictionDiff == 0;
  }

  /**
   * {@return true if within the parity target: |Δloss| &lt;= {@link #LOSS_BOUND} (val_loss too),
   * identical accuracies and rounded predictions}
   */
  public boolean meetsTarget() {
    return maxAbsAnyLossDiff() <= LOSS_BOUND && accuracyMismatches() == 0
        && roundedPredictionsEqual;
  }

  /**
   * Whether a logs key is an accuracy ({@code acc}, {@code val_binary_accuracy}, ...).
   *
   * @param key a logs key
   * @return true for an accuracy ({@code acc}, {@code val_binary_accuracy}, ...)
   */
  public static boolean isAccuracy(String key) {
    io.github.tfjavaxor.keras.metrics.Metric m = io.github.tfjavaxor.keras.metrics.Metric.ofLogged(key);
    return m != null && m.increases();
  }

  private KeyDiff key(String k) {
    return keys.getOrDefault(k, new KeyDiff(0, 0, 0, 0));
  }
}
