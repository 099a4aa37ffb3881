package io.github.tfjavaxor.keras.trainers;

import java.util.Locale;

/**
 * Keras's {@code compile(steps_per_execution=...)}: how many training steps one call of the train
 * function, here one {@code session.run}, covers. Never more than the rest of an epoch, so the
 * epoch-level callbacks keep their meaning ({@code keras/src/trainers/epoch_iterator.py}).
 *
 * <ul>
 *   <li>{@code N} (an integer &gt;= 1), as in Keras: runs of N steps; the batch-level callbacks
 *       are called once per run, with the logs after its last step.
 *   <li>{@link #AUTO} (this port's default): as many steps per run as the callbacks allow, and
 *       each step's logs handed to the batch-level callbacks afterwards, in order, as if each step
 *       had run alone. A callback that needs the host after every batch (one that is not {@code
 *       asyncSafe()} and overrides {@code onTrainBatchEnd}, such as TerminateOnNaN) keeps one step
 *       per run; one that needs it after every epoch (EarlyStopping, checkpoints) or a validation
 *       split keeps runs within an epoch; otherwise a run spans several epochs. The numbers are
 *       the same in every case. With a progress bar, runs are sized to redraw it about every 0.1 s.
 * </ul>
 *
 * @param steps the steps per run, or 0 for {@link #AUTO}
 */
public record StepsPerExecution(int steps) {
  /** As many steps per run as the callbacks allow. */
  public static final StepsPerExecution AUTO = new StepsPerExecution(0);
  /** The port's default, {@link #AUTO} (Keras's is 1). */
  public static final StepsPerExecution STEPS_PER_EXECUTION_DEFAULT = AUTO;

  /**
   * Checks the count.
   *
   * @param steps the steps per run, or 0 for {@link #AUTO}
   * @throws IllegalArgumentException if steps is negative
   */
  public StepsPerExecution {
    if (steps < 0) {
      throw new IllegalArgumentException(
          "steps_per_execution: expected auto or an integer >= 1, found " + steps);
    }
  }

  /** {@return true for {@link #AUTO}} */
  public boolean auto() {
    return steps == 0;
  }

  /**
   * Parses Keras's {@code steps_per_execution} as written, e.g. a CLI value.
   *
   * @param value {@code auto} or an integer &gt;= 1
   * @return {@link #AUTO} or a fixed count
   * @throws IllegalArgumentException naming the value otherwise
   */
  public static StepsPerExecution of(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("auto")) {
      return AUTO;
    }
    try {
      int n = Integer.parseInt(v);
      if (n >= 1) {
        return new StepsPerExecution(n);
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw new IllegalArgumentException(
        "steps_per_execution: expected auto or an integer >= 1, found '" + value + "'");
  }

  @Override
  public String toString() {
    return auto() ? "auto" : Integer.toString(steps);
  }
}
