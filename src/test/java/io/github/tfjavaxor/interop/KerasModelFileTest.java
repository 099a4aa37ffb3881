package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.optimizers.Adam;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KerasModelFileTest {
  @TempDir Path tmp;

  @Test
  void buildsTheModelKerasSaved() throws IOException {
    JsonNode expected = Fixtures.expected();
    try (Sequential m = KerasModelFile.load(Fixtures.path("xor.keras"))) {
      assertEquals(2, m.layers().size());
      assertEquals(2, m.inputDim());
      assertEquals(16, m.layers().get(0).units());
      assertEquals(Activation.RELU, m.layers().get(0).activation());
      assertEquals(Activation.SIGMOID, m.layers().get(1).activation());
      assertEquals("dense_1", m.layers().get(1).name());
      assertEquals("mean_squared_error", m.loss().kerasName());
      assertEquals(List.of("binary_accuracy"), m.compiledMetricNames());
      Adam adam = (Adam) m.optimizer();
      assertEquals(0.001f, adam.learningRate());
      assertEquals(1e-7, adam.epsilon());
      for (int i = 0; i < 4; i++) {
        assertArrayEquals(Fixtures.expectedWeight(expected, i),
            Fixtures.flatten(m.getWeights().get(i)), 0f);
      }
      m.setProgressStream(new java.io.PrintStream(OutputStream.nullOutputStream()));
      float[] p = Fixtures.flatten(m.predict(Fixtures.XOR, 32, 0));
      assertArrayEquals(Fixtures.kerasPredictionsHere("model", Fixtures.path("xor.keras")), p, 0f);
      Fixtures.assertNearFixture(Fixtures.flatten(expected.get("predictions")), p);
    }
  }

  @Test
  void javaRoundTripKeepsLayersCompileAndWeights() throws IOException {
    Path file = tmp.resolve("rt.keras");
    try (Sequential a = KerasModelFile.load(Fixtures.path("xor.keras"))) {
      KerasModelFile.save(file, a);
      try (Sequential b = KerasModelFile.load(file)) {
        assertEquals(a.summary(), b.summary());
        assertEquals(a.loss(), b.loss());
        for (int i = 0; i < 4; i++) {
          assertArrayEquals(Fixtures.flatten(a.getWeights().get(i)),
              Fixtures.flatten(b.getWeights().get(i)), 0f);
        }
      }
    }
    try (ZipFile z = new ZipFile(file.toFile())) {
      assertEquals(List.of("metadata.json", "config.json", "model.weights.h5"),
          z.stream().map(ZipEntry::getName).toList());
    }
  }

  @Test
  void rejectsOtherLayerType() {
    KerasFileException e = assertThrows(KerasFileException.class,
        () -> KerasModelFile.load(Fixtures.path("dropout.keras")));
    assertEquals("dropout.keras!config.json: layers[2] 'dropout' (Dropout): not supported; the port"
        + " reads InputLayer and Dense", e.getMessage());
  }

  @Test
  void rejectsUnsupportedActivation() {
    KerasFileException e = assertThrows(KerasFileException.class,
        () -> KerasModelFile.load(Fixtures.path("softmax.keras")));
    assertEquals("softmax.keras!config.json: layers[2] 'probabilities' activation='softmax': not"
        + " supported; the port has relu, sigmoid, tanh, linear, elu, selu, relu6, softsign",
        e.getMessage());
  }

  @Test
  void rejectsNonSequential() {
    KerasFileException e = assertThrows(KerasFileException.class,
        () -> KerasModelFile.load(Fixtures.path("functional.keras")));
    assertEquals("functional.keras!config.json: a Functional model (class_name 'Functional'): not"
        + " supported; the port reads keras.Sequential models of InputLayer and Dense layers",
        e.getMessage());
  }

  @Test
  void rejectsTruncatedZip() throws IOException {
    byte[] all = Files.readAllBytes(Fixtures.path("xor.keras"));
    Path cut = tmp.resolve("cut.keras");
    Files.write(cut, Arrays.copyOf(all, all.length / 2));
    KerasFileException e = assertThrows(KerasFileException.class, () -> KerasModelFile.load(cut));
    assertTrue(e.getMessage().startsWith("cut.keras: not a readable zip archive (truncated or"
        + " corrupt? "), e.getMessage());
  }

  @Test
  void rejectsMissingEntryAndShapeMismatchInsideTheZip() throws IOException {
    Path noWeights = tmp.resolve("noweights.keras");
    Path wrongWeights = tmp.resolve("wrong.keras");
    try (ZipFile src = new ZipFile(Fixtures.path("xor.keras").toFile());
        ZipOutputStream a = new ZipOutputStream(Files.newOutputStream(noWeights));
        ZipOutputStream b = new ZipOutputStream(Files.newOutputStream(wrongWeights))) {
      for (String n : List.of("metadata.json", "config.json")) {
        byte[] data = src.getInputStream(src.getEntry(n)).readAllBytes();
        a.putNextEntry(new ZipEntry(n));
        a.write(data);
        b.putNextEntry(new ZipEntry(n));
        // config says 16 hidden units; give it 8-unit weights below
        b.write(n.equals("config.json")
            ? new String(data, "UTF-8").replace("\"units\": 16", "\"units\": 8").getBytes("UTF-8")
            : data);
      }
      b.putNextEntry(new ZipEntry("model.weights.h5"));
      b.write(Files.readAllBytes(Fixtures.path("xor.weights.h5")));
    }
    KerasFileException e =
        assertThrows(KerasFileException.class, () -> KerasModelFile.load(noWeights));
    assertEquals("noweights.keras: entry model.weights.h5 is missing; a .keras file holds"
        + " metadata.json, config.json and model.weights.h5", e.getMessage());
    e = assertThrows(KerasFileException.class, () -> KerasModelFile.load(wrongWeights));
    assertEquals("wrong.keras!model.weights.h5: dataset layers/dense/vars/0 (dense/kernel):"
        + " expected float32 [2, 8], found float32 [2, 16]", e.getMessage());
  }
}
