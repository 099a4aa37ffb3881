package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.layers.Dense;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/** The tutorial's data and model, shared by tests. */
public final class Xor {
  public static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  public static final float[][] Y = {{0}, {1}, {1}, {0}};
  public static final PrintStream NULL_OUT = new PrintStream(OutputStream.nullOutputStream());

  private Xor() {}

  /** Dense(16, relu, input_dim=2) → Dense(1, sigmoid), compiled as the tutorial; caller closes. */
  public static Sequential model(long seed) {
    Sequential model = new Sequential(seed);
    model.add(new Dense(16, "relu", 2));
    model.add(new Dense(1, "sigmoid"));
    model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
    model.setProgressStream(NULL_OUT);
    return model;
  }
}
