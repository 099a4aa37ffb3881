package io.github.tfjavaxor.keras.optimizers;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
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
  protected boolean elementwise() {
    return true;
  }

  @Override
  protected Operand<TFloat32> delta(Ops tf, Operand<TFloat32> grad, String name, Shape shape) {
    return tf.math.mul(grad, tf.constant(learningRate()));
  }
}
