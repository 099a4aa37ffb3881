package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Adam with Keras 3's update, written from raw ops so every rounding matches {@code
 * keras/src/optimizers/adam.py update_step}:
 *
 * <pre>
 * t     = float32(iterations + 1)
 * alpha = lr * sqrt(1 - 0.999f^t) / (1 - 0.9f^t)
 * m    += (g - m) * 0.1f            // float32(1 - 0.9 computed in double)
 * v    += (g*g - v) * 0.001f        // float32(1 - 0.999 computed in double)
 * var  -= (m * alpha) / (sqrt(v) + 1e-7f)
 * </pre>
 *
 * <p>Why not {@code org.tensorflow.framework.optimizers.Adam}: its epsilon defaults to 1e-8, its
 * fused {@code ApplyAdam} computes {@code 1 - beta} in float32 (0.100000024f, not 0.1f), it keeps
 * beta powers as running products, and in 1.1.0 their update races the ApplyAdam ops, so runs are
 * not reproducible. {@link FusedAdam} keeps the fused op with the race fixed, for comparison.
 *
 * <p>Example, first step with a gradient of 0.5: m = 0.05, v = 0.00025, alpha = 0.001 *
 * sqrt(0.001) / 0.1 = 3.1623e-4, so the weight moves by m * alpha / (sqrt(v) + 1e-7) ≈ 0.001 (= lr).
 */
public final class Adam extends Optimizer {
  /** Keras 3 default learning rate. */
  public static final double LEARNING_RATE_DEFAULT = 0.001;
  /** Keras 3 default {@code beta_1}. */
  public static final double BETA_ONE_DEFAULT = 0.9;
  /** Keras 3 default {@code beta_2}. */
  public static final double BETA_TWO_DEFAULT = 0.999;
  /** Keras 3 default {@code epsilon} (TF Java's framework uses 1e-8). */
  public static final double EPSILON_DEFAULT = 1e-7;

  private final double beta1;
  private final double beta2;
  private final double epsilon;

  /** Adam with all Keras 3 defaults. */
  public Adam() {
    this(LEARNING_RATE_DEFAULT);
  }

  /**
   * Adam with a learning rate and Keras 3's other defaults.
   *
   * @param learningRate &gt; 0 and finite
   */
  public Adam(double learningRate) {
    this(learningRate, BETA_ONE_DEFAULT, BETA_TWO_DEFAULT, EPSILON_DEFAULT);
  }

  /**
   * @param learningRate &gt; 0
   * @param beta1 in [0, 1)
   * @param beta2 in [0, 1)
   * @param epsilon &gt;= 0
   * @throws IllegalArgumentException if a value is out of range
   */
  public Adam(double learningRate, double beta1, double beta2, double epsilon) {
    super(learningRate);
    checkBeta("beta_1", beta1);
    checkBeta("beta_2", beta2);
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("epsilon: expected a finite number >= 0, found " + epsilon);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  static void checkBeta(String name, double beta) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException(name + ": expected a number in [0, 1), found " + beta);
    }
  }

  @Override
  public String kerasName() {
    return "adam";
  }

  /** {@return Keras's {@code beta_1}, as given (a double, as Keras keeps it in Python)} */
  public double beta1() {
    return beta1;
  }

  /** {@return Keras's {@code beta_2}, as given} */
  public double beta2() {
    return beta2;
  }

  /** {@return Keras's {@code epsilon}, as given} */
  public double epsilon() {
    return epsilon;
  }

  /** {@code [momentum, velocity]}, as Keras's {@code build} creates them. */
  @Override
  public List<String> slotNames() {
    return List.of("momentum", "velocity");
  }

  @Override
  boolean elementwise() {
    return true;
  }

  /** {@code [alpha]}: Keras computes it per variable; the values are identical, so once. */
  @Override
  List<Operand<TFloat32>> coefficients(Ops tf, Operand<TFloat32> learningRate,
      Operand<TFloat32> localStep, List<Operand<TFloat32>> extra) {
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1), localStep);
    Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) beta2), localStep);
    return List.of(tf.math.div(
        tf.math.mul(learningRate, tf.math.sqrt(tf.math.sub(one, beta2Power))),
        tf.math.sub(one, beta1Power)));
  }

  @Override
  Update update(Ops tf, Operand<TFloat32> grad, List<Operand<TFloat32>> slots,
      List<Operand<TFloat32>> coefficients) {
    Operand<TFloat32> m = slots.get(0);
    Operand<TFloat32> v = slots.get(1);
    Operand<TFloat32> mNew =
        tf.math.add(m, tf.math.mul(tf.math.sub(grad, m), tf.constant(oneMinus(beta1))));
    Operand<TFloat32> vNew = tf.math.add(v,
        tf.math.mul(tf.math.sub(tf.math.square(grad), v), tf.constant(oneMinus(beta2))));
    Operand<TFloat32> delta = tf.math.div(tf.math.mul(mNew, coefficients.get(0)),
        tf.math.add(tf.math.sqrt(vNew), tf.constant((float) epsilon)));
    return new Update(delta, List.of(mNew, vNew));
  }
}
