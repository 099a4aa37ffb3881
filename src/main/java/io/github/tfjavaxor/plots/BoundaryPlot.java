package io.github.tfjavaxor.plots;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code --plot-boundary boundary.png}: the model's output over the input square of 2-input data,
 * drawn as a grid of squares coloured by output (blue 0 to red 1, in ten bands), with the
 * training points on top (black circles for target &lt;= 0.5, gold diamonds above).
 */
public final class BoundaryPlot {
  /** Grid points per axis. */
  public static final int GRID = 60;
  private static final int BANDS = 10;

  private BoundaryPlot() {}

  /**
   * The grid the surface is evaluated on: the data's range on each axis, widened by a quarter on
   * each side.
   *
   * @param x float [rows][2]
   * @return float [GRID*GRID][2], row-major
   */
  public static float[][] grid(float[][] x) {
    float[][] g = new float[GRID * GRID][2];
    double[] lo = new double[2];
    double[] hi = new double[2];
    range(x, lo, hi);
    for (int i = 0; i < GRID; i++) {
      for (int j = 0; j < GRID; j++) {
        g[i * GRID + j][0] = (float) (lo[0] + (hi[0] - lo[0]) * i / (GRID - 1));
        g[i * GRID + j][1] = (float) (lo[1] + (hi[1] - lo[1]) * j / (GRID - 1));
      }
    }
    return g;
  }

  private static void range(float[][] x, double[] lo, double[] hi) {
    for (int a = 0; a < 2; a++) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (float[] row : x) {
        min = Math.min(min, row[a]);
        max = Math.max(max, row[a]);
      }
      double pad = max > min ? (max - min) / 4 : 0.5;
      lo[a] = min - pad;
      hi[a] = max + pad;
    }
  }

  /**
   * @param target the PNG
   * @param x training inputs float [rows][2]
   * @param y training targets float [rows][>=1]; column 0 is drawn
   * @param model maps a float [n][2] grid to outputs float [n][>=1]
   * @param names the two feature names, for the axes
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, float[][] x, float[][] y,
      Function<float[][], float[][]> model, List<String> names) throws IOException {
    float[][] g = grid(x);
    float[][] p = model.apply(g);
    XYChart c = new XYChartBuilder().width(700).height(640).title("Decision surface (model output)")
        .xAxisTitle(names.get(0)).yAxisTitle(names.get(1)).build();
    c.getStyler().setMarkerSize(11);
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    c.getStyler().setChartBackgroundColor(Color.WHITE);
    for (int b = 0; b < BANDS; b++) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i = 0; i < g.length; i++) {
        int band = (int) Math.min(BANDS - 1, Math.max(0, Math.floor(p[i][0] * BANDS)));
        if (band == b) {
          xs.add((double) g[i][0]);
          ys.add((double) g[i][1]);
        }
      }
      if (xs.isEmpty()) {
        continue;
      }
      XYSeries s = c.addSeries(String.format("%.1f-%.1f", b / (double) BANDS, (b + 1) / (double) BANDS), xs, ys);
      s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
      s.setMarker(SeriesMarkers.SQUARE);
      float t = (b + 0.5f) / BANDS;
      s.setMarkerColor(new Color(0.45f + 0.5f * t, 0.55f - 0.1f * Math.abs(t - 0.5f), 0.95f - 0.5f * t));
    }
    points(c, x, y, false, "target 0", Color.BLACK, SeriesMarkers.CIRCLE);
    points(c, x, y, true, "target 1", new Color(255, 215, 0), SeriesMarkers.DIAMOND);
    Png.write(target, List.of(c));
  }

  private static void points(XYChart c, float[][] x, float[][] y, boolean high, String name, Color color,
      org.knowm.xchart.style.markers.Marker marker) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    for (int i = 0; i < x.length; i++) {
      if ((y[i][0] > 0.5f) == high) {
        xs.add((double) x[i][0]);
        ys.add((double) x[i][1]);
      }
    }
    if (xs.isEmpty()) {
      return;
    }
    XYSeries s = c.addSeries(name, xs, ys);
    s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    s.setMarker(marker);
    s.setMarkerColor(color);
  }
}
