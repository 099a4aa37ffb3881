package io.github.tfjavaxor.plots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code --plot curves.png}: the loss and val_loss (top) and every other metric (bottom) per
 * epoch, as a Keras user would plot {@code history.history}, on a numeric epoch axis.
 */
public final class CurvesPlot {

  private CurvesPlot() {}

  /**
   * @param target the PNG to write
   * @param epochs 1-based epoch numbers, one per value
   * @param history metric name to per-epoch values (as {@code History.history()})
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, List<Integer> epochs, Map<String, List<Double>> history)
      throws IOException {
    Png.write(target, charts(epochs, history));
  }

  /** The panels: loss and val_loss, then the metrics if any. */
  static List<XYChart> charts(List<Integer> epochs, Map<String, List<Double>> history) {
    List<XYChart> charts = new ArrayList<>();
    XYChart loss = chart("Loss per epoch", "loss");
    XYChart metrics = chart("Metrics per epoch", "value");
    Double lossY = null;
    Double metricY = null;
    for (Map.Entry<String, List<Double>> e : history.entrySet()) {
      boolean isLoss = e.getKey().equals("loss") || e.getKey().equals("val_loss");
      XYChart c = isLoss ? loss : metrics;
      List<Double> y = clean(e.getValue());
      XYSeries s = c.addSeries(e.getKey(), epochs, y);
      s.setMarker(epochs.size() == 1 ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
      Double first = y.stream().filter(v -> v != null).findFirst().orElse(null);
      lossY = isLoss && lossY == null ? first : lossY;
      metricY = !isLoss && metricY == null ? first : metricY;
    }
    charts.add(loss);
    if (lossY != null) {
      EpochAxis.apply(loss, epochs.get(0), epochs.size(), lossY);
    }
    if (!metrics.getSeriesMap().isEmpty()) {
      if (metricY != null) {
        EpochAxis.apply(metrics, epochs.get(0), epochs.size(), metricY);
      }
      charts.add(metrics);
    }
    return charts;
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(800).height(400).title(title).xAxisTitle("epoch").yAxisTitle(y).build();
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    return c;
  }

  // XChart cannot draw NaN or infinity; a diverged run shows a gap instead.
  private static List<Double> clean(List<Double> v) {
    List<Double> out = new ArrayList<>();
    for (Double d : v) {
      out.add(Double.isFinite(d) ? d : null);
    }
    return out;
  }
}
