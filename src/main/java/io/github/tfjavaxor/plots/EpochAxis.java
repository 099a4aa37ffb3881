package io.github.tfjavaxor.plots;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A numeric epoch axis with round ticks (0, 200, 400, ... for 1000 epochs) for charts whose x
 * values are the epochs 1, 2, 3, ...
 *
 * <p>Why: XChart 3.8.8 puts a tick on data points when every x value is equally spaced ({@code
 * AxisTickCalculator_.calculateForEquallySpacedAxisValues}, knowm/XChart#731) and ignores the
 * spacing hint there, so 1000 epochs got labels "1 51 101 151 ..." that ran together. One hidden
 * point half an epoch after the first breaks the equal spacing, and XChart picks round steps.
 */
final class EpochAxis {
  private EpochAxis() {}

  /**
   * Styles the x axis and adds the hidden point; call after the chart's own series, so their
   * colours stay the palette's first.
   *
   * @param first the first epoch plotted (1, or where a resumed run started)
   * @param epochs the number of epochs plotted, consecutive from {@code first}
   * @param y a finite y value inside the plotted range (the point is not drawn)
   */
  static void apply(XYChart chart, double first, int epochs, double y) {
    chart.getStyler().setXAxisDecimalPattern("#");
    if (epochs >= 2) {
      // Every epoch, even where a panel draws nothing, so stacked panels line up.
      chart.getStyler().setXAxisMin(first);
      chart.getStyler().setXAxisMax(first + epochs - 1);
    }
    if (epochs < 2) {
      return; // a single epoch: one tick, nothing to space
    }
    XYSeries hidden = chart.addSeries(" ", new double[] {first + 0.5}, new double[] {y});
    hidden.setMarker(SeriesMarkers.NONE);
    hidden.setShowInLegend(false);
  }
}
