package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tfjavaxor.keras.utils.PyFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * --checkpoint paths formatted as Keras's ModelCheckpoint formats them, {@code
 * filepath.format(epoch=epoch + 1, **logs)}: {@code {epoch:02d}} was written literally.
 */
class CliCheckpointPathTest {
  @TempDir Path dir;

  @Test
  void fieldsTakeTheEpochAndTheLogs() throws Exception {
    Path history = dir.resolve("h.csv");
    Cli t = Cli.run("train", "--epochs", "3", "--verbose", "0", "--checkpoint",
        dir.resolve("m-{epoch:02d}-{loss:.4f}.keras").toString(), "--history-csv",
        history.toString());
    assertEquals(0, t.code(), t.err());
    List<String> expected = new ArrayList<>();
    List<String> rows = Files.readAllLines(history); // epoch,binary_accuracy,loss
    for (int e = 1; e <= 3; e++) {
      double loss = Double.parseDouble(rows.get(e).split(",")[2]);
      expected.add(String.format("m-%02d-%s.keras", e, PyFormat.fixed(loss, 4)));
    }
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(expected, s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".keras")).sorted().toList());
    }
  }

  @Test
  void aFieldThatIsNotLoggedIsRefusedBeforeTraining() {
    // Keras raises KeyError at the first save; here before any native work.
    Cli t = Cli.run("train", "--checkpoint", dir.resolve("m-{val_loss:.2f}.keras").toString());
    assertEquals(2, t.code(), t.err());
    assertEquals("tfjava-xor train: --checkpoint " + dir.resolve("m-{val_loss:.2f}.keras")
        + ": {val_loss} is not logged; expected epoch or one of [binary_accuracy, loss]",
        t.firstError());
  }
}
