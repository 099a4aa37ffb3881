package io.github.tfjavaxor.keras.utils;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prints a 2-D float32 array as {@code print(numpy_array)} does with numpy's defaults
 * (precision 8, values padded to a common width), e.g. the tutorial's {@code
 * print(model.predict(x).round())}:
 *
 * <pre>
 * [[0.]
 *  [1.]
 *  [1.]
 *  [0.]]
 * </pre>
 *
 * <p>Integral values print as {@code 1.}; others with up to 8 decimals, trailing zeros dropped and
 * left-aligned to a common width ({@code 0.22615978}, {@code 0.8997093 }). Scientific notation,
 * which numpy switches to for very large or small ranges, is not reproduced.
 */
public final class NumpyFormat {

  private NumpyFormat() {}

  /**
   * @param a rows of equal length; at least one row
   * @return numpy's {@code str(a)}, without a trailing newline
   */
  public static String format(float[][] a) {
    String[][] cells = new String[a.length][];
    int width = 0;
    boolean allIntegral = true;
    for (float[] row : a) {
      for (float v : row) {
        allIntegral &= Float.isFinite(v) && v == Math.rint(v);
      }
    }
    for (int i = 0; i < a.length; i++) {
      cells[i] = new String[a[i].length];
      for (int j = 0; j < a[i].length; j++) {
        cells[i][j] = element(a[i][j], allIntegral);
        width = Math.max(width, cells[i][j].length());
      }
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < cells.length; i++) {
      sb.append(i == 0 ? "[" : "\n [");
      for (int j = 0; j < cells[i].length; j++) {
        if (j > 0) {
          sb.append(' ');
        }
        String c = cells[i][j];
        // numpy right-aligns integral values and pads fractions on the right.
        sb.append(allIntegral ? " ".repeat(width - c.length()) + c : c + " ".repeat(width - c.length()));
      }
      sb.append(']');
    }
    return sb.append(']').toString();
  }

  private static String element(float v, boolean integral) {
    if (Float.isNaN(v)) {
      return "nan";
    }
    if (Float.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    String sign = (v < 0 || (v == 0 && 1 / v < 0)) ? "-" : "";
    if (integral) {
      return sign + new BigDecimal(Math.abs(v)).toBigInteger() + ".";
    }
    // numpy prints the shortest repr that round-trips float32, capped at 8 decimals.
    BigDecimal shortest = new BigDecimal(Float.toString(Math.abs(v)));
    if (shortest.scale() > 8) {
      shortest = shortest.setScale(8, RoundingMode.HALF_EVEN);
    }
    String s = shortest.stripTrailingZeros().toPlainString();
    if (!s.contains(".")) {
      s += ".";
    }
    return sign + s;
  }
}
