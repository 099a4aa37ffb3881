package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.metrics.Metric;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * One evaluation step as one {@code session.run}: feed x and y, fetch {@code [loss, metric
 * totals...]} stacked into one float32 [1 + metrics] tensor (each fetched tensor costs a native
 * round trip). Mirrors Keras's {@code test_step} ({@code keras/src/backend/tensorflow/trainer.py}).
 * Creates no variables: evaluating never builds optimizer state.
 */
final class TestFunction {
  private final Session session;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Operand<TFloat32> loss;
  private final Operand<TFloat32> stepLogs;

  /** Adds y [-1, outputDim], the loss, the metric totals and their stack to the model's graph. */
  TestFunction(ModelGraph g, CompileConfig config, int outputDim) {
    Ops tf = g.tf();
    session = g.session();
    x = g.x();
    y = tf.withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputDim)));
    // Named as in Keras's train step: compile_loss/mean_squared_error/..., then the metrics.
    Ops lossScope = tf.withSubScope("compile_loss").withSubScope(config.loss().kerasName());
    loss = config.loss().call(lossScope, y, g.output(), g.logits());
    List<Operand<TFloat32>> logged = new ArrayList<>();
    logged.add(loss);
    Ops metricsScope = tf.withSubScope("compile_metrics");
    for (Metric m : config.metrics()) {
      logged.add(m.batchTotal(metricsScope.withSubScope(m.kerasName()), y, g.output()));
    }
    stepLogs = tf.withName("batch_logs").stack(logged);
  }

  /** The loss, float32 scalar, for the train function to differentiate. */
  Operand<TFloat32> loss() {
    return loss;
  }

  /** The stacked {@code [loss, metric totals...]}, float32 [1 + metrics]. */
  Operand<TFloat32> stepLogs() {
    return stepLogs;
  }

  /** The step's placeholders, x then y. */
  List<Operand<TFloat32>> feeds() {
    return List.of(x, y);
  }

  /** One step without an update: {@code [loss, metric totals...]}. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch) {
    return run(xBatch, yBatch, null);
  }

  /** One step that also runs {@code target} (the train op) after computing the logs. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch, Op target) {
    Session.Runner runner = session.runner().feed(x, xBatch).feed(y, yBatch).fetch(stepLogs);
    if (target != null) {
      runner.addTarget(target);
    }
    try (Result r = runner.run()) {
      TFloat32 logs = (TFloat32) r.get(0);
      float[] out = new float[(int) logs.shape().size(0)];
      for (int i = 0; i < out.length; i++) {
        out[i] = logs.getFloat(i);
      }
      return out;
    }
  }
}
