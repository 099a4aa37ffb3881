package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adam as TensorFlow's fused {@code ApplyAdam} kernel computes it (tensorflow-framework's and
 * tf.keras 2's legacy Adam), written as the kernel's own float32 expressions so that it is a pure
 * step like the others; {@code OptimizerStepTest} pins it to the kernel, bit for bit. The beta
 * powers are state, read by every weight's update and only then multiplied by beta (framework
 * 1.1.0 raced them):
 *
 * <pre>
 * alpha = lr * sqrt(1 - beta2_power) / (1 - beta1_power)
 * m    += (g - m) * (1f - beta1)        // 1 - beta in float32: 0.100000024f, not Keras's 0.1f
 * v    += (g*g - v) * (1f - beta2)
 * var  -= (m * alpha) / (sqrt(v) + epsilon)
 * beta1_power *= beta1;  beta2_power *= beta2
 * </pre>
 *
 * <p>It differs from Keras 3 ({@link Adam}) in the last bits: {@code 1 - beta} in float32 and
 * the powers as running products. Kept to measure that gap; {@link Adam} is the default.
 */
public final class FusedAdam extends Optimizer {
  private final double beta1;
  private final double beta2;
  private final double epsilon;

  /**
   * Keras 3 defaults: lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7.
   *
   * @param learningRate &gt; 0 and finite
   */
  public FusedAdam(double learningRate) {
    this(learningRate, Adam.BETA_ONE_DEFAULT, Adam.BETA_TWO_DEFAULT, Adam.EPSILON_DEFAULT);
  }

  /**
   * FusedAdam with every hyperparameter given.
   *
   * @param learningRate &gt; 0 and finite
   * @param beta1 in [0, 1)
   * @param beta2 in [0, 1)
   * @param epsilon added to {@code sqrt(v)} in the denominator
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

  /** Per weight, as ApplyAdam runs once per variable. */
  @Override
  boolean elementwise() {
    return false;
  }

  /** {@code beta1_power} and {@code beta2_power}, starting at beta_1 and beta_2. */
  @Override
  List<StateVariable> extraVariables() {
    return List.of(new StateVariable("beta1_power", Shape.scalar(), false, (float) beta1),
        new StateVariable("beta2_power", Shape.scalar(), false, (float) beta2));
  }

  /** The powers advance once every weight has read them (the race framework 1.1.0 had). */
  @Override
  List<Operand<TFloat32>> nextExtra(Ops tf, List<Operand<TFloat32>> extra) {
    return List.of(tf.math.mul(extra.get(0), tf.constant((float) beta1)),
        tf.math.mul(extra.get(1), tf.constant((float) beta2)));
  }

  /** {@code [alpha = lr * sqrt(1 - beta2_power) / (1 - beta1_power)]}, the kernel's scalar. */
  @Override
  List<Operand<TFloat32>> coefficients(Ops tf, Operand<TFloat32> learningRate,
      Operand<TFloat32> localStep, List<Operand<TFloat32>> extra) {
    Operand<TFloat32> one = tf.constant(1f);
    return List.of(tf.math.div(
        tf.math.mul(learningRate, tf.math.sqrt(tf.math.sub(one, extra.get(1)))),
        tf.math.sub(one, extra.get(0))));
  }

  /** The kernel's {@code m += (g - m) * (1 - beta1)}, with {@code 1 - beta1} in float32. */
  @Override
  Update update(Ops tf, Operand<TFloat32> grad, List<Operand<TFloat32>> slots,
      List<Operand<TFloat32>> coefficients) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> m = slots.get(0);
    Operand<TFloat32> v = slots.get(1);
    Operand<TFloat32> mNew = tf.math.add(m, tf.math.mul(tf.math.sub(grad, m),
        tf.math.sub(one, tf.constant((float) beta1))));
    Operand<TFloat32> vNew = tf.math.add(v, tf.math.mul(tf.math.sub(tf.math.square(grad), v),
        tf.math.sub(one, tf.constant((float) beta2))));
    Operand<TFloat32> delta = tf.math.div(tf.math.mul(mNew, coefficients.get(0)),
        tf.math.add(tf.math.sqrt(vNew), tf.constant((float) epsilon)));
    return new Update(delta, List.of(mNew, vNew));
  }
}
