package io.github.tfjavaxor.keras.steps;

import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.steps.PredictStep.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;

/**
 * The loss and the step's logs of a prediction against its targets; mirrors Keras's {@code
 * test_step} ({@code _compute_loss}, then {@code compute_metrics}). The running means over an
 * epoch are kept in Java ({@code MetricsTracker}), as float32, exactly as Keras's {@code Mean}.
 *
 * <p>Named as in Keras's train step: {@code compile_loss/mean_squared_error/...}, {@code
 * compile_metrics/binary_accuracy/...}, and the stacked logs {@code batch_logs}.
 */
public final class TestStep {
  private TestStep() {}

  /**
   * What a test step gives.
   *
   * @param loss float32 [], the batch's loss (Keras's {@code sum_over_batch_size}); [models] for
   *     models stacked along a leading axis
   * @param logs float32 [1 + metrics]: {@code [loss, each metric's sum over the batch...]};
   *     stacked: [models, 1 + metrics]
   */
  public record Logs(Operand<TFloat32> loss, Operand<TFloat32> logs) {}

  /**
   * The loss and logs of one batch, under {@code compile_loss/} and {@code compile_metrics/}.
   *
   * @param tf the graph's or function's ops
   * @param loss the compiled loss
   * @param metrics the compiled metrics, in order
   * @param p the forward pass
   * @param y float32 [batch, outputDim], the targets (stacked: [models, batch, outputDim])
   * @return the batch's loss and logs
   */
  public static Logs call(Ops tf, Loss loss, List<Metric> metrics, Prediction p,
      Operand<TFloat32> y) {
    Ops lossScope = tf.withSubScope("compile_loss").withSubScope(loss.kerasName());
    Operand<TFloat32> value = loss.call(lossScope, y, p.output(), p.logits());
    List<Operand<TFloat32>> logged = new ArrayList<>();
    logged.add(value);
    Ops metricsScope = tf.withSubScope("compile_metrics");
    for (Metric m : metrics) {
      logged.add(m.batchTotal(metricsScope.withSubScope(m.kerasName()), y, p.output(), p.logits()));
    }
    // Stacked models log [models] per entry: their logs are [models, 1 + metrics].
    Ops logs = tf.withName("batch_logs");
    return new Logs(value, value.shape().numDimensions() == 0 ? logs.stack(logged)
        : logs.stack(logged, Stack.axis(1L)));
  }
}
