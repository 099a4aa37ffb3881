package io.github.tfjavaxor.keras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.LongNdArray;

/**
 * A pending signal stops fit before its next {@code session.run}, as Python raises
 * KeyboardInterrupt after the running tf.function returns: every epoch whose logs were handed out
 * was trained, and no later step ran.
 */
class KeyboardInterruptTest {
  static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] Y = {{0}, {1}, {1}, {0}};

  @AfterEach
  void clear() {
    Interrupts.clear();
  }

  private static Sequential model() {
    Sequential m = new Sequential(42);
    m.add(new Dense(16, "relu", 2));
    m.add(new Dense(1, "sigmoid"));
    m.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
    return m;
  }

  /** Raises a signal at the end of an epoch and counts what fit calls. */
  private static class RaiseAt implements Callback {
    final int at;
    final boolean async;
    int epochEnds;
    boolean trainEnded;

    RaiseAt(int at, boolean async) {
      this.at = at;
      this.async = async;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
      epochEnds++;
      if (epoch + 1 == at) {
        Interrupts.raise(KeyboardInterrupt.Signal.SIGTERM);
        Interrupts.raise(KeyboardInterrupt.Signal.SIGINT); // the first signal stays
      }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
      trainEnded = true;
    }

    @Override
    public boolean asyncSafe() {
      return async;
    }
  }

  private static long iterations(Sequential m) {
    return ((LongNdArray) m.getOptimizerVariables().get(0)).getLong();
  }

  @Test
  void aSignalBeforeFitTrainsNothing() {
    try (Sequential m = model()) {
      Interrupts.raise(KeyboardInterrupt.Signal.SIGINT);
      KeyboardInterrupt e = assertThrows(KeyboardInterrupt.class,
          () -> m.fit(X, Y, FitArgs.builder(10).verbose(0).build()));
      assertEquals("interrupted by SIGINT before the first epoch of 10", e.getMessage());
      assertEquals(0, e.epochsDone());
      assertEquals(0, iterations(m));
    }
  }

  @Test
  void fitStopsAfterTheEpochWhoseEndRaisedIt() {
    // A callback at each epoch's end holds fit to one run per epoch: it stops right after.
    try (Sequential m = model()) {
      RaiseAt cb = new RaiseAt(3, false);
      KeyboardInterrupt e = assertThrows(KeyboardInterrupt.class,
          () -> m.fit(X, Y, FitArgs.builder(100).verbose(0).callbacks(List.of(cb)).build()));
      assertEquals("interrupted by SIGTERM after epoch 3 of 100", e.getMessage());
      assertEquals(KeyboardInterrupt.Signal.SIGTERM, e.signal());
      assertEquals(3, cb.epochEnds);
      assertEquals(3, iterations(m), "one step per epoch, none after the third");
      assertFalse(cb.trainEnded, "raised out of fit, as KeyboardInterrupt: no on_train_end");
    }
  }

  @Test
  void aRunSpanningEpochsFinishesAndAllItsEpochsAreReported() {
    // An async-safe callback lets one run span many epochs; it ends before the check.
    try (Sequential m = model()) {
      RaiseAt cb = new RaiseAt(3, true);
      KeyboardInterrupt e = assertThrows(KeyboardInterrupt.class,
          () -> m.fit(X, Y, FitArgs.builder(100000).verbose(0).callbacks(List.of(cb)).build()));
      assertTrue(cb.epochEnds > 3, "the run went on to its end: " + cb.epochEnds);
      assertEquals(cb.epochEnds, e.epochsDone());
      assertEquals(cb.epochEnds, iterations(m));
      assertEquals("interrupted by SIGTERM after epoch " + cb.epochEnds + " of 100000", e.getMessage());
    }
  }

  @Test
  void theDetailIsAppended() {
    KeyboardInterrupt e = new KeyboardInterrupt(KeyboardInterrupt.Signal.SIGPIPE, -1, -1, "")
        .withDetail("; nothing saved");
    assertEquals("stdout closed; nothing saved", e.getMessage());
    assertEquals(141, e.signal().exitCode());
    assertEquals(130, KeyboardInterrupt.Signal.SIGINT.exitCode());
    assertEquals(143, KeyboardInterrupt.Signal.SIGTERM.exitCode());
  }
}
