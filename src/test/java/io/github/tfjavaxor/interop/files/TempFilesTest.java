package io.github.tfjavaxor.interop.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary names are registered while written and released after, whatever the outcome. */
class TempFilesTest {
  @TempDir Path dir;

  @AfterEach
  void reopen() {
    TempFiles.reopen();
  }

  @Test
  void aWriteReleasesItsTemporaryNameWhetherItSucceedsOrFails() throws IOException {
    Path target = dir.resolve("m.keras");
    AtomicFiles.writePath(target, tmp -> {
      assertEquals(List.of(tmp), TempFiles.live());
      assertTrue(tmp.getFileName().toString().matches("\\.m\\.keras\\.[0-9]+\\.partial\\.keras"),
          tmp.toString());
      Files.writeString(tmp, "new");
    });
    assertEquals("new", Files.readString(target));
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.writePath(target, tmp -> {
      Files.writeString(tmp, "half");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("new", Files.readString(target));
    assertEquals(List.of(), TempFiles.live());
    assertEquals(List.of("m.keras"), names(dir));
    assertEquals(null, AtomicFiles.problemWriting(target));
    assertEquals(List.of("m.keras"), names(dir), "the probe is gone");
  }

  @Test
  void deleteAllRemovesWhatIsRegisteredAndWhatStartsWithItOnly() throws IOException {
    Path file = TempFiles.createFile(dir, ".m.keras.", ".partial.keras");
    Path prefix = TempFiles.reserve(dir, ".ck.partial-", "");
    Files.writeString(Path.of(prefix + ".index"), "");
    Files.writeString(Path.of(prefix + ".data-00000-of-00001.tempstate123"), "");
    Path tree = TempFiles.reserve(dir, ".out.", ".partial");
    Files.createDirectories(tree.resolve("variables"));
    Files.writeString(tree.resolve("variables/variables.index"), "");
    Path released = TempFiles.createFile(dir, ".h.csv.", ".partial.csv");
    TempFiles.release(released);
    Files.writeString(dir.resolve(".m.keras.42.partial.keras"), "the user's, not ours");
    Files.writeString(dir.resolve("ck.index"), "");
    assertEquals(3, TempFiles.live().size());
    assertTrue(Files.exists(file));

    TempFiles.deleteAll();
    assertEquals(List.of(released.getFileName().toString(), ".m.keras.42.partial.keras", "ck.index"),
        names(dir));
    assertEquals(List.of(), TempFiles.live());
    assertFalse(Files.exists(file));
  }

  @Test
  void aSecondSweepRemovesAFileAWriterCreatedByPathAfterTheFirst() throws IOException {
    // CliSignalsTest saw it: a writer that had its name opened the path just after deleteAll.
    Path late = TempFiles.reserve(dir, ".m.keras.", ".partial.keras");
    TempFiles.deleteAll();
    Files.writeString(late, "written after the first sweep");
    Files.writeString(dir.resolve("m.keras"), "the user's");
    TempFiles.deleteAll();
    assertEquals(List.of("m.keras"), names(dir));
  }

  private static List<String> names(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
