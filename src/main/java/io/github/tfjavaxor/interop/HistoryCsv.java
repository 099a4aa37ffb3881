package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * {@code --history-csv}: per-epoch metrics in the layout of Keras's {@code CSVLogger}
 * ({@code keras/src/callbacks/csv_logger.py}): a header {@code epoch,<metrics sorted by name>},
 * then one row per epoch with the 0-based epoch index and each value as a double (an empty file
 * when no epoch ran, as Keras leaves it). Written once,
 * atomically, at the end of training (Keras appends per epoch).
 */
public final class HistoryCsv {

  private HistoryCsv() {}

  /**
   * @param target the CSV file
   * @param epochs 0-based epoch indices that ran
   * @param history metric name to values, one per epoch, keys sorted
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, List<Integer> epochs, Map<String, List<Double>> history)
      throws IOException {
    List<String> header = new ArrayList<>();
    header.add("epoch");
    header.addAll(history.keySet());
    AtomicFiles.write(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
        if (epochs.isEmpty()) {
          return; // Keras's CSVLogger writes its header at the first epoch end: no epoch, empty file
        }
        p.printRecord(header);
        for (int i = 0; i < epochs.size(); i++) {
          List<Object> row = new ArrayList<>();
          row.add(epochs.get(i));
          for (List<Double> v : history.values()) {
            row.add(v.get(i));
          }
          p.printRecord(row);
        }
      }
    });
  }
}
