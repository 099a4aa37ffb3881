package io.github.tfjavaxor.datasets;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

  /**
   * This data with its feature columns chosen and ordered by name, as a model file that names its
   * features (a checkpoint) reads them; {@code predict} does the same with its input.
   *
   * @param features the model's feature names in model order, or null if the file names none
   * @return this data if already in that order, else x's columns picked by name
   * @throws DataException naming the first feature the header lacks
   */
  public Dataset inModelOrder(List<String> features) throws DataException {
    if (features == null || features.equals(featureNames)) {
      return this;
    }
    return new Dataset(name, CsvDatasets.byName(name, x, featureNames, features,
        "the data's features are"), y, List.copyOf(features), targetNames);
  }

  /**
   * {@return what a sweep records as its data: the name (a file's without its directory) and a
   * digest of the values, e.g. {@code xor sha256:3b3a6e4f1c2d}}
   */
  public String identity() {
    return Path.of(name).getFileName() + " " + digest();
  }

  /**
   * {@return {@code sha256:} and the first 12 hex digits of SHA-256 over the shape and the float32
   * bits of x then y: equal for the same values whatever file or path they came from}
   */
  public String digest() {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      ByteBuffer b = ByteBuffer.allocate(12).putInt(rows()).putInt(features()).putInt(targets());
      md.update(b.array());
      for (float[][] part : new float[][][] {x, y}) {
        for (float[] row : part) {
          ByteBuffer r = ByteBuffer.allocate(4 * row.length);
          for (float v : row) {
            r.putInt(Float.floatToIntBits(v));
          }
          md.update(r.array());
        }
      }
      return "sha256:" + HexFormat.of().formatHex(md.digest()).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is in every Java runtime", e);
    }
  }

  /**
   * {@return true if two {@link #identity()} strings name the same values (their digests agree),
   *     whatever the files were called}
   *
   * @param a an identity
   * @param b another
   */
  public static boolean sameData(String a, String b) {
    return a.substring(a.lastIndexOf(' ') + 1).equals(b.substring(b.lastIndexOf(' ') + 1));
  }
}
