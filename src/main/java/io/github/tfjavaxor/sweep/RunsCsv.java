package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.datasets.CsvDatasets;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code runs.csv}: one row per finished run, appended and flushed as each run ends, so an
 * interrupted sweep loses at most the runs in flight. A last line without its newline (the
 * process died while writing it) is dropped on reading.
 */
public final class RunsCsv implements AutoCloseable {
  /** The header, in column order. */
  public static final List<String> HEADER = List.of(
      "config_index", "config", "data", "epochs", "seed", "first_epoch_100", "final_loss", "final_accuracy", "wall_ms");
  /** The parts of a configuration label ({@link RunSpec#config()}). */
  static final int CONFIG_PARTS = 5;
  private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

  private final Writer writer;
  private final CSVPrinter printer;

  private RunsCsv(Writer writer) throws IOException {
    this.writer = writer;
    this.printer = new CSVPrinter(writer, FORMAT);
  }

  /**
   * Opens a file for appending; writes the header first if the file is new.
   *
   * @param file {@code runs.csv}; created if missing
   * @return the open file; the caller closes it
   * @throws IOException if the file cannot be opened
   */
  public static RunsCsv append(Path file) throws IOException {
    boolean fresh = !Files.exists(file) || Files.size(file) == 0;
    Writer w = new BufferedWriter(new OutputStreamWriter(
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), StandardCharsets.UTF_8));
    RunsCsv csv = new RunsCsv(w);
    if (fresh) {
      csv.printer.printRecord(HEADER);
      w.flush();
    }
    return csv;
  }

  /**
   * Appends one row and flushes it to the file.
   *
   * @param r a finished run
   * @throws IOException if the row cannot be written
   */
  public synchronized void write(RunResult r) throws IOException {
    printer.printRecord(row(r));
    writer.flush();
  }

  private static List<Object> row(RunResult r) {
    return List.of(r.configIndex(), r.config(), r.data(), r.epochs(), r.seed(), r.firstEpoch1(),
        r.finalLoss(),
        r.finalAccuracy(), r.wallMs());
  }

  @Override
  public void close() throws IOException {
    printer.close();
  }

  /**
   * Writes a whole file atomically.
   *
   * @param file the file to write, replaced if it exists
   * @param rows the rows, in order
   * @throws IOException if the file cannot be written
   */
  public static void writeAll(Path file, List<RunResult> rows) throws IOException {
    AtomicFiles.write(file, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      CSVPrinter p = new CSVPrinter(w, FORMAT);
      p.printRecord(HEADER);
      for (RunResult r : rows) {
        p.printRecord(row(r));
      }
      p.flush();
    });
  }

  /**
   * What {@link #read} found.
   *
   * @param rows the complete rows, in file order
   * @param droppedPartialLine true if a torn last line was dropped
   */
  public record Contents(List<RunResult> rows, boolean droppedPartialLine) {}

  /**
   * Reads a runs file.
   *
   * @param file a {@code runs.csv}
   * @return its rows
   * @throws DataException with file:line:column for a wrong header or a bad cell
   */
  public static Contents read(Path file) throws DataException {
    String name = file.toString();
    String text;
    try {
      text = CsvDatasets.utf8(name, Files.readAllBytes(file));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new DataException(name, "file not found");
    } catch (IOException e) {
      throw new DataException(name, "cannot read: " + e.getMessage());
    }
    if (text.isEmpty()) {
      return new Contents(List.of(), false); // created as the process died, before its header
    }
    boolean torn = !text.endsWith("\n");
    if (torn) {
      text = text.substring(0, text.lastIndexOf('\n') + 1);
    }
    List<RunResult> rows = new ArrayList<>();
    try (Reader in = new StringReader(text); CSVParser parser = CSVParser.parse(in, FORMAT)) {
      long line = 1;
      boolean header = true;
      for (CSVRecord rec : parser) {
        long at = line;
        line = parser.getCurrentLineNumber() + 1;
        if (header) {
          if (!rec.toList().equals(HEADER)) {
            throw new DataException(name, at, 1, "expected the runs.csv header " + String.join(",", HEADER)
                + ", found " + String.join(",", rec.toList()));
          }
          header = false;
          continue;
        }
        if (rec.size() != HEADER.size()) {
          throw new DataException(name, at, Math.min(rec.size(), HEADER.size()) + 1,
              "ragged row: expected " + HEADER.size() + " fields as in the header, found " + rec.size());
        }
        RunResult r = new RunResult(
            (int) integer(rec, 0, name, at), rec.get(1), rec.get(2), (int) integer(rec, 3, name, at),
            integer(rec, 4, name, at), (int) integer(rec, 5, name, at), number(rec, 6, name, at),
            number(rec, 7, name, at), integer(rec, 8, name, at));
        check(r, name, at);
        rows.add(r);
      }
      if (header) {
        throw new DataException(name, 1, 0, "expected the runs.csv header, found an empty file");
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DataException(name, "malformed CSV: " + e.getMessage());
    }
    return new Contents(rows, torn);
  }

  // What sweep writes; a row outside it (edited by hand, another tool's file) is refused.
  private static void check(RunResult r, String name, long line) throws DataException {
    String bad = null;
    int column = 0;
    if (r.configIndex() < 1) {
      bad = "expected an integer >= 1";
    } else if (r.config().split(" \\| ", -1).length != CONFIG_PARTS) {
      column = 1;
      bad = "expected 'hidden layers | output | loss | optimizer | batch N'";
    } else if (!r.data().contains(" sha256:")) {
      column = 2;
      bad = "expected 'NAME sha256:DIGEST'";
    } else if (r.epochs() < 1) {
      column = 3;
      bad = "expected an integer >= 1";
    } else if (r.firstEpoch1() < 0 || r.firstEpoch1() > r.epochs()) {
      column = 5;
      bad = "expected 0 (never) to epochs (" + r.epochs() + ")";
    } else if (!(r.finalAccuracy() >= 0 && r.finalAccuracy() <= 1)) {
      column = 7;
      bad = "expected an accuracy in [0, 1]";
    } else if (r.wallMs() < 0) {
      column = 8;
      bad = "expected milliseconds >= 0";
    }
    if (bad != null) {
      List<Object> cells = row(r);
      throw new DataException(name, line, column + 1, "column '" + HEADER.get(column) + "': " + bad
          + ", found '" + cells.get(column) + "'");
    }
  }

  private static long integer(CSVRecord rec, int c, String name, long line) throws DataException {
    try {
      return Long.parseLong(rec.get(c));
    } catch (NumberFormatException e) {
      throw new DataException(name, line, c + 1, "column '" + HEADER.get(c) + "': expected an integer, found '" + rec.get(c) + "'");
    }
  }

  private static double number(CSVRecord rec, int c, String name, long line) throws DataException {
    try {
      return Double.parseDouble(rec.get(c));
    } catch (NumberFormatException e) {
      throw new DataException(name, line, c + 1, "column '" + HEADER.get(c) + "': expected a number, found '" + rec.get(c) + "'");
    }
  }
}
