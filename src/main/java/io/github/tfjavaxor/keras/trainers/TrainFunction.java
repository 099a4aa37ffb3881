package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One training step as one {@code session.run}: the test function's forward pass, loss and metric
 * totals, plus the gradients and the optimizer's update. The logs come from the forward pass before
 * the update, as in Keras's {@code train_step} ({@code keras/src/backend/tensorflow/trainer.py}).
 * Building it creates the optimizer's variables (iterations and slots) and initialises them.
 */
final class TrainFunction {
  private final TestFunction test;
  private final Op trainOp;
  private final OptimizerState state;

  TrainFunction(ModelGraph g, TestFunction test, Optimizer optimizer) {
    this.test = test;
    this.trainOp = optimizer.minimize(g.tf(), test.loss(), g.weights());
    g.session().initialize();
    this.state = new OptimizerState(g, optimizer);
  }

  /** The optimizer's variables in Keras's layout. */
  OptimizerState state() {
    return state;
  }

  /** One step: {@code [loss, metric totals...]} before the update, then the update. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch) {
    return test.run(xBatch, yBatch, trainOp);
  }
}
