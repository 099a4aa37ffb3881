package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Gradient descent with optional momentum; mirrors {@code keras/src/optimizers/sgd.py update_step}
 * in float32, operation for operation:
 *
 * <pre>
 * momentum == 0:  var -= g * lr
 * momentum  > 0:  m = m * momentum - g * lr;  var += m                       (one slot, momentum)
 * nesterov:       m = m * momentum - g * lr;  var += m * momentum - g * lr
 * </pre>
 *
 * {@code momentum} is cast to float32 as Keras casts it. The port subtracts {@code -m} where Keras
 * adds {@code m}; negation is exact, so the bits are the same.
 *
 * <p>Example: lr 0.01 and gradient 0.5 move a weight by -0.005; with momentum 0.9 the second step
 * of the same gradient moves it by 0.9 * -0.005 - 0.005 = -0.0095.
 */
public final class SGD extends Optimizer {
  /** Keras 3 default learning rate. */
  public static final double LEARNING_RATE_DEFAULT = 0.01;
  /** Keras 3 default {@code momentum}: plain gradient descent. */
  public static final double MOMENTUM_DEFAULT = 0.0;
  /** Keras 3 default {@code nesterov}. */
  public static final boolean NESTEROV_DEFAULT = false;

  private final double momentum;
  private final boolean nesterov;

  /** SGD with Keras 3's defaults. */
  public SGD() {
    this(LEARNING_RATE_DEFAULT);
  }

  /**
   * SGD with a learning rate and no momentum.
   *
   * @param learningRate &gt; 0 and finite
   */
  public SGD(double learningRate) {
    this(learningRate, MOMENTUM_DEFAULT, NESTEROV_DEFAULT);
  }

  /**
   * @param learningRate &gt; 0
   * @param momentum in [0, 1], as Keras requires
   * @param nesterov Nesterov momentum (no effect when {@code momentum} is 0, as in Keras)
   * @throws IllegalArgumentException if a value is out of range
   */
  public SGD(double learningRate, double momentum, boolean nesterov) {
    super(learningRate);
    if (!(momentum >= 0 && momentum <= 1)) {
      throw new IllegalArgumentException(
          "momentum: expected a number in [0, 1], found " + momentum);
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  public String kerasName() {
    return "sgd";
  }

  /** {@return Keras's {@code momentum}, as given} */
  public double momentum() {
    return momentum;
  }

  /** {@return Keras's {@code nesterov}} */
  public boolean nesterov() {
    return nesterov;
  }

  /** {@code [momentum]} if momentum is not 0 (Keras's {@code build}), else none. */
  @Override
  public List<String> slotNames() {
    return momentum != 0 ? List.of("momentum") : List.of();
  }

  @Override
  boolean elementwise() {
    return true;
  }

  @Override
  Update update(Ops tf, Operand<TFloat32> grad, List<Operand<TFloat32>> slots,
      List<Operand<TFloat32>> coefficients) {
    Operand<TFloat32> step = tf.math.mul(grad, coefficients.get(0));
    if (momentum == 0) {
      return new Update(step, List.of());
    }
    Operand<TFloat32> mom = tf.constant((float) momentum);
    Operand<TFloat32> mNew = tf.math.sub(tf.math.mul(slots.get(0), mom), step);
    Operand<TFloat32> delta =
        tf.math.neg(nesterov ? tf.math.sub(tf.math.mul(mNew, mom), step) : mNew);
    return new Update(delta, List.of(mNew));
  }
}
