package io.github.tfjavaxor.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric CSV files with a header row: {@code --data file.csv --target column} for training, and
 * prediction inputs. Every cell is checked before anything is returned, so nothing is ever
 * trained on partial data.
 */
public final class CsvDatasets {

  private CsvDatasets() {}

  /**
   * Reads a training file: the target column is y, every other column a feature, in file order.
   *
   * @param path a CSV file with a header row
   * @param target the header name of the target column
   * @return x float [rows][columns-1], y float [rows][1]
   * @throws DataException if the file is unreadable, the target column is missing, there is no
   *     feature column, or any row is ragged, non-numeric or non-finite
   */
  public static Dataset read(Path path, String target) throws DataException {
    String file = path.toString();
    try (Reader in = open(path)) {
      CsvTable t = CsvTable.read(in, file, true, -1);
      if (t.header == null) {
        throw new DataException(file, 1, 0, "the first row is all numbers, so it is data; expected"
            + " a header row naming the columns, with the target '" + target + "' among them");
      }
      int tc = t.header.indexOf(target);
      if (tc < 0) {
        throw new DataException(
            file, 1, 0, "target column '" + target + "' not found; the header has " + t.header);
      }
      if (t.header.size() < 2) {
        throw new DataException(
            file, 1, 0, "expected at least one feature column besides the target '" + target
                + "', found only " + t.header);
      }
      float[][] x = new float[t.rows.length][t.header.size() - 1];
      float[][] y = new float[t.rows.length][1];
      for (int r = 0; r < t.rows.length; r++) {
        int k = 0;
        for (int c = 0; c < t.header.size(); c++) {
          if (c == tc) {
            y[r][0] = t.rows[r][c];
          } else {
            x[r][k++] = t.rows[r][c];
          }
        }
      }
      List<String> features = new ArrayList<>(t.header);
      features.remove(tc);
      return new Dataset(file, x, y, List.copyOf(features), List.of(target));
    } catch (IOException e) {
      throw new DataException(file, "cannot read: " + e.getMessage());
    }
  }

  /**
   * Reads prediction inputs. With a header, the model's feature columns are picked by name (other
   * columns, such as the target, are ignored); without one, each row must have exactly the
   * model's number of features. A first row of numbers only is data, not a header, even when a
   * header is expected.
   *
   * @param in the text (not closed)
   * @param file the name used in messages, e.g. {@code <stdin>}
   * @param features the model's feature names, in model order
   * @param hasHeader whether the first line is a header
   * @return float [rows][features.size()]
   * @throws DataException for a missing feature column or any bad cell or row
   */
  public static float[][] readInputs(Reader in, String file, List<String> features, boolean hasHeader)
      throws DataException {
    return readInputs(in, file, features.size(), features, hasHeader);
  }

  /**
   * Reads prediction inputs for a model that takes {@code width} features.
   *
   * @param in the CSV text; not closed here
   * @param file the file name for messages
   * @param width features per row, or -1 if not known before the model loads (a SavedModel)
   * @param features the feature names in model order, or null if the model file names none
   *     (a {@code .keras} file or a SavedModel): then the header's columns are taken in order
   * @param hasHeader whether the first row names the columns
   * @return float [rows][features], in model order
   * @throws DataException for a wrong column count, a missing feature column, or any bad cell
   */
  public static float[][] readInputs(Reader in, String file, int width, List<String> features,
      boolean hasHeader) throws DataException {
    CsvTable t = CsvTable.read(in, file, hasHeader, hasHeader ? -1 : width);
    if (t.header == null) {
      if (width >= 0 && t.rows[0].length != width) {
        throw new DataException(file, 1, 0, "expected " + width + " fields per row (the model's"
            + " inputs), found " + t.rows[0].length + (hasHeader ? " (a first row of numbers is"
            + " data, not a header)" : ""));
      }
      return t.rows;
    }
    if (features == null) {
      if (width >= 0 && t.header.size() != width) {
        throw new DataException(file, 1, 0, "expected " + width + " columns, the model's inputs"
            + " in order (the model file names no features), found " + t.header
            + (t.header.size() > width ? "; leave out the target column, or evaluate labelled rows"
                + " with evaluate --data FILE --target COLUMN" : ""));
      }
      return t.rows;
    }
    return byName(file, t.rows, t.header, features, "the header has");
  }

  /**
   * The columns a model names, picked from rows by their names, in the model's order.
   *
   * @param file the name for messages
   * @param rows float [rows][names.size()]
   * @param names the rows' column names
   * @param features the model's feature names, in model order
   * @param have how the message introduces {@code names}, e.g. {@code the header has}
   * @return float [rows][features.size()]
   * @throws DataException naming the first feature {@code names} lacks
   */
  static float[][] byName(String file, float[][] rows, List<String> names, List<String> features,
      String have) throws DataException {
    int[] cols = new int[features.size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = names.indexOf(features.get(i));
      if (cols[i] < 0) {
        throw new DataException(file, 1, 0, "feature column '" + features.get(i) + "' not found;"
            + " the model needs " + features + ", " + have + " " + names);
      }
    }
    float[][] x = new float[rows.length][cols.length];
    for (int r = 0; r < x.length; r++) {
      for (int i = 0; i < cols.length; i++) {
        x[r][i] = rows[r][cols[i]];
      }
    }
    return x;
  }

  /**
   * Opens a file as UTF-8, turning a missing file into a DataException.
   *
   * @param path the file
   * @return a UTF-8 reader; the caller closes it
   * @throws DataException if the file is missing or cannot be opened
   */
  public static Reader open(Path path) throws DataException {
    // Decoded whole, so that a byte that is not UTF-8 is reported where it is: a reader fails
    // a buffer ahead of the parser's line.
    try {
      return new StringReader(utf8(path.toString(), Files.readAllBytes(path)));
    } catch (NoSuchFileException e) {
      throw new DataException(path.toString(), "file not found");
    } catch (IOException e) {
      throw new DataException(path.toString(), "cannot open: " + e.getMessage());
    }
  }

  /**
   * The bytes as UTF-8 text.
   *
   * @param file the name for messages
   * @param bytes the file's content
   * @return the text
   * @throws DataException at the line and column of the first byte that is not UTF-8
   */
  public static String utf8(String file, byte[] bytes) throws DataException {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      int at = in.position();
      long line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8).length() + 1;
      throw new DataException(file, line, column, String.format("byte 0x%02X is not UTF-8; expected"
          + " UTF-8 text (save the file as UTF-8)", bytes[at] & 0xff));
    }
    d.flush(out);
    return out.flip().toString();
  }
}
