package io.github.tfjavaxor.keras.callbacks;

import java.util.Map;

/**
 * Hooks called during {@code fit}, {@code evaluate} and {@code predict}; mirrors {@code
 * keras.callbacks.Callback}. Logs map metric names to values in Keras's order (sorted by name, as
 * Keras 3's {@code pythonify_logs} sorts them). Every hook does nothing by default.
 */
public interface Callback {

  /**
   * Called by {@code fit} before {@link #onTrainBegin}, as Keras's {@code set_model}; lets
   * callbacks such as checkpoints read or restore the weights.
   */
  default void setModel(io.github.tfjavaxor.keras.Sequential model) {}

  /**
   * Called once before the first epoch.
   *
   * @param epochs the epochs requested
   * @param steps batches per epoch
   * @param verbose 0, 1 or 2
   */
  default void onTrainBegin(int epochs, int steps, int verbose) {}

  /** @param epoch 0-based epoch index */
  default void onEpochBegin(int epoch) {}

  /**
   * @param batch 0-based batch index within the epoch
   * @param logs the running epoch means after this batch
   */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * @param epoch 0-based epoch index
   * @param logs the epoch's metrics (loss and compiled metrics)
   */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /** Called once after the last epoch, or after a callback stopped training. */
  default void onTrainEnd(Map<String, Double> logs) {}

  /** @param steps batches to evaluate */
  default void onTestBegin(int steps, int verbose) {}

  default void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  default void onTestEnd(Map<String, Double> logs) {}

  /** @param steps batches to predict */
  default void onPredictBegin(int steps, int verbose) {}

  default void onPredictBatchEnd(int batch) {}

  default void onPredictEnd() {}

  /**
   * True if this callback only reads the logs it is handed: it never reads or writes the model
   * and never stops training. {@code fit} may then train several epochs in one {@code session.run}
   * and hand their logs over afterwards, in order (same logs, same order, as one epoch per run).
   * False by default, so a callback that reads the weights (checkpoints) or stops training
   * (EarlyStopping, TerminateOnNaN) keeps fit at one epoch per run.
   */
  default boolean readsOnlyLogs() {
    return false;
  }

  /**
   * Polled after each batch and epoch; {@code true} stops training, as Keras's {@code
   * model.stop_training = True}.
   */
  default boolean stopTraining() {
    return false;
  }
}
