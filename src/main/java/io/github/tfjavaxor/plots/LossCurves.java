package io.github.tfjavaxor.plots;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A PNG line chart of per-epoch loss curves, one series per run (e.g. Keras and Java), x = epoch
 * (1-based), y = loss. Series are drawn in order, each thinner than the one before, so curves that
 * coincide stay visible.
 */
public final class LossCurves {
  private LossCurves() {}

  /**
   * Writes the chart (800×500 px) through a temporary file in the same directory.
   *
   * @param file the .png to write
   * @param title chart title
   * @param curves series name to per-epoch loss; all the same length, at least 1
   * @throws IllegalArgumentException if there are no curves or their lengths differ
   */
  public static void write(Path file, String title, Map<String, float[]> curves)
      throws IOException {
    write(file, title, "loss (mean squared error)", curves);
  }

  /**
   * As {@link #write(Path, String, Map)} with another y-axis title, e.g. {@code "loss
   * (binary_crossentropy)"}.
   */
  public static void write(Path file, String title, String yAxisTitle,
      Map<String, float[]> curves) throws IOException {
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
    System.setProperty("java.awt.headless", "true");
    XYChart chart = new XYChartBuilder().width(800).height(500).title(title)
        .xAxisTitle("epoch").yAxisTitle(yAxisTitle).build();
    chart.getStyler().setXAxisTickMarkSpacingHint(90);
    chart.getStyler().setXAxisDecimalPattern("#");
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = i + 1;
    }
    Map<String, float[]> ordered = new LinkedHashMap<>(curves);
    // The curves usually overlap: draw the first wide and the later ones thinner on top of it.
    float width = 6f;
    for (Map.Entry<String, float[]> c : ordered.entrySet()) {
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        y[i] = c.getValue()[i];
      }
      chart.addSeries(c.getKey(), x, y).setMarker(SeriesMarkers.NONE).setLineWidth(width);
      width = Math.max(1.5f, width / 2);
    }
    AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out,
        BitmapEncoder.BitmapFormat.PNG));
  }
}
