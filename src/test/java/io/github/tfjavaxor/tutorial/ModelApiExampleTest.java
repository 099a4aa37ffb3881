package io.github.tfjavaxor.tutorial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Xor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** docs/model-api.md's example: the page shows its code, and it trains as the tutorial does. */
class ModelApiExampleTest {
  private static final Path DOC = Path.of("docs", "model-api.md");
  private static final Path SOURCE =
      Path.of("src/main/java/io/github/tfjavaxor/tutorial/ModelApiExample.java");

  @Test
  void matchesTheTutorialAndReloadsTheSamePredictions() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ModelApiExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    // mse and "accuracy" on one sigmoid unit are the tutorial's mean_squared_error and
    // binary_accuracy; batch 4 is its one full batch, so the numbers are the same bits
    // (Float.toString names each float exactly).
    XorTutorial.Run tutorial = XorTutorial.run(42, 1000, 0, Xor.NULL_OUT);
    assertTrue(out.contains("evaluate: " + Arrays.toString(tutorial.scores()) + "\n"),
        "ModelApiExample's evaluate against XorTutorial's " + Arrays.toString(tutorial.scores())
        + ", seed 42; " + CpuInfo.describe() + ":\n" + out);
    assertTrue(out.contains("Total params: 65"), out);
    for (int e : new int[] {250, 500, 750, 1000}) {
      assertTrue(out.contains("epoch " + e + ": {accuracy="), "epoch " + e + " in:\n" + out);
    }
    assertTrue(out.contains("epoch 1000: {accuracy=1.0, loss="
        + (double) tutorial.epochLoss()[999] + "}"), out);
    assertTrue(out.contains("history: [accuracy, loss] x 1000 epochs"), out);
    assertTrue(out.contains("evaluate: [" + tutorial.scores()[0] + ", 1.0]"), out);
    assertTrue(out.contains("reloaded: mse, [accuracy], same predictions: true"), out);
  }

  @Test
  void thePageShowsTheExamplesCode() throws Exception {
    List<String> block = new ArrayList<>();
    boolean in = false;
    for (String line : Files.readAllLines(DOC)) {
      if (line.startsWith("```")) {
        if (in) {
          break;
        }
        in = line.equals("```java");
      } else if (in) {
        block.add(line.strip());
      }
    }
    List<String> source = Files.readAllLines(SOURCE).stream().map(String::strip).toList();
    assertTrue(block.size() >= 30, DOC + ": expected the example as its first ```java block, found "
        + block.size() + " lines");
    assertTrue(Collections.indexOfSubList(source, block) >= 0,
        DOC + "'s ```java block is not a run of lines of " + SOURCE + ":\n" + String.join("\n", block));
  }
}
