package io.github.tfjavaxor.datasets;

import java.util.List;
import java.util.Locale;
import java.util.function.IntBinaryOperator;

/**
 * The six two-input logic gates as 4-row data sets, inputs in the tutorial's order
 * {@code [[0,0],[0,1],[1,0],[1,1]]}.
 */
public enum LogicGates {
  /** 0 1 1 0, the tutorial's data. */
  XOR((a, b) -> a ^ b),
  /** 0 0 0 1. */
  AND((a, b) -> a & b),
  /** 0 1 1 1. */
  OR((a, b) -> a | b),
  /** 1 1 1 0. */
  NAND((a, b) -> 1 - (a & b)),
  /** 1 0 0 0. */
  NOR((a, b) -> 1 - (a | b)),
  /** 1 0 0 1. */
  XNOR((a, b) -> 1 - (a ^ b));

  private final IntBinaryOperator truth;

  LogicGates(IntBinaryOperator truth) {
    this.truth = truth;
  }

  /** {@return the lower-case name used on the command line} */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@return the truth table as x float [4][2] and y float [4][1]} */
  public Dataset dataset() {
    float[][] x = new float[4][2];
    float[][] y = new float[4][1];
    for (int i = 0; i < 4; i++) {
      int a = i >> 1;
      int b = i & 1;
      x[i][0] = a;
      x[i][1] = b;
      y[i][0] = truth.applyAsInt(a, b);
    }
    return new Dataset(key(), x, y, List.of("a", "b"), List.of(key()));
  }

  /** The gate with this key, or null. */
  static LogicGates byKey(String key) {
    for (LogicGates g : values()) {
      if (g.key().equals(key)) {
        return g;
      }
    }
    return null;
  }
}
