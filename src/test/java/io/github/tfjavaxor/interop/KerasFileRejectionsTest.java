package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras-written files (python/make_cli_fixtures.py) the port cannot represent, named where the
 * content is, and corrupt zips: every entry's CRC-32 is checked before a byte is used.
 */
class KerasFileRejectionsTest {
  @TempDir Path tmp;

  private static String rejection(String fixture) {
    return assertThrows(KerasFileException.class,
        () -> KerasModelFile.load(Fixtures.path(fixture)).close()).getMessage();
  }

  @Test
  void aConvolutionIsNamedBeforeItsInputShape() {
    assertEquals("conv2d.keras!config.json: layers[1] 'conv2d' (Conv2D): not supported; the port"
        + " reads InputLayer and Dense", rejection("conv2d.keras"));
  }

  @Test
  void aDenseLayerWithoutBiasIsNamed() {
    assertEquals("nobias.keras!config.json: layers[2] 'dense_1' use_bias=false: not supported; the"
        + " port's Dense always has a bias", rejection("nobias.keras"));
  }

  @Test
  void aSubclassedModelIsNamed() {
    assertEquals("subclassed.keras!config.json: a subclassed model (class_name 'TwoDense',"
        + " registered_name 'tfjava_xor>TwoDense'): not supported; the port reads keras.Sequential"
        + " models of InputLayer and Dense layers", rejection("subclassed.keras"));
  }

  @Test
  void kerasWritesStoredEntries() throws IOException {
    try (ZipFile z = new ZipFile(Fixtures.path("stored.keras").toFile())) {
      List<String> methods = new ArrayList<>();
      z.stream().forEach(e -> methods.add(e.getName() + ":" + e.getMethod()));
      assertEquals(List.of("metadata.json:0", "config.json:0", "model.weights.h5:0"), methods);
    }
  }

  @Test
  void aFlippedWeightByteFailsTheCrc() throws IOException {
    byte[] bytes = Files.readAllBytes(Fixtures.path("stored.keras"));
    long start;
    long crc;
    try (ZipFile z = new ZipFile(Fixtures.path("stored.keras").toFile())) {
      ZipEntry e = z.getEntry("model.weights.h5");
      crc = e.getCrc();
      // STORED: the data is the file's last local entry, right before the central directory.
      start = indexOf(bytes, "model.weights.h5".getBytes()) + "model.weights.h5".length();
    }
    int at = (int) start + 4000;
    bytes[at] ^= 0x01;
    Path bad = Files.write(tmp.resolve("flipped.keras"), bytes);
    KerasFileException ex = assertThrows(KerasFileException.class, () -> KerasModelFile.load(bad));
    assertTrue(ex.getMessage().startsWith(String.format("flipped.keras: bad CRC-32 for entry"
        + " model.weights.h5: expected %08x as the zip directory says, found ", crc)), ex.getMessage());
    assertTrue(ex.getMessage().endsWith("; the file is corrupt (Keras refuses it too)"),
        ex.getMessage());
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i <= hay.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }

  @Test
  void noSingleByteFlipLoadsOtherWeights() throws IOException {
    Path original = Fixtures.path("stored.keras");
    byte[] bytes = Files.readAllBytes(original);
    List<float[]> expected = new ArrayList<>();
    try (Sequential m = KerasModelFile.load(original)) {
      m.getWeights().forEach(w -> expected.add(Fixtures.flatten(w)));
    }
    Random random = new Random(10);
    int rejected = 0;
    int loaded = 0;
    Path file = tmp.resolve("mutated.keras");
    for (int trial = 0; trial < 400; trial++) {
      byte[] copy = bytes.clone();
      int at = random.nextInt(copy.length);
      copy[at] ^= (byte) (1 + random.nextInt(255));
      Files.write(file, copy);
      Sequential m;
      try {
        m = KerasModelFile.load(file);
      } catch (KerasFileException e) {
        rejected++;
        continue;
      }
      try (m) {
        loaded++;
        for (int i = 0; i < expected.size(); i++) {
          assertArrayEquals(expected.get(i), Fixtures.flatten(m.getWeights().get(i)), 0f,
              "flip at byte " + at + " of " + copy.length + ": weight " + i);
        }
      }
    }
    assertEquals(400, rejected + loaded);
    assertTrue(rejected > 300, "most flips hit the entries' data: rejected " + rejected);
  }
}
