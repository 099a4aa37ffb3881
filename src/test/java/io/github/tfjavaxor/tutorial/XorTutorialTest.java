package io.github.tfjavaxor.tutorial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.callbacks.History;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tutorial class: its output, and bit-identity with the model API for the same seed. */
class XorTutorialTest {

  @Test
  void tutorialAndModelApiAreBitIdentical() {
    for (long seed : new long[] {42, 7}) {
      XorTutorial.Run run = XorTutorial.run(seed, 1000, 0, Xor.NULL_OUT);
      try (Sequential model = Xor.model(seed)) {
        History h = model.fit(Xor.X, Xor.Y, 1000, 32, 0);
        List<Double> loss = h.get("loss");
        List<Double> acc = h.get("binary_accuracy");
        String where = "seed " + seed + ": the tutorial's graph (epoch 1 one session.run, then its"
            + " epoch loop) against Sequential.fit (its epoch loop); " + CpuInfo.describe();
        for (int e = 0; e < 1000; e++) {
          assertEquals(run.epochLoss()[e], loss.get(e).floatValue(), "epoch " + e + ", " + where);
          assertEquals(run.epochAccuracy()[e], acc.get(e).floatValue(),
              "accuracy epoch " + e + ", " + where);
        }
        assertArrayEquals(run.scores(), model.evaluate(Xor.X, Xor.Y, 32, 0));
        float[][] p = model.predict(Xor.X, 32, 0);
        for (int i = 0; i < 4; i++) {
          assertEquals(run.predictions()[i][0], p[i][0], "prediction " + i);
        }
      }
    }
  }

  @Test
  void defaultSeedPrintsKerasStyleLogAndLearnsXor() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    XorTutorial.Run run = XorTutorial.run(Sequential.SEED_DEFAULT, 1000, 2, out);
    String text = bytes.toString(StandardCharsets.UTF_8);
    String[] lines = text.split("\n");
    assertEquals("Epoch 1/1000", lines[0]);
    assertTrue(
        lines[1].matches("1/1 - \\d+s - \\d+[mu]?s/step - binary_accuracy: \\d\\.\\d{4} - loss: 0\\.\\d{4}"),
        lines[1]);
    assertEquals("Epoch 1000/1000", lines[1998]);
    assertEquals("", lines[2001]);
    assertEquals("compile_metrics: 100.00%", lines[2002]);
    assertTrue(lines[2003].matches("1/1 - \\d+s - \\d+[mu]?s/step"), lines[2003]);
    assertEquals("[[0.]", lines[2004]);
    assertEquals(" [1.]", lines[2005]);
    assertEquals(" [1.]", lines[2006]);
    assertEquals(" [0.]]", lines[2007]);
    assertEquals(2008, lines.length);
    assertEquals(1.0f, run.scores()[1]);
  }

  @Test
  void optionsAreCheckedWithClearMessages() {
    assertEquals(new Options(7, 50, 2, false), Options.parse(new String[] {"--seed", "7", "--epochs", "50", "--verbose", "2"}));
    assertEquals(new Options(42, 1000, 1, false), Options.parse(new String[] {}));
    // exec:java may deliver all arguments as one string.
    assertEquals(new Options(3, 10, 1, false), Options.parse(new String[] {"--seed 3 --epochs 10"}));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--epochs", "0"}));
    assertEquals("--epochs: expected an integer >= 1, found 0", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--seed", "x"}));
    assertEquals("--seed: expected an integer, found 'x'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--seed"}));
    assertEquals("--seed: expected a value, found none", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"--lr", "1"}));
    assertEquals("unknown option '--lr'", e.getMessage());
  }
}
