package io.github.tfjavaxor.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SweepSummaryTest {
  @Test
  void medianAndNearestRankP90() {
    assertEquals(25.0, SweepSummary.median(List.of(40.0, 10.0, 30.0, 20.0)));
    assertEquals(30.0, SweepSummary.median(List.of(30.0, 10.0, 50.0)));
    assertEquals(40.0, SweepSummary.p90(List.of(10.0, 20.0, 30.0, 40.0))); // ceil(3.6) = 4th
    List<Double> ten = List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0);
    assertEquals(9.0, SweepSummary.p90(ten)); // ceil(9.0) = 9th
    assertEquals(5.5, SweepSummary.median(ten));
  }

  @Test
  void rowsCountOnlySuccessfulRunsForEpochs() {
    String c = "16 relu | sigmoid | mean_squared_error | adam default | batch 32";
    SweepSummary s = new SweepSummary(List.of(
        new RunResult(1, c, "xor sha256:0", 100, 1, 40, 0.1, 1, 1000),
        new RunResult(1, c, "xor sha256:0", 100, 2, 0, 0.3, 0.75, 3000),
        new RunResult(1, c, "xor sha256:0", 100, 3, 60, 0.2, 1, 2000),
        new RunResult(2, "2 tanh" + c.substring(7), "xor sha256:0", 100, 1, 0, 0.25, 0.5, 500)));
    SweepSummary.Row r = s.rows().get(0);
    assertEquals(3, r.runs());
    assertEquals(2, r.successes());
    assertEquals(50.0, r.medianEpoch());
    assertEquals(60.0, r.p90Epoch());
    assertEquals(0.2, r.medianFinalLoss());
    assertEquals(2.0, r.medianWallSeconds());
    assertNull(s.rows().get(1).medianEpoch());
    assertEquals(
        "| 1 | 16 relu | sigmoid | mean_squared_error | adam default | 32 | 3 | 67% | 50 | 60 | 0.2000 | 2.00 |\n"
            + "| 2 | 2 tanh | sigmoid | mean_squared_error | adam default | 32 | 1 | 0% | – | – | 0.2500 | 0.50 |\n",
        s.markdown().lines().skip(2).map(l -> l + "\n").reduce("", String::concat));
  }

  @Test
  void progressBarLine() {
    assertEquals("[########------------] 12/30 runs  40%  elapsed 0:21  ETA 0:32", ProgressBar.line(12, 30, 21)); // 21 s / 12 x 18 = 31.5 s
    assertEquals("[--------------------] 0/30 runs   0%  elapsed 0:00  ETA ?", ProgressBar.line(0, 30, 0));
  }

  @Test
  void shardsPartitionTheGrid() {
    SweepGrid g = new SweepGrid(2, 1, List.of(List.of(2), List.of(4), List.of(8)), List.of(List.of("relu")),
        List.of("sigmoid"), List.of("mean_squared_error"), List.of("adam"), java.util.Arrays.asList((Double) null),
        List.of(32), 10, 3, 1, "xor sha256:0");
    assertEquals(9, g.runCount());
    assertEquals(List.of(0, 3, 6), g.shard(1, 3).stream().map(RunSpec::index).toList());
    assertEquals(List.of(2, 5, 8), g.shard(3, 3).stream().map(RunSpec::index).toList());
    RunSpec r = g.run(5);
    assertEquals(2, r.configIndex());
    assertEquals(3L, r.model().seed());
    assertEquals(List.of(4), r.model().units());
    assertEquals("xor sha256:0", r.data());
  }
}
