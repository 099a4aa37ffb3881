package io.github.tfjavaxor.plots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.AxisPair;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * Issue 19: at 1000 epochs the epoch axis read "1 51 101151201251..." (a label on every 50th data
 * point, run together). The ticks must be round numbers, few enough to read.
 */
class EpochAxisTest {
  /** The x tick labels XChart drew (its axis is internal: read after rendering). */
  static List<Double> xTicks(XYChart c) {
    BitmapEncoder.getBufferedImage(c);
    try {
      java.lang.reflect.Field f = Chart.class.getDeclaredField("axisPair");
      f.setAccessible(true);
      List<Double> ticks = new ArrayList<>();
      for (String label : ((AxisPair<?, ?>) f.get(c)).getXAxis().getAxisTickCalculator()
          .getTickLabels()) {
        ticks.add(Double.parseDouble(label));
      }
      return ticks;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static float[] decay(int n, double scale) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (scale * Math.exp(-i / 300.0));
    }
    return v;
  }

  /** Ticks over epochs first..last (XChart also lays out one step beyond each end, unseen). */
  private static void assertRound(List<Double> all, double first, double last, double step,
      int max) {
    List<Double> ticks = all.stream().filter(t -> t > first - step && t <= last).toList();
    assertTrue(ticks.size() >= 3 && ticks.size() <= max, ticks + " of " + all);
    for (double t : ticks) {
      assertEquals(0, t % step, 0, "tick " + t + " of " + ticks);
    }
  }

  @Test
  void sideBySideTicksAreRoundAtAThousandEpochs() {
    Map<String, float[]> curves = new LinkedHashMap<>();
    curves.put("Keras 3", decay(1000, 0.25));
    curves.put("Java", decay(1000, 0.25));
    double[] d = new double[1000];
    d[500] = 1e-7;
    Map<String, double[]> diffs = new LinkedHashMap<>();
    diffs.put("|Δloss| Java", d);
    diffs.put("|Δloss| Java (FusedAdam)", new double[1000]);
    List<XYChart> charts = LossCurves.charts("t", "loss", curves, diffs);
    assertEquals(2, charts.size());
    for (XYChart c : charts) {
      assertRound(xTicks(c), 1, 1000, 100, 11);
    }
    XYChart diff = charts.get(1);
    assertTrue(diff.getStyler().isYAxisLogarithmic());
    assertEquals(List.of("|Δloss| Java (identical at 999 of 1000 epochs)",
        "|Δloss| Java (FusedAdam): identical at every epoch (|Δ| = 0)", " "),
        List.copyOf(diff.getSeriesMap().keySet()));
  }

  @Test
  void allIdenticalIsSaidAndDrawnAsZeroOnALinearAxis() {
    Map<String, float[]> curves = Map.of("Keras 3", decay(37, 1), "Java", decay(37, 1));
    XYChart diff = LossCurves.charts("t", "loss", curves, Map.of("|Δloss| Java", new double[37]))
        .get(1);
    assertFalse(diff.getStyler().isYAxisLogarithmic());
    assertEquals("|Δ| against Keras per epoch: 0, identical at every epoch", diff.getTitle());
    assertRound(xTicks(diff), 1, 37, 5, 8);
  }

  @Test
  void trainPlotTicksAreRoundFromTheFirstEpochOfAResumedRun() {
    List<Integer> epochs = new ArrayList<>();
    List<Double> loss = new ArrayList<>();
    List<Double> acc = new ArrayList<>();
    for (int e = 501; e <= 1500; e++) {
      epochs.add(e);
      loss.add(Math.exp(-e / 300.0));
      acc.add(e < 700 ? 0.75 : 1.0);
    }
    List<XYChart> charts = CurvesPlot.charts(epochs,
        Map.of("loss", loss, "val_loss", loss, "binary_accuracy", acc));
    assertEquals(java.util.Set.of("loss", "val_loss", " "), charts.get(0).getSeriesMap().keySet());
    for (XYChart c : charts) {
      assertRound(xTicks(c), 501, 1500, 100, 11);
    }
  }
}
