package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.callbacks.CallbackList;

/**
 * Each epoch's step logs when fit trains several epochs per {@code session.run}: the whole
 * training set is one batch in the same order every epoch, there is no validation, and every
 * callback reads only its logs. Then epoch e's logs are those of step e of the loop, and training
 * chunk by chunk gives the same numbers as one epoch per run (the loop's body is the same step).
 * Anything else (several batches, replayed shuffles, validation, EarlyStopping, TerminateOnNaN,
 * checkpoints) keeps one epoch per run.
 */
final class EpochChunks {
  private final TrainFunction train;
  private final int perRun;
  private final int end;
  private final boolean jit;
  private float[][] chunk;
  private int first;

  private EpochChunks(TrainFunction train, int perRun, int end, boolean jit) {
    this.train = train;
    this.perRun = perRun;
    this.end = end;
    this.jit = jit;
  }

  /**
   * @return the chunks, or null when this fit runs one epoch per {@code session.run}
   */
  static EpochChunks of(TrainFunction train, CompileConfig config, FitArgs args, int steps,
      boolean validation, CallbackList callbacks, boolean jit) {
    boolean several = config.epochsPerRun() > 1 && args.epochs() - args.initialEpoch() > 1;
    if (steps != 1 || args.shuffleOrders() != null || validation || !callbacks.readOnlyLogs()
        || !(several || jit)) {
      return null;
    }
    return new EpochChunks(train, config.epochsPerRun(), args.epochs(), jit);
  }

  /**
   * The logs of {@code epoch}'s single step, running the next chunk of epochs if needed.
   *
   * @return {@code [loss, metric totals...]} before that epoch's update; null if the step cannot
   *     run as a loop (nothing ran: train this epoch with one run)
   */
  float[] next(int epoch, Batches batches) {
    if (chunk == null || epoch >= first + chunk.length) {
      chunk = train.runEpochs(batches.x(0), batches.y(0), Math.min(perRun, end - epoch), jit);
      first = epoch;
      if (chunk == null) {
        return null;
      }
    }
    return chunk[epoch - first];
  }
}
