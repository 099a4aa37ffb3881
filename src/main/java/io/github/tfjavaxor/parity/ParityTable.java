package io.github.tfjavaxor.parity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** Prints a {@link SideBySide.Result} as the side-by-side table and summary. */
public final class ParityTable {
  /** The epochs the table shows (those within the run, plus the last). */
  public static final int[] EPOCHS = {1, 2, 10, 100, 500, 1000};
  /** Prediction rows printed; the rest are summarised. */
  public static final int MAX_ROWS = 16;

  private ParityTable() {}

  /**
   * Prints the table, the parity summary, the final evaluations and predictions.
   *
   * @param r a side-by-side run
   * @param out where to print
   */
  public static void print(SideBySide.Result r, PrintStream out) {
    int n = r.keras().epochs();
    TreeSet<Integer> rows = new TreeSet<>();
    for (int e : EPOCHS) {
      if (e <= n) {
        rows.add(e);
      }
    }
    if (n > 0) {
      rows.add(n);
    }
    List<String> cols = new ArrayList<>();
    for (String k : RunLog.order(r.keras().history().keySet())) {
      if (k.endsWith("loss") || Comparison.isAccuracy(k)) {
        cols.add(k); // loss, the accuracies, val_loss, the val_ accuracies
      }
    }
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%6s", "epoch"));
    for (String k : cols) {
      String s = short_(k);
      head.append(String.format(Locale.ROOT, k.endsWith("loss") ? "  %-14s %-14s %-10s"
          : "  %-13s %-13s", "keras " + s, "java " + s, "|Δ|"));
    }
    out.println(head.toString().stripTrailing());
    for (int e : rows) {
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%6d", e));
      for (String k : cols) {
        float kv = r.keras().get(k)[e - 1];
        float jv = r.java().get(k)[e - 1];
        line.append(k.endsWith("loss")
            ? String.format(Locale.ROOT, "  %-14.9f %-14.9f %-10.3e", kv, jv,
                Math.abs((double) kv - jv))
            : String.format(Locale.ROOT, "  %-13.4f %-13.4f", kv, jv));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println();
    String java = "Java (" + r.config().model().optimizer() + ")";
    summary(out, java, r.comparison(), n);
    out.printf(Locale.ROOT, "parity target for %s (max |Δloss| <= %.0e, val_loss too; identical"
        + " accuracy at every epoch, val_ too; identical rounded predictions): %s%n", java,
        Comparison.LOSS_BOUND, r.comparison().meetsTarget() ? "MET" : "MISSED");
    if (r.fusedComparison() != null) {
      // TF's ApplyAdam rounds 1 - beta in float32: shown for contrast, not held to the target.
      summary(out, "for contrast, not held to the target: Java (FusedAdam, TF's ApplyAdam kernel)",
          r.fusedComparison(), n);
    }
    out.println();
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "final evaluate", "Keras", "Java");
    for (Map.Entry<String, Float> e : r.keras().evaluate().entrySet()) {
      String f = Comparison.isAccuracy(e.getKey()) ? "%-22s %-14.4f %-14.4f%n"
          : "%-22s %-14.9f %-14.9f%n";
      out.printf(Locale.ROOT, f, e.getKey(), e.getValue(), r.java().evaluate().get(e.getKey()));
    }
    float[][] kp = r.keras().predictions();
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "predict(x)", "Keras", "Java");
    for (int i = 0; i < Math.min(kp.length, MAX_ROWS); i++) {
      out.printf(Locale.ROOT, "%-22s %-14.9f %-14.9f%n", Arrays.toString(r.data().x()[i]),
          kp[i][0], r.java().predictions()[i][0]);
    }
    if (kp.length > MAX_ROWS) {
      out.printf(Locale.ROOT, "(first %d of %d rows)%n", MAX_ROWS, kp.length);
    }
    out.printf(Locale.ROOT, "%-22s %-14s %-14s%n", "predict(x).round()",
        flat(r.keras().roundedPredictions()), flat(r.java().roundedPredictions()));
  }

  private static String short_(String key) {
    return key.replace("binary_accuracy", "acc");
  }

  /** One line: every key's max |Δ| or accuracy agreement, evaluate and predictions. */
  static void summary(PrintStream out, String name, Comparison c, int n) {
    List<String> parts = new ArrayList<>();
    c.keys().forEach((k, d) -> parts.add(k + (Comparison.isAccuracy(k)
        ? (d.mismatches() == 0 ? " identical at every epoch" : " differs at " + d.mismatches()
            + " epochs (first: " + d.firstMismatch() + ")")
        : String.format(Locale.ROOT, " %.3e (epoch %d)", d.maxAbs(), d.maxAt()))));
    out.printf(Locale.ROOT, "%s: max |Δ| over %d epochs: %s; evaluate %s; rounded predictions %s;"
        + " max |Δprediction| = %.3e; bit-identical: %s%n", name, n,
        parts.isEmpty() ? "nothing logged" : String.join(", ", parts),
        c.evaluateEqual() ? "identical" : "DIFFERS", c.roundedPredictionsEqual() ? "identical"
            : "DIFFER", c.maxAbsPredictionDiff(), c.exact() ? "yes" : "no");
  }

  private static String flat(float[][] a) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < Math.min(a.length, MAX_ROWS); i++) {
      s.append(i == 0 ? "" : " ").append((int) a[i][0]);
    }
    return s.append(a.length > MAX_ROWS ? " ...]" : "]").toString();
  }
}
