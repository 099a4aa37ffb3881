package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.interop.PythonVenv;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parity bound against live Keras: 1000 epochs from the same Keras-drawn initial
 * weights, full batch, no shuffle. Fails (never skips) if the venv cannot be made.
 */
class LiveKerasParityTest {
  @TempDir Path tmp;

  @Test
  void defaultAdamMeetsTheParityBoundOver1000Epochs() throws Exception {
    SideBySide.Result r = SideBySide.run(PythonVenv.locate(),
        SideBySideConfig.tutorial(42, 1000, 0.001, false), tmp, true);
    Comparison c = r.comparison();
    System.out.printf("parity seed 42: Adam max |dloss| %.3e at epoch %d; FusedAdam %.3e at %d%n",
        c.maxAbsLossDiff(), c.maxAt(), r.fusedComparison().maxAbsLossDiff(),
        r.fusedComparison().maxAt());
    assertTrue(c.maxAbsLossDiff() <= Comparison.LOSS_BOUND,
        "max |Δloss| " + c.maxAbsLossDiff() + " at epoch " + c.maxAt());
    assertEquals(0, c.accuracyMismatches(), "first mismatch at epoch " + c.firstAccuracyMismatch());
    assertTrue(c.roundedPredictionsEqual());
    assertEquals(1000, r.keras().epochs());
    // The fused ApplyAdam run is measured, not bounded; it must still train to the same answer.
    assertTrue(r.fusedComparison().roundedPredictionsEqual());
  }
}
