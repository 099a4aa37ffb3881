package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.callbacks.CallbackList;

/**
 * How many training steps each {@code session.run} of a fit covers ({@link StepsPerExecution}),
 * decided once, before training, from Keras's {@code steps_per_execution}, the callbacks and
 * whether there is validation. The numbers never depend on it.
 *
 * <ul>
 *   <li>{@code steps_per_execution=N}: runs of N steps within an epoch, the batch callbacks once
 *       per run, as Keras; with N = 1 and no XLA, inline (the batch fed to the model's graph).
 *   <li>auto, a callback needs every batch: one step per run, inline unless under XLA.
 *   <li>auto otherwise: scanned runs whose steps' logs are handed to the batch callbacks one by
 *       one afterwards; whole epochs per run when no callback needs the epochs' ends and there is
 *       no validation. Silent fits take the largest runs; with a progress bar the run doubles
 *       from one step while it takes under {@link #LIVE_SECONDS_DEFAULT}, and halves above twice
 *       that, so the bar keeps moving.
 * </ul>
 */
public final class ExecutionPlan {
  /** The most steps one run covers: its logs buffer's rows. */
  public static final int STEPS_CAPACITY_DEFAULT = 1 << 14;
  /** The most int32 row indices fed per run for the epochs it spans (32 MB). */
  public static final int ORDER_CAPACITY_DEFAULT = 1 << 23;
  /** A progress bar's target time per run. */
  static final double LIVE_SECONDS_DEFAULT = 0.1;

  private final boolean inline;
  private final boolean eachStep;
  private final int fixed;
  private final boolean live;
  private final int epochsPerRun;
  private final int stepsPerRun;
  private final int width;
  private int size;

  /**
   * @param steps batches per epoch
   * @param epochs the epochs this fit trains
   * @param rows training rows (the orders' width)
   * @param width the logs' width, 1 + metrics
   */
  ExecutionPlan(StepsPerExecution spe, CallbackList callbacks, boolean validation, int verbose,
      boolean jitCompile, int steps, int epochs, int rows, int width) {
    this.width = width;
    boolean acrossEpochs = false;
    if (!spe.auto()) {
      fixed = Math.min(spe.steps(), steps);
      eachStep = false;
    } else if (callbacks.needsEachBatch()) {
      fixed = 1;
      eachStep = true;
    } else {
      fixed = 0;
      eachStep = true;
      acrossEpochs = !validation && !callbacks.needsEachEpoch() && epochs > 1;
    }
    inline = fixed == 1 && !jitCompile;
    live = verbose != 0 && fixed == 0;
    int capacity = STEPS_CAPACITY_DEFAULT;
    boolean whole = acrossEpochs && steps <= capacity;
    epochsPerRun = whole ? Math.max(1, Math.min(Math.min(capacity / steps, epochs),
        ORDER_CAPACITY_DEFAULT / Math.max(1, rows))) : 1;
    stepsPerRun = fixed > 0 ? fixed : whole ? epochsPerRun * steps : Math.min(capacity, steps);
    size = live ? 1 : stepsPerRun;
  }

  /** True for one inline step per run. */
  boolean inline() {
    return inline;
  }

  /** True if the batch callbacks get every step's logs. */
  boolean callsEachStep() {
    return eachStep;
  }

  /** The most epochs a run spans (the orders' rows). */
  int epochsPerRun() {
    return epochsPerRun;
  }

  /** The most steps a run covers (the logs buffer's rows). */
  int stepsPerRun() {
    return stepsPerRun;
  }

  /** The logs' width. */
  int logsWidth() {
    return width;
  }

  /**
   * Whole epochs for the next run from {@code epoch}'s step {@code step}, at most up to {@code
   * end}; 0 for a run within the epoch.
   */
  int epochsAt(int epoch, int step, int steps, int end) {
    if (step != 0 || epochsPerRun == 1 || size < steps) {
      return 0;
    }
    return Math.max(1, Math.min(Math.min(size / steps, epochsPerRun), end - epoch));
  }

  /** Steps for the next run within an epoch, {@code left} steps from its end. */
  int stepsAt(int left) {
    return Math.min(left, fixed > 0 ? fixed : size);
  }

  /** Records a run of {@code steps} that took {@code nanos}, to size the next while live. */
  void ran(int steps, long nanos) {
    if (!live) {
      return;
    }
    double seconds = nanos / 1e9;
    if (seconds < LIVE_SECONDS_DEFAULT) {
      size = Math.min(stepsPerRun, Math.max(size, steps) * 2);
    } else if (seconds > 2 * LIVE_SECONDS_DEFAULT) {
      size = Math.max(1, steps / 2);
    }
  }
}
