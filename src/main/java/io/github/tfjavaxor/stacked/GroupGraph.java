package io.github.tfjavaxor.stacked;

import org.tensorflow.types.TFloat32;

/**
 * S models in one {@code Graph} and {@code Session}: one {@code session.run} runs a step of every
 * model. Implementations: {@link ExactGroupGraph} (each model's own ops, bit-identical to its
 * single run) and {@link BatchedGroupGraph} (one set of ops over a leading model axis).
 */
interface GroupGraph extends AutoCloseable {

  /** The number of models, S. */
  int size();

  /**
   * One step of every model.
   *
   * @param xs model i's input batch, float32 [b, inputDim] (the same tensor may be given to all)
   * @param ys model i's targets, float32 [b, outputDim]
   * @param train true to run the optimizer's update after computing the logs (a train step),
   *     false for an evaluation step
   * @return per model, {@code [loss, metric totals...]} before the update, as Keras's train_step
   *     and test_step log them
   */
  float[][] step(TFloat32[] xs, TFloat32[] ys, boolean train);

  /** Releases the Session and the Graph. */
  @Override
  void close();
}
