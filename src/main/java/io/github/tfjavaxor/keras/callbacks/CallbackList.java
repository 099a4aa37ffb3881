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

  /** The History this list records into, or null if it has none. */
  public History history() {
    return history;
  }

  /** Keras's {@code model.stop_training}: true once any callback asks to stop. */
  public boolean stopTraining() {
    for (Callback c : callbacks) {
      if (c.stopTraining()) {
        return true;
      }
    }
    return false;
  }

  /** True if every callback {@link Callback#readsOnlyLogs() reads only its logs}. */
  public boolean readOnlyLogs() {
    return callbacks.stream().allMatch(Callback::readsOnlyLogs);
  }

  public void setModel(Sequential model) {
    callbacks.forEach(c -> c.setModel(model));
  }

  public void onTrainBegin(int epochs, int steps, int verbose) {
    callbacks.forEach(c -> c.onTrainBegin(epochs, steps, verbose));
  }

  public void onEpochBegin(int epoch) {
    callbacks.forEach(c -> c.onEpochBegin(epoch));
  }

  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTrainBatchEnd(batch, logs));
  }

  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onEpochEnd(epoch, logs));
  }

  public void onTrainEnd(Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTrainEnd(logs));
  }

  public void onTestBegin(int steps, int verbose) {
    callbacks.forEach(c -> c.onTestBegin(steps, verbose));
  }

  public void onTestBatchEnd(int batch, Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTestBatchEnd(batch, logs));
  }

  public void onTestEnd(Map<String, Double> logs) {
    callbacks.forEach(c -> c.onTestEnd(logs));
  }

  public void onPredictBegin(int steps, int verbose) {
    callbacks.forEach(c -> c.onPredictBegin(steps, verbose));
  }

  public void onPredictBatchEnd(int batch) {
    callbacks.forEach(c -> c.onPredictBatchEnd(batch));
  }

  public void onPredictEnd() {
    callbacks.forEach(c -> c.onPredictEnd());
  }
}
