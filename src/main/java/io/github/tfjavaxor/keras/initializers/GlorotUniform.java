package io.github.tfjavaxor.keras.initializers;

import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.RandomUniform;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras's default kernel initializer: U(-limit, limit) with {@code limit = sqrt(6 / (fanIn +
 * fanOut))}; mirrors {@code keras.initializers.GlorotUniform}.
 *
 * <p>Why not {@code org.tensorflow.framework.initializers.Glorot(UNIFORM)}: in tensorflow-framework
 * 1.1.0 it scales a [0, 1) draw, so every weight is non-negative (see {@code
 * docs/development/framework-defects.md}). This class draws from the framework's {@link RandomUniform} with
 * explicit bounds instead, which is symmetric and stateless (the same seed gives the same values).
 *
 * <p>Example: a [2, 16] kernel has {@code limit = sqrt(6/18) = 0.5773503}; a [16, 1] kernel has
 * {@code sqrt(6/17) = 0.5940885}.
 */
public final class GlorotUniform {

  private GlorotUniform() {}

  /**
   * The bound of the uniform draw.
   *
   * @param fanIn rows of the kernel (input units), &gt; 0
   * @param fanOut columns of the kernel (output units), &gt; 0
   * @return {@code sqrt(6 / (fanIn + fanOut))}
   * @throws IllegalArgumentException if a fan is not positive
   */
  public static double limit(long fanIn, long fanOut) {
    if (fanIn <= 0 || fanOut <= 0) {
      throw new IllegalArgumentException(
          "GlorotUniform: fans must be positive, found fanIn=" + fanIn + ", fanOut=" + fanOut);
    }
    return Math.sqrt(6.0 / (fanIn + fanOut));
  }

  /**
   * Builds the op that draws a kernel.
   *
   * @param tf the graph's ops (use the init scope for variable initial values)
   * @param fanIn kernel rows
   * @param fanOut kernel columns
   * @param seed op-level seed; give each kernel its own, see {@link Seeds#forLayer}
   * @return float32 [fanIn, fanOut], values in [-limit, limit)
   */
  public static Operand<TFloat32> call(Ops tf, long fanIn, long fanOut, long seed) {
    double limit = limit(fanIn, fanOut);
    return new RandomUniform<TFloat32>(-limit, limit, seed)
        .call(tf, tf.constant(Shape.of(fanIn, fanOut)), TFloat32.class);
  }
}
