package io.github.tfjavaxor.parity;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeSet;

/** Prints a {@link SideBySide.Result} as the side-by-side table and summary. */
public final class ParityTable {
  /** The epochs the table shows (those within the run, plus the last). */
  public static final int[] EPOCHS = {1, 2, 10, 100, 500, 1000};

  private ParityTable() {}

  /** Prints the table, the parity summary, the final evaluations and predictions. */
  public static void print(SideBySide.Result r, PrintStream out) {
    int n = r.keras().epochs();
    TreeSet<Integer> rows = new TreeSet<>();
    for (int e : EPOCHS) {
      if (e <= n) {
        rows.add(e);
      }
    }
    rows.add(n);
    out.printf(Locale.ROOT, "%6s  %-12s %-12s %-10s %-9s %-9s%n", "epoch", "keras loss",
        "java loss", "|Δ|", "keras acc", "java acc");
    for (int e : rows) {
      float kl = r.keras().loss()[e - 1];
      float jl = r.java().loss()[e - 1];
      out.printf(Locale.ROOT, "%6d  %-12.9f %-12.9f %-10.3e %-9.4f %-9.4f%n", e, kl, jl,
          Math.abs((double) kl - jl), r.keras().accuracy()[e - 1], r.java().accuracy()[e - 1]);
    }
    out.println();
    summary(out, "Adam (Keras-3-exact raw ops, the default)", r.adam(), n);
    if (r.fusedComparison() != null) {
      summary(out, "FusedAdam (TF ApplyAdam kernel)", r.fusedComparison(), n);
    }
    out.printf(Locale.ROOT, "parity target (max |Δloss| <= %.0e, identical binary accuracy at"
        + " every epoch, identical rounded predictions) with the default Adam: %s%n",
        Comparison.LOSS_BOUND, r.adam().meetsTarget() ? "MET" : "MISSED");
    out.println();
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "final evaluate", "Keras", "Java");
    out.printf(Locale.ROOT, "%-22s %-14.9f %-14.9f%n", "loss", r.keras().evaluate()[0],
        r.java().evaluate()[0]);
    out.printf(Locale.ROOT, "%-22s %-14.4f %-14.4f%n", "binary_accuracy",
        r.keras().evaluate()[1], r.java().evaluate()[1]);
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "predict(x)", "Keras", "Java");
    for (int i = 0; i < r.keras().predictions().length; i++) {
      out.printf(Locale.ROOT, "%-22s %-14.9f %-14.9f%n",
          Arrays.toString(SideBySide.X[i]), r.keras().predictions()[i][0],
          r.java().predictions()[i][0]);
    }
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "predict(x).round()",
        flat(r.keras().roundedPredictions()), flat(r.java().roundedPredictions()));
  }

  private static void summary(PrintStream out, String name, Comparison c, int n) {
    out.printf(Locale.ROOT, "%s: max |Δloss| over %d epochs = %.3e (epoch %d); binary accuracy"
        + " %s; rounded predictions %s; max |Δprediction| = %.3e%n", name, n, c.maxAbsLossDiff(),
        c.maxAt(), c.accuracyMismatches() == 0 ? "identical at every epoch"
            : "differs at " + c.accuracyMismatches() + " epochs (first: " + c.firstAccuracyMismatch()
                + ")", c.roundedPredictionsEqual() ? "identical" : "DIFFER",
        c.maxAbsPredictionDiff());
  }

  private static String flat(float[][] a) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < a.length; i++) {
      s.append(i == 0 ? "" : " ").append((int) a[i][0]);
    }
    return s.append("]").toString();
  }
}
