package io.github.tfjavaxor.keras.metrics;

import io.github.tfjavaxor.keras.losses.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras metrics that average a per-sample value over an epoch ({@code MeanMetricWrapper}): each
 * batch adds {@code sum(values)} to a total and its sample count to a count; the result is {@code
 * total / count}. The per-sample part runs in the graph; the running mean is a {@link MeanMetric}.
 *
 * <p>Names are looked up as Keras 3 looks them up ({@code keras/src/metrics/__init__.py} {@code
 * get}, {@code keras/src/trainers/compile_utils.py} {@code get_metric}): the class name ({@code
 * BinaryAccuracy}), its snake_case ({@code binary_accuracy}) and the aliases {@code mse/MSE},
 * {@code mae/MAE}, {@code bce/BCE}, all case-sensitive; {@code accuracy} and {@code acc} in any
 * case are {@link #ACCURACY}, which Keras resolves by the output's shape.
 *
 * <p>Why not {@code org.tensorflow.framework.metrics.BinaryAccuracy}: in tensorflow-framework 1.1.0
 * its count comes from the static shape, so with a [-1, 1] placeholder it adds -1 per update and
 * reports -3.0; and its 3-argument {@code updateState} silently means (values, weights). See {@code
 * docs/development/framework-defects.md}.
 *
 * <p>Example: y = [0, 1, 1, 0], p = [0.5, 0.51, 0.9, 0.2]: binary_accuracy = 3/4 = 0.75 (0.5 is
 * not &gt; 0.5, so it counts as class 0, which is right here; 0.51 counts as 1).
 */
public enum Metric {
  /**
   * Keras's {@code "accuracy"} / {@code "acc"}: {@link #BINARY_ACCURACY} for one output unit, else
   * {@link #CATEGORICAL_ACCURACY} ({@code compile_utils.get_metric}, by {@code y_pred.shape[-1]});
   * the sparse case (one target column for several units) does not pass the port's shape checks.
   */
  ACCURACY("accuracy"),
  /** {@code mean(y == (p > threshold), axis=-1)} with threshold 0.5, strictly greater. */
  BINARY_ACCURACY("binary_accuracy", "BinaryAccuracy"),
  /** {@code argmax(y, -1) == argmax(p, -1)}, the first index on ties (TF's ArgMax). */
  CATEGORICAL_ACCURACY("categorical_accuracy", "CategoricalAccuracy"),
  /** {@code mean((y - p)^2, axis=-1)}. */
  MEAN_SQUARED_ERROR("mean_squared_error", "MeanSquaredError", "mse", "MSE"),
  /** {@code mean(|y - p|, axis=-1)}. */
  MEAN_ABSOLUTE_ERROR("mean_absolute_error", "MeanAbsoluteError", "mae", "MAE"),
  /** The loss's per-sample values, from the sigmoid's logits as Keras computes them there too. */
  BINARY_CROSSENTROPY("binary_crossentropy", "BinaryCrossentropy", "bce", "BCE");

  /** Keras's {@code BinaryAccuracy(threshold=0.5)}. */
  public static final float THRESHOLD_DEFAULT = 0.5f;

  private final String kerasName;
  private final List<String> names;

  Metric(String kerasName, String... aliases) {
    this.kerasName = kerasName;
    this.names = List.of(aliases);
  }

  /** The snake_case name: the Keras class's default metric name (the graph scope here). */
  public String kerasName() {
    return kerasName;
  }

  /** The Keras class name, e.g. {@code BinaryAccuracy}; null for {@link #ACCURACY}. */
  public String className() {
    return names.isEmpty() ? null : names.get(0);
  }

  /** Keras's {@code _direction == "up"}: larger is better (the accuracies); else "down". */
  public boolean increases() {
    return this == ACCURACY || this == BINARY_ACCURACY || this == CATEGORICAL_ACCURACY;
  }

  /**
   * The metric a logs key names, e.g. {@code val_acc} or {@code mse_1}: {@code val_} and a Keras
   * {@code _N} repeat suffix stripped, then {@link #get}; null if none.
   */
  public static Metric ofLogged(String key) {
    String name = key.startsWith("val_") ? key.substring(4) : key;
    for (String n : new String[] {name, name.replaceFirst("_[0-9]+$", "")}) {
      try {
        return get(n);
      } catch (IllegalArgumentException e) {
        // try the name without a repeat suffix
      }
    }
    return null;
  }

  /**
   * The metric Keras computes for {@code "accuracy"} on this output: this one for any other metric.
   *
   * @param units the output's last dimension, {@code y_pred.shape[-1]}
   */
  public Metric resolve(long units) {
    return this != ACCURACY ? this : units == 1 ? BINARY_ACCURACY : CATEGORICAL_ACCURACY;
  }

  /**
   * Per-sample metric values.
   *
   * @param yTrue float32 [..., units]
   * @param yPred float32 [..., units], the model output
   * @param sigmoidLogits the output layer's pre-activation if it is a sigmoid, else null; only
   *     binary_crossentropy uses it
   * @return float32 [...]: the last axis reduced
   */
  public Operand<TFloat32> perSample(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred,
      Operand<TFloat32> sigmoidLogits) {
    Metric m = resolve(yPred.shape().get(yPred.shape().numDimensions() - 1));
    switch (m) {
      case BINARY_ACCURACY:
        Operand<TFloat32> predictedClass =
            tf.dtypes.cast(
                tf.math.greater(yPred, tf.constant(THRESHOLD_DEFAULT)), TFloat32.class);
        return Loss.meanOverLastAxis(
            tf, tf.dtypes.cast(tf.math.equal(yTrue, predictedClass), TFloat32.class));
      case CATEGORICAL_ACCURACY:
        Operand<TInt64> axis = tf.constant(-1L);
        return tf.dtypes.cast(tf.math.equal(tf.math.argMax(yTrue, axis),
            tf.math.argMax(yPred, axis)), TFloat32.class);
      case MEAN_SQUARED_ERROR:
        // As Keras's metric, the loss function's per-sample values.
        return Loss.MEAN_SQUARED_ERROR.perSample(tf, yTrue, yPred, null);
      case MEAN_ABSOLUTE_ERROR:
        return Loss.MEAN_ABSOLUTE_ERROR.perSample(tf, yTrue, yPred, null);
      case BINARY_CROSSENTROPY:
        return Loss.BINARY_CROSSENTROPY.perSample(tf, yTrue, yPred, sigmoidLogits);
      default:
        throw new AssertionError(m);
    }
  }

  /**
   * The batch's contribution to the running total: {@code sum(perSample)} over the batch axis.
   *
   * @param yTrue float32 [batch, units], or [models, batch, units] for stacked models
   * @return float32 scalar (stacked: [models])
   */
  public Operand<TFloat32> batchTotal(Ops tf, Operand<TFloat32> yTrue, Operand<TFloat32> yPred,
      Operand<TFloat32> sigmoidLogits) {
    return tf.reduceSum(perSample(tf, yTrue, yPred, sigmoidLogits),
        tf.constant(yTrue.shape().numDimensions() - 2));
  }

  /**
   * Looks a metric up as Keras's {@code compile(metrics=[...])} does: {@code accuracy}/{@code acc}
   * in any case, else a class name, snake_case name or alias, exactly.
   *
   * @throws IllegalArgumentException if Keras would not take the name or the port lacks it
   */
  public static Metric get(String name) {
    if (name != null) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.equals("accuracy") || lower.equals("acc")) {
        return ACCURACY;
      }
      for (Metric m : values()) {
        if (m != ACCURACY && (m.kerasName.equals(name) || m.names.contains(name))) {
          return m;
        }
      }
    }
    throw new IllegalArgumentException(
        "metrics: unknown name '" + name + "'; expected one of " + names());
  }

  /** The supported names, comma-separated: accuracy, then each metric's snake_case name. */
  public static String names() {
    return Arrays.stream(values()).map(Metric::kerasName).collect(Collectors.joining(", "));
  }

  /** Every name {@link #get} takes, e.g. for help texts: {@code accuracy, acc, binary_accuracy, BinaryAccuracy, ...}. */
  public static String allNames() {
    StringBuilder sb = new StringBuilder("accuracy, acc");
    for (Metric m : values()) {
      if (m != ACCURACY) {
        sb.append(", ").append(m.kerasName);
        m.names.forEach(n -> sb.append(", ").append(n));
      }
    }
    return sb.toString();
  }
}
