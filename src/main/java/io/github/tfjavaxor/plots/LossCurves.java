package io.github.tfjavaxor.plots;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The side-by-side PNG: the per-epoch loss curves of each run (Keras, Java, ...) on a numeric
 * epoch axis (top), and, when given, each run's per-epoch |Δloss| against Keras on a log scale
 * (bottom). An epoch whose |Δ| is 0 cannot sit on a log scale: it is left out, and the legend says
 * how many epochs were identical ("identical at every epoch" when all were; with nothing left to
 * draw the panel is linear and shows the zeros).
 */
public final class LossCurves {
  private static final int WIDTH = 800;
  private static final int DIFF_HEIGHT = 380;

  private LossCurves() {}

  /**
   * The curves alone (800×500 px), y titled "loss (mean squared error)".
   *
   * @param file the PNG to write, replaced if it exists
   * @param title the chart's title
   * @param curves series name to per-epoch loss; all the same length, at least 1
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, String title, Map<String, float[]> curves)
      throws IOException {
    write(file, title, "loss (mean squared error)", curves, Map.of());
  }

  /**
   * Writes the chart through a temporary file in the same directory: 800×500 px for the curves,
   * 800×830 px with the differences panel.
   *
   * @param file the PNG to write, replaced if it exists
   * @param title the chart's title
   * @param yAxisTitle the loss axis's title
   * @param curves series name to per-epoch loss; all the same length, at least 1
   * @param absDiffs series name to per-epoch |Δ| (double, &gt;= 0 or NaN), each as long as the
   *     curves; empty for no second panel
   * @throws IllegalArgumentException if there are no curves or a length differs
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, String title, String yAxisTitle,
      Map<String, float[]> curves, Map<String, double[]> absDiffs) throws IOException {
    if (curves.isEmpty()) {
      throw new IllegalArgumentException("curves: expected at least one series, found none");
    }
    int n = curves.values().iterator().next().length;
    for (Map.Entry<String, float[]> c : curves.entrySet()) {
      if (c.getValue().length != n || n == 0) {
        throw new IllegalArgumentException("curve '" + c.getKey() + "': expected " + n
            + " epochs (>= 1), found " + c.getValue().length);
      }
    }
    absDiffs.forEach((k, d) -> {
      if (d.length != n) {
        throw new IllegalArgumentException("difference '" + k + "': expected " + n
            + " epochs, found " + d.length);
      }
    });
    List<XYChart> charts = charts(title, yAxisTitle, curves, absDiffs);
    if (charts.size() == 1) {
      AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(charts.get(0), out,
          BitmapEncoder.BitmapFormat.PNG));
    } else {
      Png.write(file, charts);
    }
  }

  /** The panels, for {@link #write} and for tests of their axes. */
  static List<XYChart> charts(String title, String yAxisTitle, Map<String, float[]> curves,
      Map<String, double[]> absDiffs) {
    int n = curves.values().iterator().next().length;
    XYChart top = new XYChartBuilder().width(WIDTH).height(absDiffs.isEmpty() ? 500 : 450)
        .title(title).xAxisTitle("epoch").yAxisTitle(yAxisTitle).build();
    if (!absDiffs.isEmpty()) {
      top.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS); // epochs line up below
    }
    double[] x = epochs(n);
    // The curves usually overlap: draw the first wide and the later ones thinner on top of it.
    float width = 6f;
    double anyY = Double.NaN;
    for (Map.Entry<String, float[]> c : curves.entrySet()) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = c.getValue()[i];
        anyY = Double.isFinite(anyY) ? anyY : y[i];
      }
      if (c.getKey().startsWith("Keras") && width < 6f) {
        width = 4f; // Keras's next curve (val_loss): wide again, under Java's
      }
      top.addSeries(c.getKey(), x, y).setMarker(n == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE)
          .setLineWidth(width);
      width = Math.max(1.5f, width / 2);
    }
    EpochAxis.apply(top, 1, n, Double.isFinite(anyY) ? anyY : 0);
    List<XYChart> charts = new ArrayList<>(List.of(top));
    if (!absDiffs.isEmpty()) {
      charts.add(differences(x, absDiffs));
    }
    return charts;
  }

  // |Δ| per epoch on a log scale; zeros (identical epochs) left out and counted in the legend.
  private static XYChart differences(double[] x, Map<String, double[]> absDiffs) {
    int n = x.length;
    XYChart c = new XYChartBuilder().width(WIDTH).height(DIFF_HEIGHT)
        .title("|Δ| against Keras per epoch, log scale (0 = identical: not drawn)")
        .xAxisTitle("epoch").yAxisTitle("|Δ|").build();
    c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    List<String> identical = new ArrayList<>();
    double anyY = Double.NaN;
    for (Map.Entry<String, double[]> e : absDiffs.entrySet()) {
      double[] d = e.getValue();
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      int zeros = 0;
      for (int i = 0; i < n; i++) {
        if (d[i] == 0) {
          zeros++;
        } else if (d[i] > 0 && Double.isFinite(d[i])) {
          xs.add(x[i]);
          ys.add(d[i]);
          anyY = Double.isFinite(anyY) ? anyY : d[i];
        }
      }
      if (xs.isEmpty()) {
        identical.add(e.getKey());
        continue;
      }
      String label = e.getKey() + (zeros == 0 ? "" : " (identical at " + zeros + " of " + n
          + " epochs)");
      c.addSeries(label, xs, ys).setMarker(xs.size() < 50 ? SeriesMarkers.CIRCLE
          : SeriesMarkers.NONE);
    }
    boolean log = Double.isFinite(anyY);
    for (String name : identical) {
      // Not drawn on a log scale: one invisible point, so the legend says it.
      double[] at = log ? new double[] {anyY} : new double[n];
      c.addSeries(name + ": identical at every epoch (|Δ| = 0)", log ? new double[] {1} : x, at)
          .setMarker(SeriesMarkers.NONE);
    }
    if (log) {
      c.getStyler().setYAxisLogarithmic(true);
    } else {
      c.setTitle("|Δ| against Keras per epoch: 0, identical at every epoch");
      c.getStyler().setYAxisMin(-1.0);
      c.getStyler().setYAxisMax(1.0);
    }
    EpochAxis.apply(c, 1, n, log ? anyY : 0);
    return c;
  }

  private static double[] epochs(int n) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    return x;
  }
}
