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
   * @param title chart title
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, List<String> labels, List<Double> median, List<Double> p90,
      String title) throws IOException {
    CategoryChart c = new CategoryChartBuilder().width(Math.max(700, 60 * labels.size())).height(450)
        .title(title).xAxisTitle("configuration (# in the table)").yAxisTitle("epochs to 100% accuracy").build();
    c.addSeries("median", labels, zeros(median));
    c.addSeries("p90", labels, zeros(p90));
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    Png.write(target, List.of(c));
  }

  // A configuration that never reached 100% is drawn as an empty slot (0).
  private static List<Double> zeros(List<Double> v) {
    return v.stream().map(d -> d == null ? 0.0 : d).toList();
  }
}
