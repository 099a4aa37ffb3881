package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.callbacks.CallbackList;
import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;
import io.github.tfjavaxor.keras.utils.Interrupts;

/**
 * The batches of each training epoch and how many run per {@code session.run}; mirrors {@code
 * keras/src/trainers/epoch_iterator.py} over the array adapter ({@code
 * data_adapters/array_data_adapter.py}) with {@code steps_per_execution}.
 *
 * <p>Row orders, one per epoch, as {@link RowOrders} draws them.
 *
 * <p>Runs ({@link ExecutionPlan}): one step per run inline, fed its batch; or many, scanned over
 * the data in the graph, within an epoch or, when the plan allows, over several epochs, whose
 * later epochs' logs are then handed out from the same run.
 */
final class EpochIterator implements AutoCloseable {
  /**
   * The logs of steps {@code [first, first + steps)} of one epoch: {@code rows[from + i]} is step
   * {@code first + i}'s {@code [loss, metric totals...]} (a view of a run's buffer, not a copy);
   * the run that computed them started at {@code run.start()}.
   */
  record Chunk(int first, float[][] rows, int from, int steps, Run run) {
    float[] logs(int i) {
      return rows[from + i];
    }

    /** When step i ended, its share of the run's time: what a progress bar shows per step. */
    long end(int i) {
      return run.at(from + i + 1);
    }
  }

  /** One session.run: when it started, how long it took, and how many steps it ran. */
  record Run(long start, long nanos, int steps) {
    /** The time after {@code done} of its steps, spread evenly. */
    long at(int done) {
      return start + nanos * done / steps;
    }
  }

  private final float[][] x;
  private final float[][] y;
  private final Scan.DataShape shape;
  private final RowOrders orders;
  private final TrainFunction train;
  private final boolean jitCompile;
  private final ExecutionPlan plan;
  private final ScanInputs inputs;
  private final int end;
  private Batches batches;
  private int batchesEpoch = -1;
  private float[][] spanned;
  private int spannedFirst;
  private int spannedEpochs;
  private Run spannedRun;

  /**
   * @param shuffle Keras's {@code shuffle}
   * @param orders null, or the checked orders to replay (then {@code shuffle} is true)
   * @param seed seeds Java's shuffle
   * @param initialEpoch the first epoch {@link #next} will be asked for
   * @param end the epoch after the last ({@code fit}'s epochs)
   */
  EpochIterator(float[][] x, float[][] y, int batchSize, boolean shuffle, int[][] orders,
      long seed, int initialEpoch, int end, TrainFunction train, boolean jitCompile,
      ExecutionPlan plan) {
    this.x = x;
    this.y = y;
    this.shape = new Scan.DataShape(x.length, x[0].length, y[0].length, batchSize);
    this.orders = new RowOrders(x.length, shape.steps(), shuffle, orders, seed, initialEpoch);
    this.end = end;
    this.train = train;
    this.jitCompile = jitCompile;
    this.plan = plan;
    this.inputs = plan.inline() ? null
        : new ScanInputs(x, y, plan.epochsPerRun(), plan.stepsPerRun(), plan.logsWidth());
  }

  /** Batches per epoch, Keras's {@code num_batches}. */
  int steps() {
    return shape.steps();
  }

  /** The rows of step {@code s}: the batch size, or the remainder for the last. */
  int size(int s) {
    return shape.size(s);
  }

  /** True if the batch-level callbacks get every step's logs, false for once per run (Keras). */
  boolean callsEachStep() {
    return plan.callsEachStep();
  }

  /**
   * The logs of the next steps of {@code epoch} from {@code step}, running the train function
   * unless an earlier run spanned this epoch. Epochs are asked for in order, steps in order.
   */
  Chunk next(int epoch, int step) {
    if (ranBefore(epoch)) {
      return new Chunk(0, spanned, (epoch - spannedFirst) * steps(), steps(), spannedRun);
    }
    Interrupts.check(epoch, end); // Ctrl-C: stop before the next run, as Python between calls
    spanned = null;
    if (plan.inline()) {
      if (batchesEpoch != epoch) {
        int[] o = orders.order(epoch);
        if (batches == null || o != null || batchesEpoch < 0) {
          closeBatches();
          batches = new Batches(x, y, o, shape.batchSize());
        }
        batchesEpoch = epoch;
      }
      long t0 = System.nanoTime();
      float[] logs = train.run(batches.x(step), batches.y(step));
      return new Chunk(step, new float[][] {logs}, 0, 1, new Run(t0, System.nanoTime() - t0, 1));
    }
    int epochs = plan.epochsAt(epoch, step, steps(), end);
    int count = epochs > 0 ? epochs * steps() : plan.stepsAt(steps() - step);
    for (int e = 0; e < Math.max(1, epochs); e++) {
      inputs.setOrder(e, orders.order(epoch + e));
    }
    long t0 = System.nanoTime();
    float[][] rows = train.scan(inputs, shape, jitCompile, step, count);
    Run run = new Run(t0, System.nanoTime() - t0, count);
    plan.ran(count, run.nanos());
    if (epochs > 1) {
      spanned = rows;
      spannedFirst = epoch;
      spannedEpochs = epochs;
      spannedRun = run;
      return next(epoch, step);
    }
    return new Chunk(step, rows, 0, count, run);
  }

  /** True if a run that spanned several epochs already trained {@code epoch}. */
  boolean ranBefore(int epoch) {
    return spanned != null && epoch >= spannedFirst && epoch < spannedFirst + spannedEpochs;
  }

  /** When {@code epoch} began within the run that spanned it ({@link #ranBefore}). */
  long began(int epoch) {
    return spannedRun.at((epoch - spannedFirst) * steps());
  }

  private void closeBatches() {
    if (batches != null) {
      batches.close();
      batches = null;
    }
  }

  @Override
  public void close() {
    closeBatches();
    if (inputs != null) {
      inputs.close();
    }
  }

  // The epoch's steps, run by the chunk: each chunk is one session.run of the epoch's next steps
  // (a forward pass, its logs, the gradients and the update each), or those steps' logs from a
  // run that spanned epochs. Keras's `for begin_step, end_step, iterator in epoch_iterator`.
  void trainEpoch(int epoch, MetricsTracker metrics, CallbackList callbacks, StepClock clock,
      boolean batchHooks) {
    for (int step = 0; step < steps(); ) {
      Chunk chunk = next(epoch, step);
      for (int i = 0; i < chunk.steps(); i++) {
        clock.set(chunk.end(i));
        metrics.update(chunk.logs(i), size(step));
        if (batchHooks && callsEachStep()) {
          callbacks.onTrainBatchEnd(step, metrics.logs());
        }
        step++;
      }
      if (batchHooks && !callsEachStep()) {
        callbacks.onTrainBatchEnd(step - 1, metrics.logs());
      }
      if (callbacks.stopTraining()) {
        return;
      }
    }
  }
}
