package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
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
  private final List<Op> applied = new ArrayList<>();
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

  @Override
  protected Op update(Ops tf, Variable<TFloat32> var, Operand<TFloat32> grad) {
    if (beta1Power == null) {
      beta1Power = tf.withName("beta1_power").variable(tf.withInitScope().constant((float) beta1));
      beta2Power = tf.withName("beta2_power").variable(tf.withInitScope().constant((float) beta2));
    }
    Variable<TFloat32> m = zerosSlot(tf, var, "momentum");
    Variable<TFloat32> v = zerosSlot(tf, var, "velocity");
    Op apply =
        tf.train.applyAdam(
            var,
            m,
            v,
            beta1Power,
            beta2Power,
            tf.constant(learningRate()),
            tf.constant((float) beta1),
            tf.constant((float) beta2),
            tf.constant((float) epsilon),
            grad);
    applied.add(apply);
    return apply;
  }

  /**
   * The op that advances the beta powers; it must run after every ApplyAdam of the step. Part of
   * the train op returned by {@link #minimizeFused}.
   */
  private Op advancePowers(Ops tf) {
    Ops after = tf.withControlDependencies(applied);
    Op a = after.assign(beta1Power, after.math.mul(beta1Power, after.constant((float) beta1)));
    Op b = after.assign(beta2Power, after.math.mul(beta2Power, after.constant((float) beta2)));
    return tf.withControlDependencies(List.of(a, b)).noOp();
  }

  /**
   * Builds the step: {@link #minimize} plus the ordered beta-power update.
   *
   * @return the train op
   */
  public Op minimizeFused(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    Op step = minimize(tf, loss, vars);
    Op powers = advancePowers(tf);
    return tf.withControlDependencies(List.of(step, powers)).noOp();
  }
}
