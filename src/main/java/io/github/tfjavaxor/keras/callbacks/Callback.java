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
   *
   * @param model the model being trained
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

  /**
   * Called at the start of each epoch; Keras's {@code on_epoch_begin}.
   *
   * @param epoch 0-based epoch index
   */
  default void onEpochBegin(int epoch) {}

  /**
   * Called after each training batch; Keras's {@code on_train_batch_end}.
   *
   * @param batch 0-based batch index within the epoch
   * @param logs the running epoch means after this batch
   */
  default void onTrainBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * Called at the end of each epoch; Keras's {@code on_epoch_end}.
   *
   * @param epoch 0-based epoch index
   * @param logs the epoch's metrics (loss and compiled metrics; {@code val_} ones with validation)
   */
  default void onEpochEnd(int epoch, Map<String, Double> logs) {}

  /**
   * Called once after the last epoch, or after a callback stopped training; Keras's {@code
   * on_train_end}.
   *
   * @param logs the last epoch's metrics
   */
  default void onTrainEnd(Map<String, Double> logs) {}

  /**
   * Called before {@code evaluate}, or before the validation pass at the end of a fit epoch;
   * Keras's {@code on_test_begin}.
   *
   * @param steps batches to evaluate
   * @param verbose 0, 1 or 2
   */
  default void onTestBegin(int steps, int verbose) {}

  /**
   * Called after each evaluation batch; Keras's {@code on_test_batch_end}.
   *
   * @param batch 0-based batch index
   * @param logs the running means after this batch
   */
  default void onTestBatchEnd(int batch, Map<String, Double> logs) {}

  /**
   * Called after the last evaluation batch; Keras's {@code on_test_end}.
   *
   * @param logs the evaluation's metrics
   */
  default void onTestEnd(Map<String, Double> logs) {}

  /**
   * Called before {@code predict}; Keras's {@code on_predict_begin}.
   *
   * @param steps batches to predict
   * @param verbose 0, 1 or 2
   */
  default void onPredictBegin(int steps, int verbose) {}

  /**
   * Called after each prediction batch; Keras's {@code on_predict_batch_end}.
   *
   * @param batch 0-based batch index
   */
  default void onPredictBatchEnd(int batch) {}

  /** Called after the last prediction batch; Keras's {@code on_predict_end}. */
  default void onPredictEnd() {}

  /**
   * Keras's {@code async_safe}: true if this callback only reads the logs it is handed (it never
   * reads or writes the model and never stops training), so it may be called after the steps it
   * describes ran, as Keras 3 dispatches such callbacks on a thread of their own. {@code fit} then
   * runs many steps, even several epochs, per {@code session.run} and hands each step's logs over
   * afterwards, in order: the same calls with the same logs as one step per run. False by default.
   * A callback that is not async-safe holds fit to the host only at the hooks it overrides, as
   * Keras checks {@code utils.is_default}: {@code onTrainBatchEnd} after every batch, {@code
   * onEpochBegin}, {@code onEpochEnd} or {@link #stopTraining} after every epoch.
   *
   * @return whether the callback may run after the steps it describes
   */
  default boolean asyncSafe() {
    return false;
  }

  /**
   * Polled after each batch and epoch; {@code true} stops training, as Keras's {@code
   * model.stop_training = True}.
   *
   * @return whether to stop after the current batch or epoch
   */
  default boolean stopTraining() {
    return false;
  }
}
