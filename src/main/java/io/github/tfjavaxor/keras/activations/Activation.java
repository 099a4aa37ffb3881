package io.github.tfjavaxor.keras.activations;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Element-wise activations, named and computed as Keras 3 does on the TensorFlow backend.
 *
 * <p>Each one maps to the TensorFlow op Keras itself calls ({@code keras/src/backend/tensorflow/nn.py}),
 * so values and gradients match bit for bit: for example {@link #SIGMOID} is TF's {@code Sigmoid}
 * op, not a hand-written {@code 1/(1+exp(-x))}, and {@link #RELU} has gradient 0 at exactly 0.
 *
 * <pre>{@code
 * Activation.get("relu").apply(tf, x);   // x: float32 [batch, units]; returns the same shape
 * }</pre>
 */
public enum Activation {
  /** {@code max(x, 0)}; mirrors {@code keras.activations.relu}. */
  RELU("relu"),
  /** {@code 1 / (1 + exp(-x))} via TF's Sigmoid op; mirrors {@code keras.activations.sigmoid}. */
  SIGMOID("sigmoid"),
  /** Hyperbolic tangent; mirrors {@code keras.activations.tanh}. */
  TANH("tanh"),
  /** Identity, Keras's {@code activation=None}; mirrors {@code keras.activations.linear}. */
  LINEAR("linear"),
  /** {@code x > 0 ? x : exp(x) - 1}; mirrors {@code keras.activations.elu} with alpha 1. */
  ELU("elu"),
  /** Scaled ELU; mirrors {@code keras.activations.selu}. */
  SELU("selu"),
  /** {@code min(max(x, 0), 6)}; mirrors {@code keras.activations.relu6}. */
  RELU6("relu6"),
  /** {@code x / (1 + |x|)}; mirrors {@code keras.activations.softsign}. */
  SOFTSIGN("softsign");

  private final String kerasName;

  Activation(String kerasName) {
    this.kerasName = kerasName;
  }

  /** {@return the name Keras uses in {@code activation='...'} and in saved configs} */
  public String kerasName() {
    return kerasName;
  }

  /**
   * Applies the activation.
   *
   * @param tf the graph's ops
   * @param x float32 of any shape
   * @return float32 of the same shape
   */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> x) {
    switch (this) {
      case RELU:
        return tf.nn.relu(x);
      case SIGMOID:
        return tf.math.sigmoid(x);
      case TANH:
        return tf.math.tanh(x);
      case LINEAR:
        return x;
      case ELU:
        return tf.nn.elu(x);
      case SELU:
        return tf.nn.selu(x);
      case RELU6:
        return tf.nn.relu6(x);
      case SOFTSIGN:
        return tf.nn.softsign(x);
      default:
        throw new AssertionError(this);
    }
  }

  /**
   * Looks an activation up by its Keras name ({@code "relu"}, {@code "sigmoid"}, ...). A null
   * name means {@link #LINEAR}, as Keras's {@code activation=None}.
   *
   * @param name a Keras activation name, or null
   * @return the activation
   * @throws IllegalArgumentException if the name is not one of {@link #names()}
   */
  public static Activation get(String name) {
    if (name == null) {
      return LINEAR;
    }
    String key = name.trim().toLowerCase(Locale.ROOT);
    for (Activation a : values()) {
      if (a.kerasName.equals(key)) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "activation: unknown name '" + name + "'; expected one of " + names());
  }

  /** {@return all supported Keras names, comma-separated, for error messages and help text} */
  public static String names() {
    return Arrays.stream(values()).map(Activation::kerasName).collect(Collectors.joining(", "));
  }
}
