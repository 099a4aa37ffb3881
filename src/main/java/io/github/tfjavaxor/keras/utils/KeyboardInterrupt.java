package io.github.tfjavaxor.keras.utils;

/**
 * Python's {@code KeyboardInterrupt}, raised out of {@code fit} by {@link Interrupts#check} after
 * the running {@code session.run} returns, when SIGINT or SIGTERM arrived or stdout was closed.
 * Keras 3 has no handler of its own for it: Python raises it at the first bytecode after the
 * running {@code tf.function} (one {@code steps_per_execution} chunk) returns, and it propagates
 * out of {@code fit}; the callbacks' {@code on_train_end} does not run.
 */
public final class KeyboardInterrupt extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What stopped the run, with the exit status a process killed by that signal has. */
  public enum Signal {
    /** Ctrl-C; exit status 130. */
    SIGINT(130),
    /** {@code kill}, or a scheduler stopping the job; exit status 143. */
    SIGTERM(143),
    /** stdout closed, e.g. by {@code | head}; exit status 141. */
    SIGPIPE(141);

    private final int exitCode;

    Signal(int exitCode) {
      this.exitCode = exitCode;
    }

    /** {@return 128 + the signal number, as the shell reports a process the signal killed} */
    public int exitCode() {
      return exitCode;
    }
  }

  /** The signal, or SIGPIPE for a closed stdout. */
  private final Signal signal;
  /** The epochs completed, or -1 outside fit. */
  private final int epochsDone;
  /** The epochs fit was asked for, or -1 outside fit. */
  private final int epochs;
  /** What the message adds after the epoch, e.g. the last checkpoint; or "". */
  private final String detail;

  /**
   * An interruption; the message says what stopped and after which epoch.
   *
   * @param signal the signal, or SIGPIPE for a closed stdout
   * @param epochsDone the epochs completed (the last completed epoch, 1-based), or -1 outside fit
   * @param epochs the epochs fit was asked for, or -1 outside fit
   * @param detail appended to the message, or ""
   */
  public KeyboardInterrupt(Signal signal, int epochsDone, int epochs, String detail) {
    super(message(signal, epochsDone, epochs) + detail);
    this.signal = signal;
    this.epochsDone = epochsDone;
    this.epochs = epochs;
    this.detail = detail;
  }

  private static String message(Signal signal, int epochsDone, int epochs) {
    String by = signal == Signal.SIGPIPE ? "stdout closed" : "interrupted by " + signal;
    if (epochsDone < 0) {
      return by;
    }
    return by + (epochsDone == 0 ? " before the first epoch" : " after epoch " + epochsDone)
        + " of " + epochs;
  }

  /**
   * The same interruption with more said, e.g. the last checkpoint written.
   *
   * @param more appended to the message
   * @return a new exception with this one's stack trace
   */
  public KeyboardInterrupt withDetail(String more) {
    KeyboardInterrupt e = new KeyboardInterrupt(signal, epochsDone, epochs, detail + more);
    e.setStackTrace(getStackTrace());
    return e;
  }

  /** {@return the signal that stopped the run} */
  public Signal signal() {
    return signal;
  }

  /** {@return the epochs completed, or -1 if not raised by fit} */
  public int epochsDone() {
    return epochsDone;
  }
}
