package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: {@code side-by-side} on the user's own CSV file, with train's data options ({@code
 * --data FILE --target COL}, {@code --validation-data}): Keras (live, python/xor_keras3.py) trains
 * on the rows Java read, and the run reports max |Δloss|, the per-epoch CSV and the plot.
 */
class CliSideBySideCsvTest {
  @TempDir Path dir;

  /** Rows of a, b, c, label: decimals such as 0.1 that float32 rounds, label = a + b > c + 0.5. */
  private Path csv(String name, int rows, int offset) throws IOException {
    StringBuilder sb = new StringBuilder("a,b,c,label\n");
    for (int i = offset; i < offset + rows; i++) {
      double a = (i % 5) / 4.0;
      double b = ((i * 7) % 11) / 10.0;
      double c = ((i * 3) % 7) / 6.0;
      sb.append(String.format(Locale.ROOT, "%.4f,%.1f,%.4f,%d%n", a, b, c,
          a + b > c + 0.5 ? 1 : 0));
    }
    Path p = dir.resolve(name);
    Files.writeString(p, sb);
    return p;
  }

  private static final Pattern MAX_LOSS =
      Pattern.compile("Java \\(adam\\): max \\|Δ\\| over 30 epochs: loss \\d\\.\\d{3}e[-+]\\d+"
          + " \\(epoch \\d+\\)");

  @Test
  void bothSidesTrainOnTheUsersRows() throws IOException {
    Path data = csv("mine.csv", 24, 0);
    Path out = dir.resolve("out");
    Cli r = Cli.run("side-by-side", "--data", data.toString(), "--target", "label", "--epochs",
        "30", "--batch-size", "8", "--validation-split", "0.25", "--out", out.toString(),
        "--no-fused", "--metrics", "acc");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("24 rows: 18 training, 6 validation; 3 step(s) per epoch"),
        r.out());
    assertTrue(MAX_LOSS.matcher(r.out()).find(), r.out());
    assertTrue(r.out().contains("identical rounded predictions): MET\n"), r.out());
    JsonNode keras = new ObjectMapper().readTree(out.resolve("keras-report.json").toFile());
    assertEquals(18, keras.get("train_rows").asInt());
    assertEquals(24, keras.get("predictions").size());
    java.util.TreeSet<String> keys = new java.util.TreeSet<>();
    keras.get("history").fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("acc", "loss", "val_acc", "val_loss"), List.copyOf(keys));
    List<String> lines = Files.readAllLines(out.resolve("side-by-side.csv"));
    assertEquals("epoch,keras_loss,java_loss,abs_diff_loss,keras_acc,java_acc,keras_val_loss,"
        + "java_val_loss,abs_diff_val_loss,keras_val_acc,java_val_acc", lines.get(0));
    assertEquals(31, lines.size());
    assertTrue(Files.size(out.resolve("side-by-side.png")) > 1000);
  }

  @Test
  void validationDataIsAFileWithTheSameColumns() throws IOException {
    Path data = csv("train.csv", 20, 0);
    Path val = csv("val.csv", 8, 20);
    Path out = dir.resolve("out");
    Cli r = Cli.run("side-by-side", "--data", data.toString(), "--target", "label", "--epochs",
        "30", "--batch-size", "8", "--validation-data", val.toString(), "--no-shuffle", "--out",
        out.toString(), "--no-fused");
    assertEquals(0, r.code(), r.err() + r.out());
    assertTrue(r.out().contains("28 rows: 20 training, 8 validation"), r.out());
    assertTrue(MAX_LOSS.matcher(r.out()).find(), r.out());
    assertTrue(r.out().contains(", val_loss "), r.out());
  }

  @Test
  void aBadCellStopsBeforeEitherSideRuns() throws IOException {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "a,b,label\n0,1,1\n0,x,0\n");
    Path out = dir.resolve("out");
    Cli r = Cli.run("side-by-side", "--data", bad.toString(), "--target", "label", "--out",
        out.toString());
    assertEquals(3, r.code(), r.err());
    assertTrue(r.firstError().startsWith("tfjava-xor side-by-side: " + bad + ":3:2: "),
        r.firstError());
    assertEquals("", r.out());
    assertTrue(Files.notExists(out));
  }
}
