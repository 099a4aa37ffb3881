package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.callbacks.Progbar;
import io.github.tfjavaxor.keras.callbacks.ProgbarLogger;
import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The time fit's progress bar reads. When a run of many steps has finished and its steps' logs are
 * handed to the callbacks one by one, the clock stands at each step's end, the run's time spread
 * evenly over its steps, so the bar shows the time per step each step took, as Keras's does for
 * steps that run one at a time; otherwise it is the system clock.
 */
final class StepClock implements LongSupplier {
  /** {@link #set}'s value for the system clock. */
  static final long LIVE = Long.MIN_VALUE;

  private long now = LIVE;

  /** @param nanos a {@link System#nanoTime()} instant, or {@link #LIVE} */
  void set(long nanos) {
    now = nanos;
  }

  @Override
  public long getAsLong() {
    return now == LIVE ? System.nanoTime() : now;
  }

  /** A progress printer that reads this clock. */
  ProgbarLogger progbar(PrintStream out) {
    return new ProgbarLogger(out, this, Progbar.defaultDynamicDisplay(), Progbar.defaultBarChar());
  }
}
