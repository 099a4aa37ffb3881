package io.github.tfjavaxor.keras.transforms;

import io.github.tfjavaxor.keras.backend.InPlace;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.steps.TrainStep;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The train step inline in a graph that holds its variables, one {@code session.run} per batch:
 * the forward pass and the loss are already built on the variables ({@code PredictStep}, {@code
 * TestStep}); this adds {@link TrainStep#update} (the optimizer's variables created under {@code
 * adam/}) and assigns every new value back once all are computed ({@link InPlace}). Keras's
 * {@code one_step_on_data}, and the reference every other composition is tested against.
 */
public final class Inline {
  private Inline() {}

  /**
   * What {@link #train} builds.
   *
   * @param op the train op, {@code adam/apply_gradients}
   * @param optimizerVariables the optimizer's state, in {@code Optimizer.variables} order
   */
  public record Train(Op op, List<Variable<?>> optimizerVariables) {}

  /**
   * Adds the update to a graph whose forward pass and loss are built on its variables.
   *
   * @param tf the model graph's ops
   * @param optimizer the compiled optimizer; its variables are created here
   * @param weights the model's weight variables, in model order
   * @param loss float32 [], the inline test step's loss on those variables
   * @return the train op and the optimizer's variables
   */
  public static Train train(Ops tf, Optimizer optimizer, List<Variable<TFloat32>> weights,
      Operand<TFloat32> loss) {
    Ops scope = tf.withSubScope(optimizer.kerasName());
    List<Variable<?>> state = optimizer.build(scope, weights);
    optimizer.markBuilt();
    Optimizer.Applied a = TrainStep.update(tf, scope, optimizer, state, weights, loss);
    List<Operand<?>> variables = new ArrayList<>(weights);
    variables.addAll(state);
    List<Operand<?>> values = new ArrayList<>(a.weights());
    values.addAll(a.variables());
    return new Train(InPlace.assign(scope, variables, values, "apply_gradients"), state);
  }
}
