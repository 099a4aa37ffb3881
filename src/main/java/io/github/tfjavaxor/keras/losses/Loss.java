package io.github.tfjavaxor.keras.losses;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras losses with Keras 3's reduction, {@code "sum_over_batch_size"}: per-sample values (the mean
 * over the last axis) are summed and divided by the number of samples; mirrors {@code
 * keras.losses.mean_squared_error} etc. and {@code keras/src/losses/loss.py reduce_values}.
 *
 * <p>Names are looked up as Keras 3's {@code keras.losses.get} and {@code compile_utils.get_loss}
 * look them up: the function name ({@code mean_squared_error}), the class name ({@code
 * MeanSquaredError}) and the aliases {@code mse/MSE}, {@code mae/MAE}, {@code bce/BCE}, exactly;
 * {@code crossentropy} and {@code ce} in any case mean binary_crossentropy for one output unit
 * ({@link #get(String, long)}).
 *
 * <p>Example: {@code y = [[0],[1],[1],[0]]}, {@code p = [[.1],[.6],[.8],[.3]]}: mean_squared_error =
 * (0.01 + 0.16 + 0.04 + 0.09) / 4 = 0.075.
 */
public enum Loss {
  /** {@code mean((y - p)^2, axis=-1)}. */
  MEAN_SQUARED_ERROR("mean_squared_error", "MeanSquaredError", "mse", "MSE"),
  /** {@code mean(|y - p|, axis=-1)}. */
  MEAN_ABSOLUTE_ERROR("mean_absolute_error", "MeanAbsoluteError", "mae", "MAE"),
  /**
   * {@code mean(-(y log p + (1-y) log(1-p)), axis=-1)}. As in Keras, when the output layer is a
   * sigmoid the loss is computed from its logits ({@code sigmoid_cross_entropy_with_logits}); any
   * other output is clipped to [1e-7, 1 - 1e-7] first.
   */
  BINARY_CROSSENTROPY("binary_crossentropy", "BinaryCrossentropy", "bce", "BCE");

  /** Keras's {@code backend.epsilon()}, used to clip probabilities. */
  public static final float EPSILON = 1e-7f;

  private final String kerasName;
  private final List<String> names;

  Loss(String kerasName, String... aliases) {
    this.kerasName = kerasName;
    this.names = List.of(aliases);
  }

  /** {@return the Keras function's name, e.g. {@code mean_squared_error}} */
  public String kerasName() {
    return kerasName;
  }

  /** {@return the Keras class name, e.g. {@code MeanSquaredError}} */
  public String className() {
    return names.get(0);
  }

  /**
   * Per-sample loss values.
   *
   * @param tf the graph's ops
   * @param yTrue float32 [batch, units], or [models, batch, units] for stacked models
   * @param yPred float32, the model output, yTrue's shape
   * @param sigmoidLogits the output layer's pre-activation if its activation is sigmoid, else
   *     null; only binary_crossentropy uses it
   * @return float32 [batch] (stacked: [models, batch])
   */
  public Operand<TFloat32> perSample(
      Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, Operand<TFloat32> sigmoidLogits) {
    Operand<TFloat32> elementwise;
    switch (this) {
      case MEAN_SQUARED_ERROR:
        elementwise = tf.math.square(tf.math.sub(yTrue, yPred));
        break;
      case MEAN_ABSOLUTE_ERROR:
        elementwise = tf.math.abs(tf.math.sub(yTrue, yPred));
        break;
      case BINARY_CROSSENTROPY:
        elementwise =
            sigmoidLogits != null
                ? sigmoidCrossEntropyWithLogits(tf, yTrue, sigmoidLogits)
                : clippedCrossEntropy(tf, yTrue, yPred);
        break;
      default:
        throw new AssertionError(this);
    }
    return meanOverLastAxis(tf, elementwise);
  }

  /**
   * {@code mean(x, axis=-1)}, as Keras reduces per-sample values. When the last axis has size 1 the
   * mean is the value itself, bit for bit, so it is a Squeeze: same values and gradients, but the
   * gradient needs no dynamic-shape arithmetic (about 15 fewer ops per training step).
   *
   * @param x float32 [batch, units] (or [models, batch, units])
   * @param tf the graph's ops
   * @return float32 [batch] (or [models, batch])
   */
  public static Operand<TFloat32> meanOverLastAxis(Ops tf, Operand<TFloat32> x) {
    int rank = x.shape().numDimensions();
    if (rank >= 2 && x.shape().get(rank - 1) == 1) {
      return tf.squeeze(x, org.tensorflow.op.core.Squeeze.axis(-1L));
    }
    return tf.math.mean(x, tf.constant(-1));
  }

  /**
   * Keras's {@code sum_over_batch_size} reduction: {@code divide_no_nan(sum(values), size)}.
   *
   * @param values float32 [batch], or [models, batch] for stacked models
   * @param tf the graph's ops
   * @return float32 scalar, or [models]
   */
  public static Operand<TFloat32> sumOverBatchSize(Ops tf, Operand<TFloat32> values) {
    if (values.shape().numDimensions() == 2) {
      return tf.math.divNoNan(tf.reduceSum(values, tf.constant(1)), tf.dtypes.cast(
          tf.gather(tf.shape(values), tf.constant(1), tf.constant(0)), TFloat32.class));
    }
    return tf.math.divNoNan(
        tf.reduceSum(values, tf.constant(0)), tf.dtypes.cast(tf.size(values), TFloat32.class));
  }

  /**
   * The batch loss, {@link #perSample} reduced by {@link #sumOverBatchSize}; mirrors Keras's {@code
   * Loss.__call__}.
   *
   * @param tf the graph's ops
   * @param yTrue float32 [batch, units], or [models, batch, units] for stacked models
   * @param yPred float32, the model output, yTrue's shape
   * @param sigmoidLogits the output layer's pre-activation if its activation is sigmoid, else null
   * @return float32 scalar, or [models] for stacked models
   */
  public Operand<TFloat32> call(
      Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred, Operand<TFloat32> sigmoidLogits) {
    return sumOverBatchSize(tf, perSample(tf, yTrue, yPred, sigmoidLogits));
  }

  /**
   * {@code tf.nn.sigmoid_cross_entropy_with_logits} (tensorflow/python/ops/nn_impl.py), which Keras's
   * TF backend calls on a sigmoid's logits: {@code relu(x) - x*z + log1p(exp(-|x|))} with {@code
   * cond = x >= 0}, {@code relu(x) = where(cond, x, 0)}, {@code -|x| = where(cond, -x, x)}: the
   * same ops in the same order and float32, hence the same loss values (TF Java's {@code select} is
   * SelectV2, Keras's graph has Select: identical for equal shapes).
   *
   * <p>One extra Neg, for the gradient: {@code relu(x)} selects {@code -(-x)}, exactly {@code x},
   * from the {@code -x} that {@code -|x|} uses. In Keras's graph four gradient terms reach {@code
   * x} and one AddN sums them. Grappler (common-subgraph elimination, CanonicalizeNode) sorts an
   * AddN's inputs by node name before it runs, and the names differ: Python's GradientTape gives
   * {@code .../logistic_loss/Neg, Select, Select_3, mul/Reshape}, so Keras computes {@code
   * ((negAbs'_then + relu') + negAbs'_else) + mul'}; TF Java's C++ gradient builder gives {@code
   * Gradients/Negate_2, Reshape_8, ...}, which sorted into another order (2 ulps on a logit's
   * gradient at the first step, 6e-8 on the loss later). With the extra Neg, {@code relu'} and
   * {@code negAbs'_then} meet first, in a two-input sum at {@code -x}; of the three terms left at
   * {@code x} one of the first two is always 0 (the select branch not taken), so every order gives
   * Keras's bits. See docs/development/parity.md.
   */
  private static Operand<TFloat32> sigmoidCrossEntropyWithLogits(
      Ops tf, Operand<TFloat32> labels, Operand<TFloat32> logits) {
    Operand<TFloat32> zeros = tf.zerosLike(logits);
    Operand<org.tensorflow.types.TBool> cond = tf.math.greaterEqual(logits, zeros);
    Operand<TFloat32> negLogits = tf.math.neg(logits);
    Operand<TFloat32> reluLogits = tf.select(cond, tf.math.neg(negLogits), zeros);
    Operand<TFloat32> negAbsLogits = tf.select(cond, negLogits, logits);
    return tf.math.add(
        tf.math.sub(reluLogits, tf.math.mul(logits, labels)),
        tf.math.log1p(tf.math.exp(negAbsLogits)));
  }

  // keras/src/backend/tensorflow/nn.py binary_crossentropy without logits.
  private static Operand<TFloat32> clippedCrossEntropy(
      Ops tf, Operand<TFloat32> target, Operand<TFloat32> output) {
    Operand<TFloat32> clipped =
        tf.clipByValue(output, tf.constant(EPSILON), tf.constant(1f - EPSILON));
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> bce = tf.math.mul(target, tf.math.log(clipped));
    bce =
        tf.math.add(
            bce, tf.math.mul(tf.math.sub(one, target), tf.math.log(tf.math.sub(one, clipped))));
    return tf.math.neg(bce);
  }

  /**
   * Looks a loss up as Keras's {@code compile(loss=...)} does, before the output is known: a
   * function name, class name or alias, exactly; {@code crossentropy}/{@code ce} in any case give
   * binary_crossentropy, which {@link #get(String, long)} confirms for the output.
   *
   * @param name a Keras loss name or alias, e.g. {@code mse}
   * @return the loss
   * @throws IllegalArgumentException if Keras would not take the name or the port lacks it
   */
  public static Loss get(String name) {
    if (name != null) {
      if (resolvesByShape(name)) {
        return BINARY_CROSSENTROPY;
      }
      for (Loss l : values()) {
        if (l.kerasName.equals(name) || l.names.contains(name)) {
          return l;
        }
      }
    }
    throw new IllegalArgumentException("loss: unknown name '" + name + "'; expected one of "
        + names());
  }

  /**
   * {@link #get(String)} for a model with {@code units} output units: Keras's {@code get_loss}
   * gives {@code crossentropy} binary_crossentropy only when {@code y_pred.shape[-1] == 1}, else
   * categorical_crossentropy, which the port does not have.
   *
   * @param name a Keras loss name or alias
   * @param units the model's output units
   * @return the loss
   * @throws IllegalArgumentException for an unknown name, or crossentropy with units != 1
   */
  public static Loss get(String name, long units) {
    Loss loss = get(name);
    if (resolvesByShape(name) && units != 1) {
      throw new IllegalArgumentException("loss: '" + name + "' on " + units + " output units is"
          + " categorical_crossentropy in Keras (binary_crossentropy only for one unit), which the"
          + " port does not have; expected one of " + names());
    }
    return loss;
  }

  /**
   * Whether Keras resolves the name by the output's shape: {@code crossentropy}, {@code ce}.
   *
   * @param name a loss name as written, non-null
   * @return true for {@code crossentropy} or {@code ce}, any case
   */
  public static boolean resolvesByShape(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.equals("crossentropy") || lower.equals("ce");
  }

  /** {@return all supported Keras function names, comma-separated} */
  public static String names() {
    return Arrays.stream(values()).map(Loss::kerasName).collect(Collectors.joining(", "));
  }
}
