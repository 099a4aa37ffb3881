package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static RunLog run(float[] loss, float[] acc, float... pred) {
    float[][] p = new float[pred.length][];
    for (int i = 0; i < pred.length; i++) {
      p[i] = new float[] {pred[i]};
    }
    return new RunLog(loss, acc, new float[] {loss[loss.length - 1], acc[acc.length - 1]}, p);
  }

  @Test
  void measuresTheLargestLossGapAndAccuracyMismatches() {
    RunLog k = run(new float[] {0.25f, 0.2f, 0.1f}, new float[] {0.5f, 0.75f, 1f}, 0.2f, 0.9f);
    RunLog j = run(new float[] {0.25f, 0.2f, 0.1f + 3e-6f}, new float[] {0.5f, 1f, 1f}, 0.2f,
        0.5f);
    Comparison c = Comparison.of(k, j);
    assertEquals(3, c.maxAt());
    assertEquals((double) (0.1f + 3e-6f) - 0.1f, c.maxAbsLossDiff(), 0);
    assertEquals(1, c.accuracyMismatches());
    assertEquals(2, c.firstAccuracyMismatch());
    // 0.9 rounds to 1, 0.5 rounds half-to-even to 0
    assertFalse(c.roundedPredictionsEqual());
    assertEquals((double) 0.9f - 0.5f, c.maxAbsPredictionDiff(), 0);
    assertFalse(c.meetsTarget());
  }

  @Test
  void identicalRunsMeetTheTarget() {
    RunLog k = run(new float[] {0.25f, 0.2f}, new float[] {0.5f, 1f}, 0.1f, 0.8f);
    Comparison c = Comparison.of(k, k);
    assertEquals(0, c.maxAbsLossDiff(), 0);
    assertTrue(c.meetsTarget());
  }

  @Test
  void rejectsRunsOfDifferentLength() {
    RunLog k = run(new float[] {0.25f, 0.2f}, new float[] {0.5f, 1f}, 0.1f);
    RunLog j = run(new float[] {0.25f}, new float[] {0.5f}, 0.1f);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(k, j));
    assertEquals("runs differ in length: Keras 2 epochs, Java 1 epochs", e.getMessage());
  }
}
