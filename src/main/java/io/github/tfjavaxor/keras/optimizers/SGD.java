package io.github.tfjavaxor.keras.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Plain gradient descent, {@code var -= g * lr}; mirrors {@code keras.optimizers.SGD} with its
 * default {@code momentum=0}.
 *
 * <p>Example: lr 0.01 and gradient 0.5 move a weight by -0.005.
 */
public final class SGD extends Optimizer {
  /** Keras 3 default learning rate. */
  public static final double LEARNING_RATE_DEFAULT = 0.01;

  /** SGD with Keras 3's default learning rate. */
  public SGD() {
    this(LEARNING_RATE_DEFAULT);
  }

  /**
   * @param learningRate &gt; 0
   * @throws IllegalArgumentException if the learning rate is out of range
   */
  public SGD(double learningRate) {
    super(learningRate);
  }

  @Override
  public String kerasName() {
    return "sgd";
  }

  @Override
  protected Op update(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad) {
    return tf.assignSub(var, tf.math.mul(grad, tf.constant(learningRate())));
  }
}
