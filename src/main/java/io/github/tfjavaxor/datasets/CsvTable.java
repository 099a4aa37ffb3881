package io.github.tfjavaxor.datasets;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric CSV table read with commons-csv, every cell checked: a rectangular float32 matrix plus
 * the header (if any). Blank lines are skipped but still counted, so every error names the real
 * {@code file:line:column} (column = 1-based field number).
 */
final class CsvTable {
  // Plain decimal numbers only: Java's parseDouble would also take "1f", "0x1p3" and "Infinity".
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  final List<String> header;
  final float[][] rows;

  private CsvTable(List<String> header, float[][] rows) {
    this.header = header;
    this.rows = rows;
  }

  /**
   * @param in the text, read to the end (not closed)
   * @param file the name used in error messages
   * @param hasHeader whether the first non-blank line names the columns; a first line of numbers
   *     only is data all the same ({@link #header} is then null)
   * @param width expected fields per row, or -1 to take it from the first line
   * @throws DataException for ragged rows, non-numeric or non-finite cells, no data rows, or
   *     malformed CSV
   */
  static CsvTable read(Reader in, String file, boolean hasHeader, int width) throws DataException {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
    List<String> header = null;
    List<float[]> rows = new ArrayList<>();
    long line = 1;
    try {
      CSVParser parser = CSVParser.parse(in, format);
      Iterator<CSVRecord> it = parser.iterator();
      while (true) {
        CSVRecord record;
        try {
          if (!it.hasNext()) {
            break;
          }
          record = it.next();
        } catch (UncheckedIOException e) {
          throw new DataException(file, line, 0, "malformed CSV: " + rootMessage(e));
        }
        long recordLine = line;
        line = parser.getCurrentLineNumber() + 1;
        if (record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line
        }
        if (width < 0) {
          width = record.size();
        }
        if (record.size() != width) {
          throw new DataException(
              file,
              recordLine,
              Math.min(record.size(), width) + 1,
              "ragged row: expected "
                  + width
                  + " fields"
                  + (header != null || hasHeader ? " as in the header" : "")
                  + ", found "
                  + record.size());
        }
        if (hasHeader && header == null && allNumbers(record)) {
          hasHeader = false; // e.g. printf '0,0\n0,1\n': two data rows, not a header "0,0"
        }
        if (hasHeader && header == null) {
          header = new ArrayList<>();
          for (int c = 0; c < record.size(); c++) {
            String name = record.get(c);
            if (name.isEmpty()) {
              throw new DataException(
                  file, recordLine, c + 1, "header: expected a column name, found an empty field");
            }
            if (header.contains(name)) {
              throw new DataException(
                  file, recordLine, c + 1, "header: column name '" + name + "' appears twice");
            }
            header.add(name);
          }
          continue;
        }
        float[] values = new float[width];
        for (int c = 0; c < width; c++) {
          values[c] = cell(record.get(c), file, recordLine, c + 1, header);
        }
        rows.add(values);
      }
    } catch (IOException e) {
      throw new DataException(file, "cannot read: " + e.getMessage());
    }
    if (hasHeader && header == null) {
      throw new DataException(file, 1, 0, "expected a header row and data rows, found an empty file");
    }
    if (rows.isEmpty()) {
      throw new DataException(
          file, line, 0, "expected at least one data row" + (hasHeader ? " after the header" : "")
              + ", found none");
    }
    return new CsvTable(header, rows.toArray(new float[0][]));
  }

  // A row is a header only if a field is not a number; NaN and Inf are numbers (and then refused
  // as data with their line:column, not taken for column names).
  private static boolean allNumbers(CSVRecord record) {
    for (String field : record) {
      if (!NUMBER.matcher(field).matches() && !NON_FINITE.matcher(field).matches()) {
        return false;
      }
    }
    return true;
  }

  private static float cell(String text, String file, long line, int column, List<String> header)
      throws DataException {
    String where = header == null ? "" : "column '" + header.get(column - 1) + "': ";
    if (NON_FINITE.matcher(text).matches()) {
      throw new DataException(
          file, line, column, where + "expected a finite number, found '" + text + "'");
    }
    if (!NUMBER.matcher(text).matches()) {
      throw new DataException(
          file,
          line,
          column,
          where + "expected a number, found " + (text.isEmpty() ? "an empty field" : "'" + text + "'")
              + (text.matches(".*[0-9.][;\t][-+0-9.].*") ? " (fields are separated by ',' only)" : ""));
    }
    float v = Float.parseFloat(text);
    if (!Float.isFinite(v)) {
      throw new DataException(
          file, line, column, where + "expected a finite float32 number, found '" + text
              + "' (beyond ±3.4e38)");
    }
    return v;
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
