package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.parity.StatisticalParity;
import io.github.tfjavaxor.parity.TwoSample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What statistical-parity concludes from its p-values. */
class StatisticalParityPrintTest {
  static StatisticalParity.Result result(double epochsKsP, double lossKsP, int javaNever) {
    StatisticalParity.Sample keras =
        new StatisticalParity.Sample(new double[] {6, 7, 8}, new double[] {.1, .2, .3}, 0);
    StatisticalParity.Sample java = new StatisticalParity.Sample(new double[] {6, 7, 51},
        new double[] {.4, .5, .6}, javaNever);
    return new StatisticalParity.Result(keras, java, new TwoSample.MannWhitney(3, 0.5),
        new TwoSample.KolmogorovSmirnov(0.3, epochsKsP), new TwoSample.MannWhitney(0, 0.08),
        new TwoSample.KolmogorovSmirnov(1, lossKsP));
  }

  static String print(StatisticalParity.Result r) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    StatisticalParityCommand.print(r, 3, 7, 50, new PrintStream(b, true, StandardCharsets.UTF_8));
    return b.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aPValueBelowFivePercentIsNotCalledNoEvidence() {
    // The helper's run: --runs 3 --epochs 50 --seed 7 printed KS D = 1.000, p = 0.033 above
    // "no evidence".
    String out = print(result(0.9, 0.033, 0));
    assertTrue(out.endsWith("p < 0.05 for final loss (Kolmogorov-Smirnov): the two sides may draw"
        + " from different distributions (rerun with more --runs before concluding)\n"), out);
  }

  @Test
  void everyPValueAtOrAboveFivePercentIsNoEvidence() {
    assertEquals("every p >= 0.05: no evidence that the two sides draw from different"
        + " distributions", StatisticalParityCommand.verdict(result(0.05, 0.7, 0)));
  }

  @Test
  void runsThatNeverReachedAreSaidToCountAsEpochsPlusOne() {
    assertTrue(print(result(0.9, 0.9, 1)).contains("(a run never at 100% counts as 51 epochs"
        + " above)\n"));
    assertTrue(!print(result(0.9, 0.9, 0)).contains("never at 100% counts"));
  }
}
