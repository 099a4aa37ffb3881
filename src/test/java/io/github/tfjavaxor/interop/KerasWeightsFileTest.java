package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

class KerasWeightsFileTest {
  @TempDir Path tmp;

  @Test
  void readsWeightsKerasWroteExactly() throws IOException {
    JsonNode expected = Fixtures.expected();
    try (Sequential m = Fixtures.tutorialModel(16)) {
      KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), m);
      List<FloatNdArray> w = m.getWeights();
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(Fixtures.expectedWeight(expected, i), Fixtures.flatten(w.get(i)), 0f,
            "weight " + i);
      }
      // Same ops and kernels as Keras (Add for the 1-unit bias): identical predictions.
      float[] p = Fixtures.flatten(m.predict(Fixtures.XOR, 32, 0));
      assertArrayEquals(
          Fixtures.kerasPredictionsHere("weights", Fixtures.path("xor.weights.h5")), p, 0f);
      Fixtures.assertNearFixture(Fixtures.flatten(expected.get("predictions")), p);
    }
  }

  @Test
  void javaRoundTripIsExact() throws IOException {
    Path file = tmp.resolve("rt.weights.h5");
    try (Sequential a = Fixtures.tutorialModel(16); Sequential b = Fixtures.tutorialModel(16)) {
      KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), a);
      KerasWeightsFile.save(file, a);
      KerasWeightsFile.load(file, b);
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(
            Fixtures.flatten(a.getWeights().get(i)), Fixtures.flatten(b.getWeights().get(i)), 0f);
      }
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of("rt.weights.h5"), files.map(p -> p.getFileName().toString()).toList());
    }
  }

  @Test
  void rejectsMissingDatasetNamingItsPath() {
    try (Sequential m = Fixtures.tutorialModel(16)) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.load(Fixtures.path("missing_bias.weights.h5"), m));
      assertEquals("missing_bias.weights.h5: dataset layers/dense_1/vars/1 (dense_1/bias) is"
          + " missing; expected float32 [1]", e.getMessage());
    }
  }

  @Test
  void rejectsShapeMismatchBeforeSettingAnything() {
    try (Sequential m = Fixtures.tutorialModel(8)) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), m));
      assertEquals("xor.weights.h5: dataset layers/dense/vars/0 (dense/kernel): expected float32"
          + " [2, 8], found float32 [2, 16]", e.getMessage());
    }
  }

  @Test
  void rejectsExtraLayer() {
    try (Sequential m = new Sequential(1)) {
      m.add(new io.github.tfjavaxor.keras.layers.Dense(16, "relu", 2));
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.load(Fixtures.path("xor.weights.h5"), m));
      assertEquals("xor.weights.h5: the file has 2 layers ([dense, dense_1]), the model 1;"
          + " unexpected: layers/dense_1", e.getMessage());
    }
  }

  @Test
  void rejectsTruncatedFile() throws IOException {
    byte[] all = Files.readAllBytes(Fixtures.path("xor.weights.h5"));
    Path cut = tmp.resolve("cut.weights.h5");
    Files.write(cut, Arrays.copyOf(all, 3000));
    try (Sequential m = Fixtures.tutorialModel(16)) {
      KerasFileException e =
          assertThrows(KerasFileException.class, () -> KerasWeightsFile.load(cut, m));
      assertTrue(e.getMessage().startsWith("cut.weights.h5: HDF5 file is truncated or corrupt ("),
          e.getMessage());
    }
  }

  @Test
  void rejectsNonHdf5AndMissingFiles() throws IOException {
    Path text = tmp.resolve("text.weights.h5");
    Files.writeString(text, "hello, world");
    try (Sequential m = Fixtures.tutorialModel(16)) {
      KerasFileException e =
          assertThrows(KerasFileException.class, () -> KerasWeightsFile.load(text, m));
      assertEquals(text + ": not an HDF5 file; expected the signature \\x89HDF\\r\\n\\x1a\\n,"
          + " found 68656c6c6f2c2077", e.getMessage());
      Path none = tmp.resolve("none.weights.h5");
      e = assertThrows(KerasFileException.class, () -> KerasWeightsFile.load(none, m));
      assertEquals(none + ": no such file", e.getMessage());
    }
  }

  @Test
  void failedSaveLeavesNoFile() throws IOException {
    // The target is a non-empty directory, so the final move fails after the write.
    Path target = tmp.resolve("busy.weights.h5");
    Files.createDirectory(target);
    Files.writeString(target.resolve("keep"), "x");
    try (Sequential m = Fixtures.tutorialModel(16)) {
      assertThrows(IOException.class, () -> KerasWeightsFile.save(target, m));
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of("busy.weights.h5"), files.map(p -> p.getFileName().toString()).toList());
    }
    assertFalse(Files.isRegularFile(target));
  }

  @Test
  void rejectsNameKerasWouldRefuse() {
    try (Sequential m = Fixtures.tutorialModel(16)) {
      KerasFileException e = assertThrows(KerasFileException.class,
          () -> KerasWeightsFile.save(tmp.resolve("w.h5"), m));
      assertEquals(tmp.resolve("w.h5") + ": expected a file name ending in .weights.h5 (Keras"
          + " requires it), found 'w.h5'", e.getMessage());
    }
  }
}
