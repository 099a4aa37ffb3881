package io.github.tfjavaxor.keras.optimizers;

import java.util.Locale;

/**
 * Optimizers by Keras name, as {@code keras.optimizers.get} ({@code
 * keras/src/optimizers/__init__.py}) resolves the string given to {@code compile(optimizer="adam")}.
 *
 * <p>Example: {@code Optimizers.get("adam")} is {@code new Adam()}, learning rate 0.001.
 */
public final class Optimizers {
  private Optimizers() {}

  /**
   * An optimizer by Keras name with Keras 3's defaults.
   *
   * @param name {@code adam}, {@code sgd} or {@code rmsprop}
   * @return a new optimizer
   * @throws IllegalArgumentException if the name is unknown
   */
  public static Optimizer get(String name) {
    return get(name, Double.NaN);
  }

  /**
   * An optimizer by Keras name with a given learning rate (NaN for the optimizer's default).
   *
   * @param name {@code adam}, {@code sgd} or {@code rmsprop}
   * @param learningRate &gt; 0 and finite, or NaN for the optimizer's default
   * @return a new optimizer
   * @throws IllegalArgumentException if the name is unknown or the learning rate is out of range
   */
  public static Optimizer get(String name, double learningRate) {
    String key = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    boolean dflt = Double.isNaN(learningRate);
    return switch (key) {
      case "adam" -> new Adam(dflt ? Adam.LEARNING_RATE_DEFAULT : learningRate);
      case "sgd" -> new SGD(dflt ? SGD.LEARNING_RATE_DEFAULT : learningRate);
      case "rmsprop" -> new RMSprop(dflt ? RMSprop.LEARNING_RATE_DEFAULT : learningRate);
      default -> throw new IllegalArgumentException(
          "optimizer: unknown name '" + name + "'; expected one of " + names());
    };
  }

  /** {@return all supported Keras names, comma-separated} */
  public static String names() {
    return "adam, sgd, rmsprop";
  }
}
