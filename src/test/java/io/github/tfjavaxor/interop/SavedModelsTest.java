package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedModelsTest {
  @TempDir Path tmp;

  @Test
  void predictsWithTheSavedModelKerasExported() throws IOException {
    JsonNode expected = Fixtures.expected();
    try (SavedModelPredictor p = SavedModelPredictor.load(Fixtures.path("xor_savedmodel"))) {
      assertEquals(2, p.features());
      float[] java = Fixtures.flatten(p.predict(Fixtures.XOR));
      assertArrayEquals(
          Fixtures.kerasPredictionsHere("savedmodel", Fixtures.path("xor_savedmodel")), java, 0f);
      Fixtures.assertNearFixture(Fixtures.flatten(expected.get("predictions")), java);
    }
  }

  @Test
  void exportThenLoadGivesTheModelsPredictions() throws IOException {
    Path dir = tmp.resolve("exported");
    try (Sequential m = KerasModelFile.load(Fixtures.path("xor.keras"))) {
      m.setProgressStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
      m.fit(Fixtures.XOR, Fixtures.TARGET, FitArgs.builder(5).batchSize(32).verbose(0).shuffle(false).build());
      float[][] want = m.predict(Fixtures.XOR, 32, 0);
      SavedModels.export(m, dir);
      try (SavedModelPredictor p = SavedModelPredictor.load(dir)) {
        assertArrayEquals(Fixtures.flatten(want), Fixtures.flatten(p.predict(Fixtures.XOR)), 0f);
      }
    }
    assertTrue(Files.isRegularFile(dir.resolve("saved_model.pb")));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of("exported"), s.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void exportIntoAnExistingDirectoryLeavesTheOtherFilesAlone() throws IOException {
    // As Keras's model.export (tf.saved_model.save): the export's files replace theirs, no more.
    Path dir = Files.createDirectories(tmp.resolve("exported/variables"));
    Files.writeString(tmp.resolve("exported/README.md"), "mine");
    Files.writeString(dir.resolve("variables.index"), "an older export's");
    try (Sequential m = KerasModelFile.load(Fixtures.path("xor.keras"))) {
      SavedModels.export(m, tmp.resolve("exported"));
      try (SavedModelPredictor p = SavedModelPredictor.load(tmp.resolve("exported"))) {
        assertArrayEquals(Fixtures.flatten(m.predict(Fixtures.XOR, 32, 0)),
            Fixtures.flatten(p.predict(Fixtures.XOR)), 0f);
      }
    }
    assertEquals("mine", Files.readString(tmp.resolve("exported/README.md")));
    try (Stream<Path> s = Files.walk(tmp)) {
      assertEquals(List.of("", "exported", "exported/README.md", "exported/saved_model.pb",
          "exported/variables", "exported/variables/variables.data-00000-of-00001",
          "exported/variables/variables.index"),
          s.map(p -> tmp.relativize(p).toString()).sorted().toList());
    }
  }

  @Test
  void rejectsMissingModelAndBadInput() throws IOException {
    KerasFileException e = assertThrows(KerasFileException.class,
        () -> SavedModelPredictor.load(tmp));
    assertEquals(tmp + ": saved_model.pb is missing; expected a TensorFlow SavedModel directory"
        + " (saved_model.pb, variables/)", e.getMessage());
    try (SavedModelPredictor p = SavedModelPredictor.load(Fixtures.path("xor_savedmodel"))) {
      IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
          () -> p.predict(new float[][] {{0, 1, 2}}));
      assertEquals("x[0]: expected 2 values, found 3", bad.getMessage());
    }
  }
}
