package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
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
  private Operand<TFloat32> alpha;
  private Operand<TFloat32> oneMinusBeta1;
  private Operand<TFloat32> oneMinusBeta2;
  private Operand<TFloat32> epsilonHat;

  /** Adam with all Keras 3 defaults. */
  public Adam() {
    this(LEARNING_RATE_DEFAULT);
  }

  /** Adam with a learning rate and Keras 3's other defaults. */
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

  /** Keras's {@code beta_1}, as given (a double, as Keras keeps it in Python). */
  public double beta1() {
    return beta1;
  }

  /** Keras's {@code beta_2}, as given. */
  public double beta2() {
    return beta2;
  }

  /** Keras's {@code epsilon}, as given. */
  public double epsilon() {
    return epsilon;
  }

  /** {@code [momentum, velocity]}, as Keras's {@code build} creates them. */
  @Override
  public List<String> slotNames() {
    return List.of("momentum", "velocity");
  }

  @Override
  protected boolean elementwise() {
    return true;
  }

  @Override
  protected Operand<TFloat32> delta(Ops tf, Operand<TFloat32> grad, String name, Shape shape) {
    if (alpha == null) {
      // Keras computes these per variable; the values are identical, so build them once.
      Operand<TFloat32> t = localStep(tf);
      Operand<TFloat32> one = tf.constant(1f);
      Operand<TFloat32> beta1Power = tf.math.pow(tf.constant((float) beta1), t);
      Operand<TFloat32> beta2Power = tf.math.pow(tf.constant((float) beta2), t);
      alpha =
          tf.math.div(
              tf.math.mul(learningRateOperand(), tf.math.sqrt(tf.math.sub(one, beta2Power))),
              tf.math.sub(one, beta1Power));
      oneMinusBeta1 = tf.constant(oneMinus(beta1));
      oneMinusBeta2 = tf.constant(oneMinus(beta2));
      epsilonHat = tf.constant((float) epsilon);
    }
    Variable<TFloat32> m = zerosSlot(tf, name, shape, "momentum");
    Variable<TFloat32> v = zerosSlot(tf, name, shape, "velocity");
    Operand<TFloat32> mNew = tf.assignAdd(m, tf.math.mul(tf.math.sub(grad, m), oneMinusBeta1));
    Operand<TFloat32> vNew =
        tf.assignAdd(v, tf.math.mul(tf.math.sub(tf.math.square(grad), v), oneMinusBeta2));
    return tf.math.div(tf.math.mul(mNew, alpha), tf.math.add(tf.math.sqrt(vNew), epsilonHat));
  }
}
