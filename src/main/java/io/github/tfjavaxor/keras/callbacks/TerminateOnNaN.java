package io.github.tfjavaxor.keras.callbacks;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Stops training when a batch's loss is NaN or infinite; mirrors Keras 3's {@code
 * keras.callbacks.TerminateOnNaN(raise_error=False)} ({@code keras/src/callbacks/terminate_on_nan.py}).
 * The check runs after every batch on the running epoch loss, and the message is Keras's
 * {@code "Batch {batch}: Invalid loss, terminating training"}, sent to the given sink.
 *
 * <p>With {@code raiseError}, a {@link RuntimeException} is thrown instead, as Keras raises
 * RuntimeError.
 */
public final class TerminateOnNaN implements Callback {
  private final boolean raiseError;
  private final Consumer<String> log;
  private boolean stop;
  private int batch = -1;

  /** Keras's default: stop gracefully, silently here. */
  public TerminateOnNaN() {
    this(false, null);
  }

  /**
   * @param raiseError throw instead of stopping gracefully
   * @param log receives the message, or null
   */
  public TerminateOnNaN(boolean raiseError, Consumer<String> log) {
    this.raiseError = raiseError;
    this.log = log == null ? s -> {} : log;
  }

  @Override
  public void onTrainBegin(int epochs, int steps, int verbose) {
    stop = false;
    batch = -1;
  }

  @Override
  public void onTrainBatchEnd(int batchIndex, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      if (raiseError) {
        throw new RuntimeException(
            "NaN or Inf loss encountered at batch " + batchIndex + ". Loss value: " + loss
                + ". Terminating training immediately.");
      }
      log.accept("Batch " + batchIndex + ": Invalid loss, terminating training");
      batch = batchIndex;
      stop = true;
    }
  }

  @Override
  public boolean stopTraining() {
    return stop;
  }

  /** {@return the 0-based batch whose loss was invalid, or -1} */
  public int terminatedAtBatch() {
    return batch;
  }

  /** {@return true once a NaN or infinite loss stopped training} */
  public boolean terminated() {
    return stop;
  }
}
