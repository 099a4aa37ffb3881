package io.github.tfjavaxor.keras.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code "%.Nf"} and {@code "%.Ne"} for doubles. Java's {@link String#format} rounds the
 * shortest decimal string half-up; Python rounds the exact binary value half-even. They differ on
 * ties such as 0.125 to two places, so Keras's numbers are formatted here.
 */
public final class PyFormat {

  private PyFormat() {}

  /**
   * {@code "%.{digits}f" % v}: e.g. {@code fixed(0.26341, 4)} is {@code "0.2634"}.
   *
   * @param v any double; NaN and infinities print as Python prints them
   * @param digits places after the point, &gt;= 0
   * @return the text, rounded half to even on v's exact binary value, as Python rounds
   */
  public static String fixed(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return special(v);
    }
    String s = new BigDecimal(v).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    return negative(v) && !s.startsWith("-") ? "-" + s : s;
  }

  /**
   * {@code "%.{digits}e" % v}: e.g. {@code scientific(0.0008, 4)} is {@code "8.0000e-04"}.
   *
   * @param v any double
   * @param digits mantissa places after the point, &gt;= 0
   * @return the text, with an exponent of at least two digits
   */
  public static String scientific(double v, int digits) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return special(v);
    }
    String sign = negative(v) ? "-" : "";
    if (v == 0) {
      return sign + "0." + "0".repeat(digits) + "e+00";
    }
    BigDecimal bd = new BigDecimal(Math.abs(v)).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN));
    int exponent = bd.precision() - bd.scale() - 1;
    StringBuilder mantissa = new StringBuilder(bd.unscaledValue().toString());
    while (mantissa.length() < digits + 1) {
      mantissa.append('0');
    }
    String m = mantissa.substring(0, 1) + (digits > 0 ? "." + mantissa.substring(1, digits + 1) : "");
    return String.format(
        "%s%se%s%02d", sign, m, exponent < 0 ? "-" : "+", Math.abs(exponent));
  }

  /**
   * Keras's progress-bar number: {@code %.4f} if {@code |v| > 1e-3}, else {@code %.4e}.
   *
   * @param v a logged value
   * @return the text Keras's progress bar shows
   */
  public static String metric(double v) {
    return Math.abs(v) > 1e-3 ? fixed(v, 4) : scientific(v, 4);
  }

  private static boolean negative(double v) {
    return v < 0 || (v == 0 && 1 / v < 0);
  }

  private static String special(double v) {
    return Double.isNaN(v) ? "nan" : (v > 0 ? "inf" : "-inf");
  }
}
