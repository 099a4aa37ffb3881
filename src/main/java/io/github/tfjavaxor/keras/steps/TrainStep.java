package io.github.tfjavaxor.keras.steps;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.KerasGradients;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.steps.PredictStep.Prediction;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One training step as a pure function, {@code (weights, optimizer variables, x, y) -> (new
 * weights, new optimizer variables, logs)}; mirrors Keras's {@code train_step} ({@code
 * keras/src/backend/jax/trainer.py}: {@code value_and_grad}, then {@code
 * optimizer.stateless_apply}). The logs are computed from the forward pass before the update,
 * which is what Keras logs.
 *
 * <p>{@link #call} composes {@link PredictStep}, {@link TestStep} and {@link #update}; the model's
 * own graph builds the same three one after another on its variables (predict, then evaluate, then
 * fit add their part), so every path runs the one definition.
 */
public final class TrainStep {
  private TrainStep() {}

  /**
   * The step's results.
   *
   * @param state the new weights then the new optimizer variables, in the input's order
   * @param logs float32 [1 + metrics], before the update
   */
  public record Result(List<Operand<?>> state, Operand<TFloat32> logs) {}

  /**
   * The whole step.
   *
   * @param tf the graph's or function's ops
   * @param layers the attached layers, in order
   * @param loss the compiled loss
   * @param metrics the compiled metrics, in order
   * @param optimizer the compiled optimizer
   * @param state the weights (float32, {@code 2 * layers} of them) then the optimizer's variables
   *     ({@code Optimizer.variables} order)
   * @param x float32 [batch, inputDim], or [models, batch, inputDim] with every state tensor
   *     stacked along a leading model axis (models that share the optimizer's hyperparameters)
   * @param y float32 [batch, outputDim] (stacked: [models, batch, outputDim])
   * @return the new state and the logs
   */
  @SuppressWarnings("unchecked")
  public static Result call(Ops tf, List<Dense> layers, Loss loss, List<Metric> metrics,
      Optimizer optimizer, List<? extends Operand<?>> state, Operand<TFloat32> x,
      Operand<TFloat32> y) {
    int n = 2 * layers.size();
    List<Operand<TFloat32>> weights = new ArrayList<>();
    state.subList(0, n).forEach(w -> weights.add((Operand<TFloat32>) w));
    Prediction p = PredictStep.call(tf, layers, weights, x);
    TestStep.Logs logs = TestStep.call(tf, loss, metrics, p, y);
    Optimizer.Applied a = update(tf, tf.withSubScope(optimizer.kerasName()), optimizer,
        state.subList(n, state.size()), weights, logs.loss());
    List<Operand<?>> next = new ArrayList<>(a.weights());
    next.addAll(a.variables());
    return new Result(next, logs.logs());
  }

  /**
   * The backward pass and the update: {@code KerasGradients} of the loss for the weights (under
   * {@code gradients/}), then {@code optimizer.statelessApply} (under {@code adam/}).
   *
   * @param tf the graph's or function's ops
   * @param optimizerScope the optimizer's scope ({@code adam/}): the one its variables were made
   *     in, in a graph that holds them
   * @param optimizer the compiled optimizer
   * @param optimizerState the optimizer's variables' values
   * @param weights the weights the loss was computed from
   * @param loss float32 [], or [models] for models stacked along a leading axis: model i's loss
   *     depends on its own slice only, so the gradient of the sum is each model's own
   * @return the new weights and optimizer variables
   */
  public static Optimizer.Applied update(Ops tf, Ops optimizerScope, Optimizer optimizer,
      List<? extends Operand<?>> optimizerState, List<? extends Operand<TFloat32>> weights,
      Operand<TFloat32> loss) {
    Operand<TFloat32> total = loss.shape().numDimensions() == 0 ? loss
        : tf.withSubScope("compile_loss").reduceSum(loss, tf.constant(0));
    List<Output<TFloat32>> grads = KerasGradients.of(tf, total, weights);
    return optimizer.statelessApply(optimizerScope, optimizerState, grads, weights);
  }
}
