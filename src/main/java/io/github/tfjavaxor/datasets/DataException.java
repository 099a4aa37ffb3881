package io.github.tfjavaxor.datasets;

/**
 * A data or file problem, located as {@code file:line:column} (line and column 1-based; column is
 * the CSV field number). The CLI maps it to exit code 3.
 */
public final class DataException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The file name as the user gave it. */
  private final String file;
  /** The 1-based line, or 0 if unknown. */
  private final long line;
  /** The 1-based CSV field number, or 0 if unknown. */
  private final long column;

  /**
   * @param file the file name as the user gave it
   * @param line 1-based line, or 0 if unknown
   * @param column 1-based field number, or 0 if unknown
   * @param detail what was wrong, what was expected and what was found
   */
  public DataException(String file, long line, long column, String detail) {
    super(location(file, line, column) + ": " + detail);
    this.file = file;
    this.line = line;
    this.column = column;
  }

  /**
   * A problem with a whole file (unreadable, missing).
   *
   * @param file the file name as the user gave it
   * @param detail what was wrong, what was expected and what was found
   */
  public DataException(String file, String detail) {
    this(file, 0, 0, detail);
  }

  private static String location(String file, long line, long column) {
    return file + (line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "");
  }

  /** {@return the file name as the user gave it} */
  public String file() {
    return file;
  }

  /** {@return the 1-based line, or 0 if unknown} */
  public long line() {
    return line;
  }

  /** {@return the 1-based CSV field number, or 0 if unknown} */
  public long column() {
    return column;
  }
}
