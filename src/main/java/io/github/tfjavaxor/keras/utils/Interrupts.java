package io.github.tfjavaxor.keras.utils;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The pending interruption of this process: a signal handler, or a stream that found stdout
 * closed, {@link #raise}s it; the training loops {@link #check} it between {@code session.run}
 * calls and raise {@link KeyboardInterrupt}, as Python's {@code signal.default_int_handler} sets a
 * flag the interpreter checks between bytecodes. The first signal wins; it stays pending.
 */
public final class Interrupts {
  private static final AtomicReference<KeyboardInterrupt.Signal> PENDING = new AtomicReference<>();

  private Interrupts() {}

  /**
   * Asks the running loops to stop; later calls keep the first signal. Safe from any thread.
   *
   * @param signal the signal that arrived, or SIGPIPE for a closed stdout
   */
  public static void raise(KeyboardInterrupt.Signal signal) {
    PENDING.compareAndSet(null, signal);
  }

  /** {@return the signal raised, or null} */
  public static KeyboardInterrupt.Signal pending() {
    return PENDING.get();
  }

  /**
   * Throws if a signal is pending; outside fit, so the message names no epoch.
   *
   * @throws KeyboardInterrupt if a signal is pending
   */
  public static void check() {
    check(-1, -1);
  }

  /**
   * The check inside fit, before a run of steps.
   *
   * @param epochsDone the epochs completed so far
   * @param epochs the epochs fit was asked for
   * @throws KeyboardInterrupt if a signal is pending
   */
  public static void check(int epochsDone, int epochs) {
    KeyboardInterrupt.Signal s = PENDING.get();
    if (s != null) {
      throw new KeyboardInterrupt(s, epochsDone, epochs, "");
    }
  }

  /** Forgets the pending signal: for tests that raise one in-process. */
  public static void clear() {
    PENDING.set(null);
  }
}
