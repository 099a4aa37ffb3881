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
 * {@code --plot curves.png}: the loss (top) and every other metric (bottom) per epoch, as a Keras
 * user would plot {@code history.history}.
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
    List<XYChart> charts = new ArrayList<>();
    XYChart loss = chart("Loss per epoch", "loss");
    XYChart metrics = chart("Metrics per epoch", "value");
    for (Map.Entry<String, List<Double>> e : history.entrySet()) {
      XYChart c = e.getKey().equals("loss") ? loss : metrics;
      XYSeries s = c.addSeries(e.getKey(), epochs, clean(e.getValue()));
      s.setMarker(SeriesMarkers.NONE);
    }
    charts.add(loss);
    if (!metrics.getSeriesMap().isEmpty()) {
      charts.add(metrics);
    }
    Png.write(target, charts);
  }

  private static XYChart chart(String title, String y) {
    XYChart c = new XYChartBuilder().width(800).height(400).title(title).xAxisTitle("epoch").yAxisTitle(y).build();
    c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
    c.getStyler().setXAxisDecimalPattern("#");
    c.getStyler().setXAxisTickMarkSpacingHint(90);
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
