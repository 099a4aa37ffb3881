package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;

/**
 * One pass over a data set in order, for evaluate, fit's validation or predict: the tensors the
 * scan is fed (made once per call) and how many steps each {@code session.run} covers, all of
 * them up to {@link ExecutionPlan#STEPS_CAPACITY_DEFAULT}. No callback of these passes needs the
 * host between batches, so their logs are handed over per step after each run.
 */
final class DataPass implements AutoCloseable {
  private final Scan.DataShape shape;
  private final ScanInputs inputs;
  private final int perRun;

  private DataPass(Scan.DataShape shape, ScanInputs inputs, int perRun) {
    this.shape = shape;
    this.inputs = inputs;
    this.perRun = perRun;
  }

  /**
   * A pass that logs {@code [loss, metric totals...]} per step.
   *
   * @param width 1 + metrics
   */
  static DataPass test(float[][] x, float[][] y, int batchSize, int width) {
    Scan.DataShape shape = new Scan.DataShape(x.length, x[0].length, y[0].length, batchSize);
    int perRun = Math.min(shape.steps(), ExecutionPlan.STEPS_CAPACITY_DEFAULT);
    ScanInputs in = new ScanInputs(x, y, 1, perRun, width);
    in.setOrder(0, null);
    return new DataPass(shape, in, perRun);
  }

  /** A pass that writes each batch's outputs into its rows of an [n, outputDim] buffer. */
  static DataPass predict(float[][] x, int batchSize, int outputDim) {
    Scan.DataShape shape = new Scan.DataShape(x.length, x[0].length, 0, batchSize);
    ScanInputs in = new ScanInputs(x, null, 1, x.length, outputDim);
    in.setOrder(0, null);
    return new DataPass(shape, in, Math.min(shape.steps(), ExecutionPlan.STEPS_CAPACITY_DEFAULT));
  }

  /** The data's shape and batch size. */
  Scan.DataShape shape() {
    return shape;
  }

  /** Batches in the pass. */
  int steps() {
    return shape.steps();
  }

  /** Steps for the run starting at {@code step}. */
  int stepsAt(int step) {
    return Math.min(perRun, steps() - step);
  }

  /** The fed tensors. */
  ScanInputs inputs() {
    return inputs;
  }

  @Override
  public void close() {
    inputs.close();
  }
}
