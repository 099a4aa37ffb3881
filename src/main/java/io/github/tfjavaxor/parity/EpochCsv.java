package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-epoch CSV of a side-by-side run: {@code epoch} (1-based), then for every logged key in
 * {@link RunLog#order} order ({@code loss}, the metrics, {@code val_loss}, the {@code val_}
 * metrics) {@code keras_KEY}, {@code java_KEY} and, except for accuracies, {@code abs_diff_KEY};
 * if FusedAdam ran, {@code fused_KEY} (and {@code fused_abs_diff_KEY}) for every key after those.
 * Losses and other real-valued metrics are float32 values printed with 9 significant digits
 * (enough to round-trip a float32); accuracies as Java prints a float.
 *
 * <p>The tutorial's run gives {@code epoch,keras_loss,java_loss,abs_diff_loss,
 * keras_binary_accuracy,java_binary_accuracy}.
 */
public final class EpochCsv {
  private EpochCsv() {}

  /**
   * Writes the CSV atomically (temporary file in the same directory, then a move).
   *
   * @param file the CSV file
   * @param r a side-by-side run
   * @throws IOException if the file cannot be written
   */
  public static void write(Path file, SideBySide.Result r) throws IOException {
    List<String> keys = new ArrayList<>(r.keras().history().keySet());
    AtomicFiles.writePath(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        List<String> head = new ArrayList<>(List.of("epoch"));
        for (String k : keys) {
          head.addAll(List.of("keras_" + k, "java_" + k));
          if (!accuracy(k)) {
            head.add("abs_diff_" + k);
          }
        }
        if (r.fused() != null) {
          for (String k : keys) {
            head.add("fused_" + k);
            if (!accuracy(k)) {
              head.add("fused_abs_diff_" + k);
            }
          }
        }
        csv.printRecord(head);
        for (int e = 0; e < r.keras().epochs(); e++) {
          List<Object> row = new ArrayList<>(List.of(e + 1));
          for (String k : keys) {
            cells(row, k, r.keras().get(k)[e], r.java().get(k)[e], true);
          }
          if (r.fused() != null) {
            for (String k : keys) {
              cells(row, k, r.keras().get(k)[e], r.fused().get(k)[e], false);
            }
          }
          csv.printRecord(row);
        }
      }
    });
  }

  private static void cells(List<Object> row, String key, float keras, float other,
      boolean withKeras) {
    boolean acc = accuracy(key);
    if (withKeras) {
      row.add(acc ? keras : g9(keras));
    }
    row.add(acc ? other : g9(other));
    if (!acc) {
      row.add(diff(keras, other));
    }
  }

  private static boolean accuracy(String key) {
    return Comparison.isAccuracy(key);
  }

  static String g9(float v) {
    return String.format(Locale.ROOT, "%.9g", v);
  }

  static String diff(float a, float b) {
    return String.format(Locale.ROOT, "%.3e", Math.abs((double) a - b));
  }
}
