package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import io.github.tfjavaxor.plots.SweepChart;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Per-configuration statistics of a sweep: runs, success rate (accuracy reached 100% within the
 * epochs), median and p90 of the first epoch at 100% over the successful runs, median final loss,
 * and median wall time per run.
 *
 * <p>Median: the middle value, or the mean of the two middle values. p90: nearest rank, the value
 * at position ceil(0.9 n) of the sorted list.
 */
public final class SweepSummary {

  /**
   * One configuration's row.
   *
   * @param configIndex the 1-based configuration number
   * @param config the configuration label
   * @param runs the runs of this configuration
   * @param successes the runs that reached 100% accuracy
   * @param medianEpoch the median first epoch at 100% over the successes, or null if none
   * @param p90Epoch the p90 of that epoch, or null if none
   * @param medianFinalLoss the median final loss over all runs
   * @param medianWallSeconds the median wall time per run, in seconds
   */
  public record Row(int configIndex, String config, int runs, int successes, Double medianEpoch,
      Double p90Epoch, double medianFinalLoss, double medianWallSeconds) {
    /** {@return successes / runs} */
    public double successRate() {
      return runs == 0 ? 0 : successes / (double) runs;
    }
  }

  private final List<Row> rows = new ArrayList<>();

  /**
   * Groups results by configuration number and label, in number order.
   *
   * @param results the finished runs, in any order
   */
  public SweepSummary(List<RunResult> results) {
    // Grouped by number and label: a runs.csv resumed with another grid may reuse numbers.
    Map<String, List<RunResult>> by = new TreeMap<>();
    for (RunResult r : results) {
      by.computeIfAbsent(String.format("%09d %s", r.configIndex(), r.config()), k -> new ArrayList<>()).add(r);
    }
    for (Map.Entry<String, List<RunResult>> e : by.entrySet()) {
      List<RunResult> rs = e.getValue();
      List<Double> epochs = new ArrayList<>();
      List<Double> losses = new ArrayList<>();
      List<Double> walls = new ArrayList<>();
      for (RunResult r : rs) {
        if (r.success()) {
          epochs.add((double) r.firstEpoch1());
        }
        losses.add(r.finalLoss());
        walls.add(r.wallMs() / 1000.0);
      }
      rows.add(new Row(rs.get(0).configIndex(), rs.get(0).config(), rs.size(), epochs.size(),
          epochs.isEmpty() ? null : median(epochs), epochs.isEmpty() ? null : p90(epochs),
          median(losses), median(walls)));
    }
  }

  /** {@return one row per configuration, in configuration order; unmodifiable} */
  public List<Row> rows() {
    return Collections.unmodifiableList(rows);
  }

  /**
   * The middle value (mean of the two middle ones for an even count); NaN sorts last.
   *
   * @param values at least one value
   * @return the median
   */
  public static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  /** Nearest-rank 90th percentile. */
  static double p90(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int rank = (int) Math.ceil(0.9 * s.size());
    return s.get(Math.max(0, rank - 1));
  }

  /** {@return the Markdown table} */
  public String markdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| # | hidden layers | output | loss | optimizer, lr | batch | runs | success | median epoch to 100% | p90 epoch | median final loss | median wall s/run |\n");
    sb.append("|---:|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Row r : rows) {
      String[] parts = r.config().split(" \\| ");
      sb.append(String.format(Locale.ROOT, "| %d | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %.2f |%n",
          r.configIndex(), parts[0], parts[1], parts[2], parts[3], parts[4].replace("batch ", ""),
          r.runs(), percent(r.successRate()), epoch(r.medianEpoch()), epoch(r.p90Epoch()),
          loss(r.medianFinalLoss()), r.medianWallSeconds()));
    }
    return sb.toString();
  }

  private static String percent(double rate) {
    return String.format(Locale.ROOT, "%.0f%%", rate * 100);
  }

  private static String epoch(Double e) {
    return e == null ? "–" : (e == Math.rint(e) ? Long.toString(e.longValue()) : String.format(Locale.ROOT, "%.1f", e));
  }

  private static String loss(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "nan";
  }

  /**
   * {@code summary.csv}: the table's numbers, unrounded.
   *
   * @param file the file to write, replaced if it exists
   * @throws IOException if it cannot be written
   */
  public void writeCsv(Path file) throws IOException {
    AtomicFiles.write(file, out -> {
      CSVPrinter p = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
          CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get());
      p.printRecord("config_index", "config", "runs", "successes", "success_rate", "median_epoch_100",
          "p90_epoch_100", "median_final_loss", "median_wall_s");
      for (Row r : rows) {
        p.printRecord(r.configIndex(), r.config(), r.runs(), r.successes(), r.successRate(),
            r.medianEpoch() == null ? "" : r.medianEpoch(), r.p90Epoch() == null ? "" : r.p90Epoch(),
            r.medianFinalLoss(), r.medianWallSeconds());
      }
      p.flush();
    });
  }

  /**
   * The PNG chart of epochs-to-100% per configuration.
   *
   * @param file the PNG to write, replaced if it exists
   * @param title the chart's title
   * @throws IOException if it cannot be written
   */
  public void writeChart(Path file, String title) throws IOException {
    List<String> labels = new ArrayList<>();
    List<Double> med = new ArrayList<>();
    List<Double> p90 = new ArrayList<>();
    List<Double> success = new ArrayList<>();
    for (Row r : rows) {
      labels.add("#" + r.configIndex());
      med.add(r.medianEpoch());
      p90.add(r.p90Epoch());
      success.add(r.successRate());
    }
    SweepChart.write(file, labels, med, p90, success, title);
  }
}
