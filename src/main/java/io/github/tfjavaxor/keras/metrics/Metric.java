package io.github.tfjavaxor.keras.metrics;

import io.github.tfjavaxor.keras.losses.Loss;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras metrics that average a per-sample value over an epoch ({@code MeanMetricWrapper}): each
 * batch adds {@code sum(values)} to a total and its sample count to a count; the result is {@code
 * total / count}. The per-sample part runs in the graph; the running mean is a {@link MeanMetric}.
 *
 * <p>Why not {@code org.tensorflow.framework.metrics.BinaryAccuracy}: in tensorflow-framework 1.1.0
 * its count comes from the static shape, so with a [-1, 1] placeholder it adds -1 per update and
 * reports -3.0; and its 3-argument {@code updateState} silently means (values, weights). See {@code
 * docs/framework-defects.md}.
 *
 * <p>Example: y = [0, 1, 1, 0], p = [0.5, 0.51, 0.9, 0.2]: binary_accuracy = 3/4 = 0.75 (0.5 is
 * not &gt; 0.5, so it counts as class 0, which is right here; 0.51 counts as 1).
 */
public enum Metric {
  /** {@code mean(y == (p > threshold), axis=-1)} with threshold 0.5, strictly greater. */
  BINARY_ACCURACY("binary_accuracy", "binary_accuracy"),
  /** {@code mean((y - p)^2, axis=-1)}; alias {@code mse}. */
  MEAN_SQUARED_ERROR("mean_squared_error", "mse"),
  /** {@code mean(|y - p|, axis=-1)}; alias {@code mae}. */
  MEAN_ABSOLUTE_ERROR("mean_absolute_error", "mae");

  /** Keras's {@code BinaryAccuracy(threshold=0.5)}. */
  public static final float THRESHOLD_DEFAULT = 0.5f;

  private final String kerasName;
  private final String alias;

  Metric(String kerasName, String alias) {
    this.kerasName = kerasName;
    this.alias = alias;
  }

  /** The name Keras logs and uses as the History key. */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Per-sample metric values.
   *
   * @param yTrue float32 [batch, units]
   * @param yPred float32 [batch, units]
   * @return float32 [batch]
   */
  public Operand<TFloat32> perSample(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    switch (this) {
      case BINARY_ACCURACY:
        Operand<TFloat32> predictedClass =
            tf.dtypes.cast(
                tf.math.greater(yPred, tf.constant(THRESHOLD_DEFAULT)), TFloat32.class);
        return Loss.meanOverLastAxis(
            tf, tf.dtypes.cast(tf.math.equal(yTrue, predictedClass), TFloat32.class));
      case MEAN_SQUARED_ERROR:
        // As Keras's metric, the loss function's per-sample values.
        return Loss.MEAN_SQUARED_ERROR.perSample(tf, yTrue, yPred, null);
      case MEAN_ABSOLUTE_ERROR:
        return Loss.MEAN_ABSOLUTE_ERROR.perSample(tf, yTrue, yPred, null);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * The batch's contribution to the running total: {@code sum(perSample)} over the batch axis.
   *
   * @param yTrue float32 [batch, units], or [models, batch, units] for stacked models
   * @return float32 scalar (stacked: [models])
   */
  public Operand<TFloat32> batchTotal(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred) {
    return tf.reduceSum(perSample(tf, yTrue, yPred),
        tf.constant(yTrue.shape().numDimensions() - 2));
  }

  /**
   * Looks a metric up by its Keras name or alias ({@code "binary_accuracy"}, {@code "mse"}, ...).
   *
   * @throws IllegalArgumentException if the name is unknown
   */
  public static Metric get(String name) {
    if (name != null) {
      String key = name.trim().toLowerCase(Locale.ROOT);
      for (Metric m : values()) {
        if (m.kerasName.equals(key) || m.alias.equals(key)) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException(
        "metrics: unknown name '" + name + "'; expected one of " + names());
  }

  /** All supported Keras names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Metric::kerasName).collect(Collectors.joining(", "));
  }
}
