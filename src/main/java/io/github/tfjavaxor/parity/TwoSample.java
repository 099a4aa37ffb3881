package io.github.tfjavaxor.parity;

import java.util.Arrays;

/**
 * Descriptive statistics and two-sample tests for comparing two distributions of per-run values.
 *
 * <p>Quantiles use linear interpolation between order statistics (numpy's default, "type 7"): for
 * [1, 2, 3, 4] the median is 2.5 and the quartiles 1.75 and 3.25. The Mann-Whitney U test uses
 * mid-ranks for ties and the normal approximation with tie and continuity corrections
 * (two-sided), as {@code scipy.stats.mannwhitneyu(method="asymptotic")}. The Kolmogorov-Smirnov
 * statistic D is the largest gap between the empirical CDFs, with the asymptotic two-sided
 * p-value.
 */
public final class TwoSample {
  private TwoSample() {}

  /**
   * numpy.quantile(values, q), linear interpolation.
   *
   * @param values at least one value, in any order
   * @param q in [0, 1]
   * @return the q-quantile
   * @throws IllegalArgumentException if values is empty
   */
  public static double quantile(double[] values, double q) {
    if (values.length == 0) {
      throw new IllegalArgumentException("quantile: expected at least one value, found none");
    }
    double[] s = values.clone();
    Arrays.sort(s);
    double pos = q * (s.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, s.length - 1);
    return s[lo] + (pos - lo) * (s[hi] - s[lo]);
  }

  /**
   * Mann-Whitney U of sample {@code a} and its two-sided asymptotic p-value.
   *
   * @param u the U statistic of the first sample
   * @param p the two-sided p-value
   */
  public record MannWhitney(double u, double p) {}

  /**
   * Mann-Whitney U test.
   *
   * @param a the first sample
   * @param b the second sample
   * @return U of {@code a} and the p-value
   */
  public static MannWhitney mannWhitney(double[] a, double[] b) {
    int n1 = a.length;
    int n2 = b.length;
    int n = n1 + n2;
    double[][] all = new double[n][2];
    for (int i = 0; i < n1; i++) {
      all[i] = new double[] {a[i], 0};
    }
    for (int i = 0; i < n2; i++) {
      all[n1 + i] = new double[] {b[i], 1};
    }
    Arrays.sort(all, (x, y) -> Double.compare(x[0], y[0]));
    double rankSumA = 0;
    double tieTerm = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && all[j + 1][0] == all[i][0]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1;
      int t = j - i + 1;
      tieTerm += (double) t * t * t - t;
      for (int k = i; k <= j; k++) {
        if (all[k][1] == 0) {
          rankSumA += midRank;
        }
      }
      i = j + 1;
    }
    double u = rankSumA - n1 * (n1 + 1) / 2.0;
    double mean = n1 * n2 / 2.0;
    double var = n1 * n2 / 12.0 * ((n + 1) - tieTerm / ((double) n * (n - 1)));
    if (var <= 0) {
      return new MannWhitney(u, 1.0);
    }
    double z = (Math.abs(u - mean) - 0.5) / Math.sqrt(var);
    // Within the continuity correction of the mean: no evidence at all.
    double p = z <= 0 ? 1.0 : Math.min(1.0, 2 * (1 - normalCdf(z)));
    return new MannWhitney(u, p);
  }

  /**
   * Kolmogorov-Smirnov statistic D and its asymptotic two-sided p-value.
   *
   * @param d the largest gap between the empirical CDFs, in [0, 1]
   * @param p the two-sided p-value
   */
  public record KolmogorovSmirnov(double d, double p) {}

  /**
   * Two-sample Kolmogorov-Smirnov test.
   *
   * @param a the first sample
   * @param b the second sample
   * @return D and the p-value
   */
  public static KolmogorovSmirnov kolmogorovSmirnov(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] == v) {
        i++;
      }
      while (j < y.length && y[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    double ne = (double) x.length * y.length / (x.length + y.length);
    double lambda = (Math.sqrt(ne) + 0.12 + 0.11 / Math.sqrt(ne)) * d;
    return new KolmogorovSmirnov(d, Math.max(0, Math.min(1, qks(lambda))));
  }

  /**
   * Kolmogorov's Q(λ) = 2 Σ (-1)^(k-1) exp(-2k²λ²); for small λ, where that series does not
   * converge, the equivalent 1 - sqrt(2π)/λ Σ exp(-(2k-1)²π²/(8λ²)).
   */
  static double qks(double lambda) {
    if (lambda <= 0) {
      return 1;
    }
    double sum = 0;
    if (lambda < 1.18) {
      for (int k = 1; k <= 50; k++) {
        sum += Math.exp(-(2 * k - 1) * (2 * k - 1) * Math.PI * Math.PI / (8 * lambda * lambda));
      }
      return 1 - Math.sqrt(2 * Math.PI) / lambda * sum;
    }
    for (int k = 1; k <= 100; k++) {
      sum += 2 * Math.pow(-1, k - 1) * Math.exp(-2.0 * k * k * lambda * lambda);
    }
    return sum;
  }

  /** Standard normal CDF (Abramowitz-Stegun 7.1.26 erf, error &lt; 1.5e-7). */
  static double normalCdf(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * x);
    double erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736)
        * t + 0.254829592) * t * Math.exp(-x * x);
    return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
  }
}
