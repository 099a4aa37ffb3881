package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.EpochLoop;
import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.util.List;
import org.tensorflow.op.Op;
import org.tensorflow.types.TFloat32;

/**
 * One training step as one {@code session.run}: the test function's forward pass, loss and metric
 * totals, plus the gradients and the optimizer's update. The logs come from the forward pass before
 * the update, as in Keras's {@code train_step} ({@code keras/src/backend/tensorflow/trainer.py}).
 * Building it creates the optimizer's variables (iterations and slots) and initialises them.
 */
final class TrainFunction {
  private final ModelGraph graph;
  private final TestFunction test;
  private final Op trainOp;
  private final OptimizerState state;
  private EpochLoop loop;
  private boolean loopJit;
  private boolean loopUnsupported;

  TrainFunction(ModelGraph g, TestFunction test, Optimizer optimizer) {
    this.graph = g;
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

  /**
   * {@code epochs} steps on one batch in one {@code session.run} ({@link EpochLoop}), built on
   * first use (once for each {@code jitCompile}; switching rebuilds it on the same graph).
   *
   * @return float [epochs][1 + metrics], each epoch's logs before its update; null if the step
   *     cannot run as a loop (then nothing ran)
   */
  float[][] runEpochs(TFloat32 xBatch, TFloat32 yBatch, int epochs, boolean jitCompile) {
    if (loopUnsupported) {
      return null;
    }
    if (loop == null || loopJit != jitCompile) {
      loop = EpochLoop.build(graph, trainOp, test.stepLogs(), test.feeds(), jitCompile);
      loopJit = jitCompile;
      if (loop == null) {
        loopUnsupported = true;
        return null;
      }
    }
    return loop.run(List.of(xBatch, yBatch), epochs);
  }
}
