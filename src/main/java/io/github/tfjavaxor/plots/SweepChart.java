package io.github.tfjavaxor.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

/**
 * The sweep's chart: per configuration (numbered as in the Markdown table), the median and p90 of
 * the first epoch at which accuracy reached 100%, over the seeds that got there. A configuration
 * with no successful seed has no bar.
 */
public final class SweepChart {

  private SweepChart() {}

  /**
   * @param target the PNG
   * @param labels configuration numbers, e.g. {@code #1}
   * @param median median epochs-to-100% per configuration, null if none succeeded
   * @param p90 p90 epochs-to-100% per configuration, null if none succeeded
   * @param successRate fraction of seeds that reached 100%, per configuration
   * @param title chart title
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, List<String> labels, List<Double> median, List<Double> p90,
      List<Double> successRate, String title) throws IOException {
    int width = Math.max(700, Math.min(1800, 26 * labels.size() + 200));
    CategoryChart c = new CategoryChartBuilder().width(width).height(420)
        .title(title).xAxisTitle("configuration (# in the table)").yAxisTitle("epochs to 100% accuracy").build();
    c.addSeries("median", labels, zeros(median));
    c.addSeries("p90", labels, zeros(p90));
    style(c, labels.size());
    CategoryChart s = new CategoryChartBuilder().width(width).height(260)
        .title("Success rate: seeds that reached 100% accuracy").xAxisTitle("configuration (# in the table)")
        .yAxisTitle("success %").build();
    s.addSeries("success %", labels, successRate.stream().map(r -> r * 100).toList());
    s.getStyler().setYAxisMin(0.0);
    s.getStyler().setYAxisMax(100.0);
    style(s, labels.size());
    Png.write(target, List.of(c, s));
  }

  private static void style(CategoryChart c, int n) {
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    if (n > 20) {
      c.getStyler().setXAxisLabelRotation(90);
    }
    c.getStyler().setYAxisDecimalPattern("#");
  }

  // A configuration that never reached 100% is drawn as an empty slot (0).
  private static List<Double> zeros(List<Double> v) {
    return v.stream().map(d -> d == null ? 0.0 : d).toList();
  }
}
