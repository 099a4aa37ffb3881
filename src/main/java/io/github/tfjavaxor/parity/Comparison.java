package io.github.tfjavaxor.parity;

import java.util.Arrays;

/**
 * Per-epoch agreement of two runs from the same initial weights (Keras vs Java).
 *
 * <p>Example: losses [0.25, 0.2] vs [0.25, 0.2000001] give maxAbsLossDiff 1e-7 at epoch 2 (1-based).
 *
 * @param maxAbsLossDiff max over epochs of |keras loss - java loss|, computed in double
 * @param maxAt 1-based epoch of that maximum
 * @param accuracyMismatches epochs whose binary accuracies differ
 * @param firstAccuracyMismatch 1-based, or 0 if none
 * @param roundedPredictionsEqual {@code predict().round()} identical
 * @param maxAbsPredictionDiff max |keras p - java p| over the final predictions
 */
public record Comparison(double maxAbsLossDiff, int maxAt, int accuracyMismatches,
    int firstAccuracyMismatch, boolean roundedPredictionsEqual, double maxAbsPredictionDiff) {

  /** The bound: max |Δloss| over all epochs. */
  public static final double LOSS_BOUND = 1e-5;

  /**
   * @throws IllegalArgumentException if the runs have different lengths or prediction shapes
   */
  public static Comparison of(RunLog keras, RunLog java) {
    if (keras.epochs() != java.epochs()) {
      throw new IllegalArgumentException("runs differ in length: Keras " + keras.epochs()
          + " epochs, Java " + java.epochs() + " epochs");
    }
    double max = -1;
    int at = 0;
    int mism = 0;
    int first = 0;
    for (int e = 0; e < keras.epochs(); e++) {
      double d = Math.abs((double) keras.loss()[e] - java.loss()[e]);
      if (d > max || Double.isNaN(d)) {
        max = d;
        at = e + 1;
      }
      if (keras.accuracy()[e] != java.accuracy()[e]) {
        mism++;
        if (first == 0) {
          first = e + 1;
        }
      }
    }
    double pmax = 0;
    if (keras.predictions().length != java.predictions().length) {
      throw new IllegalArgumentException("prediction rows differ");
    }
    for (int i = 0; i < keras.predictions().length; i++) {
      for (int j = 0; j < keras.predictions()[i].length; j++) {
        pmax = Math.max(pmax, Math.abs((double) keras.predictions()[i][j] - java.predictions()[i][j]));
      }
    }
    boolean same = Arrays.deepEquals(keras.roundedPredictions(), java.roundedPredictions());
    return new Comparison(max, at, mism, first, same, pmax);
  }

  /** True if the parity target holds: bound, identical accuracies and rounded predictions. */
  public boolean meetsTarget() {
    return maxAbsLossDiff <= LOSS_BOUND && accuracyMismatches == 0 && roundedPredictionsEqual;
  }
}
