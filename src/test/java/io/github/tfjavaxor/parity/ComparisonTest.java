package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  static RunLog run(float[] loss, float[] acc, float... pred) {
    return run(Map.of("loss", loss, "binary_accuracy", acc), pred);
  }

  static RunLog run(Map<String, float[]> history, float... pred) {
    float[][] p = new float[pred.length][];
    for (int i = 0; i < pred.length; i++) {
      p[i] = new float[] {pred[i]};
    }
    Map<String, Float> ev = new LinkedHashMap<>();
    history.forEach((k, v) -> ev.put(k, v.length == 0 ? 0f : v[v.length - 1]));
    return new RunLog(history, ev, p);
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
    assertFalse(c.exact());
  }

  @Test
  void identicalRunsMeetTheTargetAndAreExact() {
    RunLog k = run(new float[] {0.25f, 0.2f}, new float[] {0.5f, 1f}, 0.1f, 0.8f);
    Comparison c = Comparison.of(k, k);
    assertEquals(0, c.maxAbsLossDiff(), 0);
    assertEquals(1, c.maxAt());
    assertTrue(c.meetsTarget());
    assertTrue(c.exact());
  }

  @Test
  void validationKeysCountToo() {
    Map<String, float[]> kh = Map.of("loss", new float[] {0.3f, 0.2f},
        "binary_accuracy", new float[] {0.5f, 1f}, "val_loss", new float[] {0.4f, 0.35f},
        "val_binary_accuracy", new float[] {0f, 0f});
    Map<String, float[]> jh = new LinkedHashMap<>(kh);
    jh.put("val_loss", new float[] {0.4f, 0.36f});
    jh.put("val_binary_accuracy", new float[] {0f, 1f});
    Comparison c = Comparison.of(run(kh, 0.1f), run(jh, 0.1f));
    assertEquals(List.of("loss", "binary_accuracy", "val_loss", "val_binary_accuracy"),
        List.copyOf(c.keys().keySet()));
    assertEquals(0, c.maxAbsLossDiff(), 0);
    assertEquals((double) 0.36f - 0.35f, c.maxAbsAnyLossDiff(), 0);
    assertEquals(2, c.keys().get("val_loss").maxAt());
    assertEquals(1, c.accuracyMismatches());
    assertEquals(2, c.firstAccuracyMismatch());
    assertFalse(c.meetsTarget());
  }

  @Test
  void nanAgainstNanIsEqualAndNanAgainstANumberIsTheWorst() {
    RunLog k = run(new float[] {0.25f, Float.NaN, Float.NaN}, new float[] {0.5f, 0.5f, 0.5f}, 1f);
    RunLog j = run(new float[] {0.2f, Float.NaN, 0.3f}, new float[] {0.5f, 0.5f, 0.5f}, 1f);
    Comparison c = Comparison.of(k, j);
    assertTrue(Double.isNaN(c.maxAbsLossDiff()));
    assertEquals(3, c.maxAt());
    assertEquals(2, c.keys().get("loss").mismatches());
    assertFalse(c.meetsTarget());
    assertTrue(Comparison.of(k, k).exact());
  }

  @Test
  void noEpochsCompareAsEqual() {
    RunLog k = run(Map.of(), 0.4f);
    Comparison c = Comparison.of(k, k);
    assertEquals(0, c.maxAt());
    assertTrue(c.meetsTarget());
  }

  @Test
  void rejectsRunsOfDifferentLengthOrKeys() {
    RunLog k = run(new float[] {0.25f, 0.2f}, new float[] {0.5f, 1f}, 0.1f);
    RunLog j = run(new float[] {0.25f}, new float[] {0.5f}, 0.1f);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Comparison.of(k, j));
    assertEquals("runs differ in length: Keras 2 epochs, Java 1 epochs", e.getMessage());
    RunLog v = run(Map.of("loss", new float[] {0.25f, 0.2f}), 0.1f);
    e = assertThrows(IllegalArgumentException.class, () -> Comparison.of(k, v));
    assertEquals("runs logged different keys: Keras [loss, binary_accuracy], Java [loss]",
        e.getMessage());
  }
}
