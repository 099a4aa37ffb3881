package io.github.tfjavaxor.parity;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The per-epoch CSV of a side-by-side run: {@code epoch} (1-based), {@code keras_loss}, {@code
 * java_loss}, {@code abs_diff_loss}, {@code keras_binary_accuracy}, {@code java_binary_accuracy},
 * and, if FusedAdam ran, {@code fused_loss}, {@code fused_abs_diff_loss}, {@code
 * fused_binary_accuracy}. Losses are float32 values printed with 9 significant digits (enough to
 * round-trip a float32).
 */
public final class EpochCsv {
  private EpochCsv() {}

  /** Writes the CSV atomically (temporary file in the same directory, then a move). */
  public static void write(Path file, SideBySide.Result r) throws IOException {
    AtomicFiles.writePath(file, tmp -> {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
          CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT)) {
        if (r.fused() == null) {
          csv.printRecord("epoch", "keras_loss", "java_loss", "abs_diff_loss",
              "keras_binary_accuracy", "java_binary_accuracy");
        } else {
          csv.printRecord("epoch", "keras_loss", "java_loss", "abs_diff_loss",
              "keras_binary_accuracy", "java_binary_accuracy", "fused_loss",
              "fused_abs_diff_loss", "fused_binary_accuracy");
        }
        for (int e = 0; e < r.keras().epochs(); e++) {
          float kl = r.keras().loss()[e];
          float jl = r.java().loss()[e];
          if (r.fused() == null) {
            csv.printRecord(e + 1, g9(kl), g9(jl), diff(kl, jl), r.keras().accuracy()[e],
                r.java().accuracy()[e]);
          } else {
            float fl = r.fused().loss()[e];
            csv.printRecord(e + 1, g9(kl), g9(jl), diff(kl, jl), r.keras().accuracy()[e],
                r.java().accuracy()[e], g9(fl), diff(kl, fl), r.fused().accuracy()[e]);
          }
        }
      }
    });
  }

  static String g9(float v) {
    return String.format(java.util.Locale.ROOT, "%.9g", v);
  }

  static String diff(float a, float b) {
    return String.format(java.util.Locale.ROOT, "%.3e", Math.abs((double) a - b));
  }
}
