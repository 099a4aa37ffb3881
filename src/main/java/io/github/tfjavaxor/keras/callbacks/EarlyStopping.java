package io.github.tfjavaxor.keras.callbacks;

import io.github.tfjavaxor.keras.Sequential;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tensorflow.ndarray.FloatNdArray;

/**
 * Stops training when a monitored quantity has stopped improving; mirrors Keras 3's {@code
 * keras.callbacks.EarlyStopping} ({@code keras/src/callbacks/early_stopping.py}) with its defaults:
 * {@code monitor="val_loss", min_delta=0, patience=0, mode="auto", baseline=None,
 * restore_best_weights=False, start_from_epoch=0}.
 *
 * <p>Per epoch: {@code wait += 1}; if {@code value - min_delta} beats the best, the best (and, with
 * restore_best_weights, a copy of the weights) is kept and wait resets; otherwise training stops
 * once {@code wait >= patience} (never on the first epoch). At the end, with restore_best_weights,
 * the best epoch's weights are put back even if training was not stopped early, as Keras 3 does.
 *
 * <p>A monitor missing from the logs (such as the default {@code val_loss} without validation
 * data) is skipped, as Keras skips it after a warning. Messages go to the {@code log} sink given
 * (Keras's {@code verbose=1} messages), so the core does no I/O itself.
 */
public final class EarlyStopping implements Callback {
  private final Monitor monitor;
  private final int patience;
  private final Double baseline;
  private final boolean restoreBestWeights;
  private final int startFromEpoch;
  private final Consumer<String> log;

  private Sequential model;
  private double best;
  private int wait;
  private int stoppedEpoch;
  private int bestEpoch;
  private List<FloatNdArray> bestWeights;
  private boolean stop;

  /** Keras's defaults: monitor val_loss, min_delta 0, patience 0, no restore. */
  public EarlyStopping() {
    this("val_loss", 0, 0, "auto", null, false, 0, null);
  }

  /**
   * @param monitor logs key, e.g. {@code loss}
   * @param minDelta smallest change that counts as an improvement (absolute value used)
   * @param patience epochs without improvement before stopping, &gt;= 0
   * @param mode auto, min or max
   * @param baseline a value to beat before wait resets, or null
   * @param restoreBestWeights put back the best epoch's weights at the end
   * @param startFromEpoch epochs to ignore at the start, &gt;= 0
   * @param log receives Keras's verbose messages, or null for silence
   * @throws IllegalArgumentException for a negative patience or startFromEpoch, a bad mode, or an
   *     auto mode that cannot tell the direction
   */
  public EarlyStopping(
      String monitor,
      double minDelta,
      int patience,
      String mode,
      Double baseline,
      boolean restoreBestWeights,
      int startFromEpoch,
      Consumer<String> log) {
    if (patience < 0) {
      throw new IllegalArgumentException("patience: expected an integer >= 0, found " + patience);
    }
    if (startFromEpoch < 0) {
      throw new IllegalArgumentException(
          "start_from_epoch: expected an integer >= 0, found " + startFromEpoch);
    }
    this.monitor = new Monitor(monitor, mode, minDelta);
    this.patience = patience;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    this.startFromEpoch = startFromEpoch;
    this.log = log == null ? s -> {} : log;
    this.best = this.monitor.initialBest();
  }

  @Override
  public void setModel(Sequential model) {
    this.model = model;
  }

  @Override
  public void onTrainBegin(int epochs, int steps, int verbose) {
    wait = 0;
    stoppedEpoch = 0;
    bestWeights = null;
    bestEpoch = 0;
    stop = false;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitor.monitor());
    if (current == null || epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model.getWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (monitor.isImprovement(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model.getWeights();
      }
      if (baseline == null || monitor.isImprovement(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      stop = true;
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0) {
      log.accept("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      log.accept(
          "Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      model.setWeights(bestWeights);
    }
  }

  @Override
  public boolean stopTraining() {
    return stop;
  }

  /** {@return the 0-based epoch at which training was stopped, or 0 if it was not} */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** {@return the 0-based epoch with the best monitored value} */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** {@return the best monitored value so far (±inf before any)} */
  public double best() {
    return best;
  }
}
