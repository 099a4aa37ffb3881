package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Adam through TensorFlow's fused {@code ApplyAdam} kernel, as tensorflow-framework and tf.keras 2's
 * legacy Adam run it, with the framework 1.1.0 race fixed: the beta powers are read by every
 * ApplyAdam and only then multiplied by beta.
 *
 * <p>It differs from Keras 3 ({@link Adam}) in the last bits: the kernel computes {@code 1 - beta}
 * in float32 and the powers are running products. Kept to measure that gap; {@link Adam} is the
 * default.
 */
public final class FusedAdam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private Variable<TFloat32> beta1Power;
  private Variable<TFloat32> beta2Power;

  /** Keras 3 defaults: lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7. */
  public FusedAdam(double learningRate) {
    this(learningRate, Adam.BETA_ONE_DEFAULT, Adam.BETA_TWO_DEFAULT, Adam.EPSILON_DEFAULT);
  }

  /**
   * @throws IllegalArgumentException if a value is out of range
   */
  public FusedAdam(double learningRate, double beta1, double beta2, double epsilon) {
    super(learningRate);
    Adam.checkBeta("beta_1", beta1);
    Adam.checkBeta("beta_2", beta2);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  @Override
  public String kerasName() {
    return "adam";
  }

  /** {@code [momentum, velocity]}, as Adam; the beta powers are extra state Keras does not have. */
  @Override
  public List<String> slotNames() {
    return List.of("momentum", "velocity");
  }

  @Override
  protected Op update(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad) {
    if (beta1Power == null) {
      beta1Power = tf.withName("beta1_power").variable(tf.withInitScope().constant((float) beta1));
      beta2Power = tf.withName("beta2_power").variable(tf.withInitScope().constant((float) beta2));
    }
    Variable<TFloat32> m = zerosSlot(tf, var.op().name(), var.shape(), "momentum");
    Variable<TFloat32> v = zerosSlot(tf, var.op().name(), var.shape(), "velocity");
    Op apply =
        tf.train.applyAdam(
            var,
            m,
            v,
            beta1Power,
            beta2Power,
            learningRateOperand(),
            tf.constant((float) beta1),
            tf.constant((float) beta2),
            tf.constant((float) epsilon),
            grad);
    return apply;
  }

  // Framework 1.1.0 ran these without waiting for ApplyAdam: the race this class fixes.
  @Override
  protected Op finish(Ops tf) {
    Op a = tf.assign(beta1Power, tf.math.mul(beta1Power, tf.constant((float) beta1)));
    Op b = tf.assign(beta2Power, tf.math.mul(beta2Power, tf.constant((float) beta2)));
    return tf.withControlDependencies(List.of(a, b)).noOp();
  }
}
