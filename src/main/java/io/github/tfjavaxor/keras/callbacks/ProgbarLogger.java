package io.github.tfjavaxor.keras.callbacks;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Prints Keras 3's training log; mirrors {@code keras.callbacks.ProgbarLogger}. Verbose 1 draws a
 * progress bar per epoch, verbose 2 prints one line per epoch, verbose 0 prints nothing. {@code
 * Epoch e/E} lines appear only when there is more than one epoch, as in Keras.
 *
 * <p>Example (verbose 2): {@code Epoch 1/1000} then {@code 1/1 - 0s - 12ms/step - binary_accuracy:
 * 0.5000 - loss: 0.2634}.
 */
public final class ProgbarLogger implements Callback {
  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final boolean dynamicDisplay;
  private final char barChar;
  private int verbose;
  private int epochs;
  private int steps;
  private int seen;
  private Progbar progbar;
  private boolean calledInFit;

  /**
   * Prints to {@code out} with the system clock.
   *
   * @param out where to print
   */
  public ProgbarLogger(PrintStream out) {
    this(out, System::nanoTime, Progbar.defaultDynamicDisplay(), Progbar.defaultBarChar());
  }

  /**
   * A logger with the display details fixed (for tests and for non-UTF-8 streams).
   *
   * @param out where to print
   * @param nanoClock time source in nanoseconds
   * @param dynamicDisplay redraw with {@code \r} (Keras on POSIX) or start new lines
   * @param barChar {@code ━} or {@code =}
   */
  public ProgbarLogger(PrintStream out, LongSupplier nanoClock, boolean dynamicDisplay, char barChar) {
    this.out = out;
    this.nanoClock = nanoClock;
    this.dynamicDisplay = dynamicDisplay;
    this.barChar = barChar;
  }

  private void newBar(int target, int verbosity) {
    seen = 0;
    steps = target;
    verbose = verbosity;
    progbar = new Progbar(out, target, verbosity, dynamicDisplay, barChar, nanoClock);
  }

  @Override
  public void onTrainBegin(int epochs, int steps, int verbose) {
    this.epochs = epochs;
    this.steps = steps;
    this.verbose = verbose;
    // Inside fit, validation is silent: its values appear on the epoch's line, as in Keras.
    this.calledInFit = true;
  }

  @Override
  public void onEpochBegin(int epoch) {
    newBar(steps, verbose);
    if (verbose != 0 && epochs > 1) {
      out.println("Epoch " + (epoch + 1) + "/" + epochs);
    }
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    updateBar(batch, logs);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    progbar.update(steps, logs, true);
  }

  @Override
  public void onTestBegin(int steps, int verbose) {
    if (calledInFit) {
      return;
    }
    newBar(steps, verbose);
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    if (calledInFit) {
      return;
    }
    updateBar(batch, logs);
  }

  @Override
  public void onTestEnd(Map<String, Double> logs) {
    if (calledInFit) {
      return;
    }
    progbar.update(steps, logs, true);
  }

  @Override
  public void onPredictBegin(int steps, int verbose) {
    newBar(steps, verbose);
  }

  @Override
  public void onPredictBatchEnd(int batch) {
    updateBar(batch, null);
  }

  @Override
  public void onPredictEnd() {
    progbar.update(steps, null, true);
  }

  private void updateBar(int batch, Map<String, Double> logs) {
    seen = batch + 1;
    if (verbose == 1) {
      progbar.update(seen, logs, false);
    }
  }

  /** Records (or prints) the logs only. */
  @Override
  public boolean asyncSafe() {
    return true;
  }
}
