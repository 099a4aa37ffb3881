package io.github.tfjavaxor.keras.steps;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.layers.Dense;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The forward pass of a layer stack with the weights it is given; mirrors Keras's {@code
 * predict_step} over {@code model.stateless_call(trainable_variables, ..., x)}.
 *
 * <p>Each layer's ops go under its name scope ({@code dense/MatMul}, {@code dense_1/Sigmoid}), as
 * Keras's TensorFlow backend names them. Example: the tutorial's 2-16-1 stack maps x float32 [4, 2]
 * to y_pred float32 [4, 1].
 */
public final class PredictStep {
  private PredictStep() {}

  /**
   * What a forward pass gives: the output, and the last layer's pre-activation when it is a
   * sigmoid (the logits Keras caches as {@code _keras_logits} for crossentropy), else null.
   *
   * @param output float32 [batch, outputDim]
   * @param logits float32 [batch, outputDim], or null
   */
  public record Prediction(Operand<TFloat32> output, Operand<TFloat32> logits) {}

  /**
   * The forward pass with each layer's ops under a new scope named after it.
   *
   * @param tf the graph's or function's ops; the layers' scopes are made here
   * @param layers the attached layers, in order
   * @param weights float32 {@code [kernel, bias]} per layer, in model order
   * @param x float32 [batch, inputDim]
   * @return the output and, for a sigmoid output layer, its logits
   * @throws IllegalArgumentException if there are not two weights per layer
   */
  public static Prediction call(Ops tf, List<Dense> layers,
      List<? extends Operand<TFloat32>> weights, Operand<TFloat32> x) {
    List<Ops> scopes = new ArrayList<>();
    layers.forEach(d -> scopes.add(tf.withSubScope(d.name())));
    return call(scopes, layers, weights, x);
  }

  /**
   * The forward pass in given scopes: a graph that made {@code dense/} for the layer's variables
   * passes that scope (TF Java makes {@code dense_1} of a second {@code withSubScope("dense")}).
   *
   * @param scopes one per layer
   * @param layers the attached layers, in order
   * @param weights float32 {@code [kernel, bias]} per layer, in model order
   * @param x float32 [batch, inputDim]
   * @return the output and, for a sigmoid output layer, its logits
   * @see #call(Ops, List, List, Operand)
   */
  public static Prediction call(List<Ops> scopes, List<Dense> layers,
      List<? extends Operand<TFloat32>> weights, Operand<TFloat32> x) {
    if (weights.size() != 2 * layers.size() || scopes.size() != layers.size()) {
      throw new IllegalArgumentException("predict_step: expected " + 2 * layers.size()
          + " weights (kernel and bias per layer) and " + layers.size() + " scopes, found "
          + weights.size() + " and " + scopes.size());
    }
    Operand<TFloat32> h = x;
    Operand<TFloat32> logits = null;
    for (int i = 0; i < layers.size(); i++) {
      Dense d = layers.get(i);
      Ops scope = scopes.get(i);
      Operand<TFloat32> pre = d.preActivation(scope, h, weights.get(2 * i), weights.get(2 * i + 1));
      h = d.activation().apply(scope, pre);
      logits = d.activation() == Activation.SIGMOID ? pre : null;
    }
    return new Prediction(h, logits);
  }
}
