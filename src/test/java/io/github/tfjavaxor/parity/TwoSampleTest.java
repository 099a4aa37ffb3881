package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TwoSampleTest {
  @Test
  void quantilesInterpolateLikeNumpy() {
    double[] v = {4, 1, 3, 2};
    assertEquals(2.5, TwoSample.quantile(v, 0.5), 0);
    assertEquals(1.75, TwoSample.quantile(v, 0.25), 0);
    assertEquals(3.25, TwoSample.quantile(v, 0.75), 0);
    assertEquals(4, TwoSample.quantile(v, 1), 0);
  }

  @Test
  void mannWhitneySeparatedSamples() {
    // U = 0; mean 4.5; var = 3*3/12 * 7 = 5.25; z = (4.5 - 0.5)/sqrt(5.25) = 1.74574;
    // p = erfc(1.74574 / sqrt 2) = 0.0808556
    TwoSample.MannWhitney mw = TwoSample.mannWhitney(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(0, mw.u(), 0);
    assertEquals(0.0808556, mw.p(), 1e-6);
  }

  @Test
  void mannWhitneyWithTies() {
    // a = [1, 2, 2], b = [2, 3]: ranks 1, 3, 3 | 3, 5 -> R_a = 7, U = 7 - 6 = 1.
    // ties: one group of 3 -> t^3 - t = 24; var = 6/12 * (6 - 24/20) = 2.4
    // z = (|1 - 3| - 0.5)/sqrt(2.4) = 0.968246; p = erfc(0.968246 / sqrt 2) = 0.3329216
    TwoSample.MannWhitney mw = TwoSample.mannWhitney(new double[] {1, 2, 2}, new double[] {2, 3});
    assertEquals(1, mw.u(), 0);
    assertEquals(0.3329216, mw.p(), 1e-6);
  }

  @Test
  void identicalSamplesGiveNoEvidence() {
    double[] a = {5, 7, 9, 11};
    assertEquals(1.0, TwoSample.mannWhitney(a, a.clone()).p(), 1e-12);
    TwoSample.KolmogorovSmirnov ks = TwoSample.kolmogorovSmirnov(a, a.clone());
    assertEquals(0, ks.d(), 0);
    assertEquals(1.0, ks.p(), 1e-12);
  }

  @Test
  void kolmogorovSmirnovLargestCdfGap() {
    // CDFs after 1,2 | 1.5,3,4: at 2, F_a = 1, F_b = 1/3 -> D = 2/3
    TwoSample.KolmogorovSmirnov ks =
        TwoSample.kolmogorovSmirnov(new double[] {1, 2}, new double[] {1.5, 3, 4});
    assertEquals(2.0 / 3, ks.d(), 1e-12);
  }

  @Test
  void kolmogorovQBothSeriesAgree() {
    // Q(1) = 0.2699996716 (tables of the Kolmogorov distribution); the two series meet at 1.18.
    assertEquals(0.2699996716, TwoSample.qks(1.0), 1e-9);
    assertEquals(TwoSample.qks(1.18 - 1e-12), TwoSample.qks(1.18), 1e-9);
  }
}
