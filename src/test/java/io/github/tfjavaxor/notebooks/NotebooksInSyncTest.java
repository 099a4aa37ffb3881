package io.github.tfjavaxor.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed notebooks and .jsh are exactly what xor.cells generates. */
class NotebooksInSyncTest {
  private static final Path DIR = GenerateNotebooks.FOLDER;

  @Test
  void generatedFilesMatchTheCellsFile() throws Exception {
    List<CellsFile.Step> steps = CellsFile.read(DIR.resolve(GenerateNotebooks.CELLS));
    for (Map.Entry<String, String> e : NotebookFiles.render(steps).entrySet()) {
      Path committed = DIR.resolve(e.getKey());
      assertTrue(Files.exists(committed), committed + " is missing; run notebooks-equivalent/generate.sh");
      assertEquals(
          e.getValue(),
          Files.readString(committed),
          committed + " differs from xor.cells; edit xor.cells and run notebooks-equivalent/generate.sh");
    }
  }

  @Test
  void everyTutorialSectionIsAStepInOrder() throws Exception {
    List<CellsFile.Step> steps = CellsFile.read(DIR.resolve(GenerateNotebooks.CELLS));
    List<String> expected =
        List.of(
            "# XOR with TensorFlow Java",
            "## 1. Imports",
            "## 2. The data",
            "## 3. The hidden layer, by hand",
            "## 4. The output layer",
            "## 5. The same model with the model API",
            "## 6. Compile",
            "## 7. Train",
            "## 8. Evaluate",
            "## 9. Predict",
            "## 10. The learning curve",
            "## 11. Tuning",
            "## 12. A tour of the graph",
            "## 13. Run only the forward pass",
            "## 14. A gradient, and the chain rule by hand",
            "## 15. One Adam step by hand",
            "## 16. feed, fetch and addTarget",
            "## 17. What next");
    assertEquals(expected.size(), steps.size());
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(
          steps.get(i).markdown().startsWith(expected.get(i)),
          "step " + i + " starts with: " + steps.get(i).markdown().lines().findFirst().orElse(""));
    }
    // Only the classpath cell is Jupyter-only; every other Java cell is also in the .jsh.
    assertEquals(1, steps.stream().filter(CellsFile.Step::javaNotebookOnly).count());
    assertTrue(steps.get(0).javaNotebookOnly());
  }
}
