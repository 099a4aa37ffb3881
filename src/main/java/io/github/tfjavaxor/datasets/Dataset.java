package io.github.tfjavaxor.datasets;

import java.util.List;

/**
 * A fully loaded, checked data set.
 *
 * @param name where it came from: {@code xor}, {@code parity:3} or a file path
 * @param x float [rows][features], finite
 * @param y float [rows][targets], finite
 * @param featureNames one name per column of {@code x}
 * @param targetNames one name per column of {@code y}
 */
public record Dataset(
    String name, float[][] x, float[][] y, List<String> featureNames, List<String> targetNames) {

  /** {@return the rows (samples)} */
  public int rows() {
    return x.length;
  }

  /** {@return the input features per row} */
  public int features() {
    return featureNames.size();
  }

  /** {@return the target columns per row} */
  public int targets() {
    return targetNames.size();
  }
}
