package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.CallbackList;
import io.github.tfjavaxor.keras.callbacks.EarlyStopping;
import io.github.tfjavaxor.keras.callbacks.TerminateOnNaN;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many steps each session.run covers, decided before training (no native work here). */
class ExecutionPlanTest {
  static ExecutionPlan plan(StepsPerExecution spe, List<Callback> callbacks, boolean validation,
      int verbose, boolean jit, int steps, int epochs) {
    return new ExecutionPlan(spe, new CallbackList(callbacks, true, null), validation, verbose,
        jit, steps, epochs, steps * 32, 2);
  }

  @Test
  void autoWithLogsOnlyCallbacksSpansEpochs() {
    ExecutionPlan p = plan(StepsPerExecution.AUTO, List.of(), false, 0, false, 1, 1000);
    assertFalse(p.inline());
    assertTrue(p.callsEachStep());
    assertEquals(1000, p.epochsPerRun());
    assertEquals(1000, p.epochsAt(0, 0, 1, 1000));
    assertEquals(400, p.epochsAt(600, 0, 1, 1000), "never past the fit's last epoch");
    // 128 steps per epoch: 16384 / 128 = 128 epochs per run at most.
    ExecutionPlan big = plan(StepsPerExecution.AUTO, List.of(), false, 0, false, 128, 10);
    assertEquals(10, big.epochsPerRun());
    assertEquals(1280, big.stepsPerRun());
  }

  @Test
  void validationOrAnEpochCallbackKeepsRunsWithinAnEpoch() {
    Callback early = new EarlyStopping("loss", 0, 2, "auto", null, false, 0, null);
    for (ExecutionPlan p : List.of(
        plan(StepsPerExecution.AUTO, List.of(), true, 0, false, 7, 50),
        plan(StepsPerExecution.AUTO, List.of(early), false, 0, false, 7, 50))) {
      assertFalse(p.inline());
      assertEquals(1, p.epochsPerRun());
      assertEquals(0, p.epochsAt(0, 0, 7, 50));
      assertEquals(7, p.stepsAt(7));
    }
  }

  @Test
  void aBatchCallbackThatIsNotAsyncSafeRunsEachStepInline() {
    ExecutionPlan p = plan(StepsPerExecution.AUTO, List.of(new TerminateOnNaN()), false, 0,
        false, 7, 50);
    assertTrue(p.inline());
    assertTrue(p.callsEachStep());
    // Under XLA the one step is the scan of one step, compiled.
    assertFalse(plan(StepsPerExecution.AUTO, List.of(new TerminateOnNaN()), false, 0, true, 7,
        50).inline());
    // An async-safe one does not hold fit back.
    Callback logsOnly = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

      @Override
      public boolean asyncSafe() {
        return true;
      }
    };
    assertEquals(50, plan(StepsPerExecution.AUTO, List.of(logsOnly), false, 0, false, 7, 50)
        .epochsPerRun());
  }

  @Test
  void kerasStepsPerExecutionRunsThatManyAndCallsBackOncePerRun() {
    ExecutionPlan p = plan(new StepsPerExecution(3), List.of(), false, 1, false, 7, 50);
    assertFalse(p.inline());
    assertFalse(p.callsEachStep());
    assertEquals(0, p.epochsAt(0, 0, 7, 50));
    assertEquals(3, p.stepsAt(7));
    assertEquals(1, p.stepsAt(1), "the last run of an epoch is shorter, never crossing it");
    assertTrue(plan(new StepsPerExecution(1), List.of(), false, 1, false, 7, 50).inline());
  }

  @Test
  void aProgressBarStartsWithOneStepAndDoublesWhileRunsAreFast() {
    ExecutionPlan p = plan(StepsPerExecution.AUTO, List.of(), false, 1, false, 1, 1000);
    assertEquals(1, p.epochsAt(0, 0, 1, 1000));
    p.ran(1, 1_000_000);
    assertEquals(2, p.epochsAt(1, 0, 1, 1000));
    p.ran(2, 1_000_000);
    p.ran(4, 1_000_000);
    assertEquals(8, p.epochsAt(7, 0, 1, 1000));
    p.ran(8, 300_000_000);
    assertEquals(4, p.epochsAt(15, 0, 1, 1000), "halved after a run over 0.2 s");
  }

  @Test
  void stepsPerExecutionAndJitCompileParseKerasValues() {
    assertEquals(StepsPerExecution.AUTO, StepsPerExecution.of("auto"));
    assertEquals(new StepsPerExecution(32), StepsPerExecution.of(" 32 "));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> StepsPerExecution.of("0"));
    assertEquals("steps_per_execution: expected auto or an integer >= 1, found '0'",
        e.getMessage());
    assertEquals(JitCompile.AUTO, JitCompile.of("auto"));
    assertEquals(JitCompile.TRUE, JitCompile.of("True"));
    assertEquals(JitCompile.FALSE, JitCompile.of(" false "));
    assertTrue(JitCompile.AUTO.resolve(true));
    assertFalse(JitCompile.AUTO.resolve(false));
    e = assertThrows(IllegalArgumentException.class, () -> JitCompile.of("yes"));
    assertEquals("jit_compile: expected auto, true or false, found 'yes'", e.getMessage());
  }
}
