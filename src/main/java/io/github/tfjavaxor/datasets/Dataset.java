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

  /** Rows (samples). */
  public int rows() {
    return x.length;
  }

  /** Input features per row. */
  public int features() {
    return featureNames.size();
  }

  /** Target columns per row. */
  public int targets() {
    return targetNames.size();
  }
}
