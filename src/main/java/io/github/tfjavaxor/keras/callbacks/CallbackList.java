package io.github.tfjavaxor.keras.callbacks;

import io.github.tfjavaxor.keras.Sequential;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Calls each hook on every callback in order and owns {@code stop_training}; mirrors {@code
 * keras/src/callbacks/callback_list.py} with {@code add_history} and {@code add_progbar}: the user's
 * callbacks first, then the {@link History} (in fit), then the {@link ProgbarLogger} unless verbose is 0.
 */
public final class CallbackList {
  private final List<Callback> callbacks;
  private final History history;

  /**
   * @param callbacks the user's callbacks, in order
   * @param addHistory add a {@link History} (fit does; evaluate and predict do not)
   * @param progbar the progress printer, or null when silent
   */
  public CallbackList(List<Callback> callbacks, boolean addHistory, ProgbarLogger progbar) {
    this.callbacks = new ArrayList<>(callbacks);
    this.history = addHistory ? new History() : null;
    if (history != null) {
      this.callbacks.add(history);
    }
    if (progbar != null) {
      this.callbacks.add(progbar);
    }
  }

  /** {@return the History this list records into, or null if it has none} */
  public History history() {
    return history;
  }

  /** {@return Keras's {@code model.stop_training}: true once any callback asks to stop} */
  public boolean stopTraining() {
    for (Callback c : callbacks) {
      if (c.stopTraining()) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if a callback overrides {@code onTrainBatchEnd}; otherwise fit builds no batch logs, as
   * Keras skips batch hooks none of its callbacks implement ({@code utils.is_default}).
   *
   * @return true if some callback has its own {@code onTrainBatchEnd}
   */
  public boolean hasTrainBatchHooks() {
    return callbacks.stream().anyMatch(c -> overrides(c, "onTrainBatchEnd", int.class,
        Map.class));
  }

  /**
   * True if a callback needs the host after every batch: it is not {@link Callback#asyncSafe()}
   * and overrides {@code onTrainBatchEnd}; Keras's {@code _configure_async_dispatch}.
   *
   * @return true if fit must return to the host after every batch
   */
  public boolean needsEachBatch() {
    return callbacks.stream().anyMatch(c -> !c.asyncSafe() && overrides(c, "onTrainBatchEnd",
        int.class, Map.class));
  }

  /**
   * True if a callback needs the host between epochs: it is not {@link Callback#asyncSafe()} and
   * overrides a batch or epoch hook or {@code stopTraining}.
   *
   * @return true if fit must return to the host after every epoch
   */
  public boolean needsEachEpoch() {
    return needsEachBatch() || callbacks.stream().anyMatch(c -> !c.asyncSafe()
        && (overrides(c, "onEpochBegin", int.class)
            || overrides(c, "onEpochEnd", int.class, Map.class)
            || overrides(c, "stopTraining")));
  }

  // Keras's utils.is_default, by reflection: does c's class define the hook itself?
  private static boolean overrides(Callback c, String hook, Class<?>... parameters) {
    try {
      return c.getClass().getMethod(hook, parameters).getDeclaringClass() != Callback.class;
    } catch (NoSuchMethodException e) {
      throw new AssertionError(hook, e);
    }
  }

  /**
   * Hands each callback the model, as Keras's {@code set_model}.
   *
   * @param model the model being trained
   */
  public void setModel(Sequential model) {
    callbacks.forEach(c -> c.setModel(model));
  }

  /**
   * Calls {@link Callback#onTrainBegin} on each callback, in order.
   *
   * @param epochs the epochs requested
   * @param steps batches per epoch
   * @param verbose 0, 1 or 2
   */
  public void onTrainBegin(int epochs, int steps, int verbose) {
    callbacks.forEach(c -> c.onTrainBegin(epochs, steps, verbose));
  }

  /**
   * Calls {@link Callback#onEpochBegin} on each callback, in order.
   *
   * @param epoch 0-based epoch index
   */
  public void onEpochBegin(int epoch) {
    callbacks.forEach(c -> c.onEpochBegin(epoch));
  }

  /**
   * Calls {@link Callback#onTrainBatchEnd} on each callback, in order.
   *
   * @param batch 0-based batch index within the epoch
   * @param logs the running epoch means after this batch
   */
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTrainBatchEnd(batch, logs));
  }

  /**
   * Calls {@link Callback#onEpochEnd} on each callback, in order.
   *
   * @param epoch 0-based epoch index
   * @param logs the epoch's metrics
   */
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onEpochEnd(epoch, logs));
  }

  /**
   * Calls {@link Callback#onTrainEnd} on each callback, in order.
   *
   * @param logs the last epoch's metrics
   */
  public void onTrainEnd(Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTrainEnd(logs));
  }

  /**
   * Calls {@link Callback#onTestBegin} on each callback, in order.
   *
   * @param steps batches to evaluate
   * @param verbose 0, 1 or 2
   */
  public void onTestBegin(int steps, int verbose) {
    callbacks.forEach(c -> c.onTestBegin(steps, verbose));
  }

  /**
   * Calls {@link Callback#onTestBatchEnd} on each callback, in order.
   *
   * @param batch 0-based batch index
   * @param logs the running means after this batch
   */
  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTestBatchEnd(batch, logs));
  }

  /**
   * Calls {@link Callback#onTestEnd} on each callback, in order.
   *
   * @param logs the evaluation's metrics
   */
  public void onTestEnd(Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTestEnd(logs));
  }

  /**
   * Calls {@link Callback#onPredictBegin} on each callback, in order.
   *
   * @param steps batches to predict
   * @param verbose 0, 1 or 2
   */
  public void onPredictBegin(int steps, int verbose) {
    callbacks.forEach(c -> c.onPredictBegin(steps, verbose));
  }

  /**
   * Calls {@link Callback#onPredictBatchEnd} on each callback, in order.
   *
   * @param batch 0-based batch index
   */
  public void onPredictBatchEnd(int batch) {
    callbacks.forEach(c -> c.onPredictBatchEnd(batch));
  }

  /** Calls {@link Callback#onPredictEnd} on each callback, in order. */
  public void onPredictEnd() {
    callbacks.forEach(c -> c.onPredictEnd());
  }
}
