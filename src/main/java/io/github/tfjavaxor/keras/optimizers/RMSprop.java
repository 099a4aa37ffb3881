package io.github.tfjavaxor.keras.optimizers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * RMSprop as Keras 3 writes it ({@code keras/src/optimizers/rmsprop.py}, {@code centered=False},
 * {@code momentum=0}):
 *
 * <pre>
 * v    = rho * v + (1 - rho) * g^2
 * var -= lr * g / sqrt(v + epsilon)      // epsilon inside the root, unlike Adam
 * </pre>
 */
public final class RMSprop extends Optimizer {
  /** Keras 3 default learning rate. */
  public static final double LEARNING_RATE_DEFAULT = 0.001;
  /** Keras 3 default {@code rho}. */
  public static final double RHO_DEFAULT = 0.9;
  /** Keras 3 default {@code epsilon}. */
  public static final double EPSILON_DEFAULT = 1e-7;

  private final double rho;
  private final double epsilon;

  /** RMSprop with Keras 3's defaults. */
  public RMSprop() {
    this(LEARNING_RATE_DEFAULT);
  }

  /**
   * RMSprop with a learning rate and Keras 3's other defaults.
   *
   * @param learningRate &gt; 0 and finite
   */
  public RMSprop(double learningRate) {
    this(learningRate, RHO_DEFAULT, EPSILON_DEFAULT);
  }

  /**
   * RMSprop with every hyperparameter given (no momentum, not centered).
   *
   * @param learningRate &gt; 0 and finite
   * @param rho the moving average's discount, in [0, 1)
   * @param epsilon added to v inside the square root
   * @throws IllegalArgumentException if a value is out of range
   */
  public RMSprop(double learningRate, double rho, double epsilon) {
    super(learningRate);
    Adam.checkBeta("rho", rho);
    this.rho = rho;
    this.epsilon = epsilon;
  }

  @Override
  public String kerasName() {
    return "rmsprop";
  }

  /** {@code rm_sprop}: Keras's snake case of the class name. */
  @Override
  public String kerasObjectName() {
    return "rm_sprop";
  }

  /** {@return Keras's {@code rho}, as given} */
  public double rho() {
    return rho;
  }

  /** {@return Keras's {@code epsilon}, as given} */
  public double epsilon() {
    return epsilon;
  }

  /** {@code [velocity]} ({@code momentum=0}, {@code centered=False}). */
  @Override
  public List<String> slotNames() {
    return List.of("velocity");
  }

  /**
   * False: one update per variable, as Keras runs it. Grappler rewrites {@code g / sqrt(v + eps)}
   * into {@code g * rsqrt(v + eps)}, and TF's Rsqrt kernel rounds an element differently in a
   * vectorised packet than in the scalar remainder, so packing all variables into one vector
   * changed which elements took which path (1-ulp differences from Keras; docs/development/parity.md).
   */
  @Override
  boolean elementwise() {
    return false;
  }

  @Override
  Update update(Ops tf, Operand<TFloat32> grad, List<Operand<TFloat32>> slots,
      List<Operand<TFloat32>> coefficients) {
    Operand<TFloat32> vNew = tf.math.add(tf.math.mul(tf.constant((float) rho), slots.get(0)),
        tf.math.mul(tf.constant(oneMinus(rho)), tf.math.square(grad)));
    Operand<TFloat32> delta = tf.math.div(tf.math.mul(coefficients.get(0), grad),
        tf.math.sqrt(tf.math.add(vNew, tf.constant((float) epsilon))));
    return new Update(delta, List.of(vNew));
  }
}
