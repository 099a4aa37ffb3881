package io.github.tfjavaxor.keras.utils;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Python's %-formatting and numpy's array printing, as Keras output needs them. */
class FormatTest {

  @Test
  void fixedRoundsTheExactBinaryValueHalfEven() {
    assertEquals("0.2634", PyFormat.fixed(0.26341f, 4));
    assertEquals("100.00", PyFormat.fixed(1.0 * 100, 2));
    // 0.125 is exact in binary: Python's "%.2f" gives 0.12 (half-even); Java's String.format 0.13.
    assertEquals("0.12", PyFormat.fixed(0.125, 2));
    // 2.675 is 2.67499999... in binary: both give 2.67.
    assertEquals("2.67", PyFormat.fixed(2.675, 2));
    assertEquals("0", PyFormat.fixed(0.5, 0));
    assertEquals("2", PyFormat.fixed(1.5, 0));
    assertEquals("-0.0000", PyFormat.fixed(-0.00001, 4));
    assertEquals("nan", PyFormat.fixed(Double.NaN, 4));
  }

  @Test
  void scientificMatchesPython() {
    assertEquals("8.0000e-04", PyFormat.scientific(0.0008, 4));
    assertEquals("0.0000e+00", PyFormat.scientific(0.0, 4));
    assertEquals("1.0000e+00", PyFormat.scientific(0.999996, 4));
    assertEquals("-1.2346e+05", PyFormat.scientific(-123456.0, 4));
    assertEquals("5.0000e-01", PyFormat.scientific(0.5, 4));
  }

  @Test
  void metricSwitchesAtOneThousandth() {
    assertEquals("0.0010", PyFormat.metric(0.00100001));
    assertEquals("1.0000e-03", PyFormat.metric(0.001));
    assertEquals("0.0000e+00", PyFormat.metric(0));
  }

  @Test
  void numpyPrintsRoundedColumnAndFractions() {
    assertEquals("[[0.]\n [1.]\n [1.]\n [0.]]", NumpyFormat.format(new float[][] {{0}, {1}, {1}, {0}}));
    assertEquals("[[ 0. 12.]\n [-3.  1.]]", NumpyFormat.format(new float[][] {{0, 12}, {-3, 1}}));
    assertEquals(
        "[[0.22615978]\n [0.8997093 ]]",
        NumpyFormat.format(new float[][] {{0.22615978f}, {0.8997093f}}));
  }
}
