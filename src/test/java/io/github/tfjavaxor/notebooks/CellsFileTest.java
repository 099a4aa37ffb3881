package io.github.tfjavaxor.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellsFileTest {
  private static final String TWO_STEPS =
      "header note\n"
          + "%% markdown\n# Title\n\nprose\n%% java notebook\nsetup();\n%% python\nimport os\n"
          + "%% markdown\nStep two\n%% java\n\nint a = 1;\n\n%% jshell\nsave();\n%% python\na = 1\n";

  @Test
  void parsesStepsAndTrimsBlankLines() {
    List<CellsFile.Step> steps = CellsFile.parse(TWO_STEPS, "t.cells");
    assertEquals(2, steps.size());
    assertEquals(new CellsFile.Step(2, "# Title\n\nprose", "setup();", true, "", "import os"), steps.get(0));
    assertEquals(new CellsFile.Step(10, "Step two", "int a = 1;", false, "save();", "a = 1"), steps.get(1));
  }

  @Test
  void notebooksAlignCellByCellAndJshSkipsNotebookOnlyCode() {
    List<CellsFile.Step> steps = CellsFile.parse(TWO_STEPS, "t.cells");
    String java = NotebookFiles.notebook(steps, true);
    String python = NotebookFiles.notebook(steps, false);
    assertTrue(java.contains("\"id\": \"step-01-code\""));
    assertTrue(java.contains("\"int a = 1;\""));
    assertTrue(python.contains("\"a = 1\""));
    assertTrue(java.contains("\"name\": \"java\""));
    assertTrue(python.contains("\"name\": \"python3\""));
    String jsh = NotebookFiles.jshell(steps);
    assertFalse(jsh.contains("setup();"));
    assertTrue(jsh.contains("// ---- cell 3 ----\nint a = 1;\nsave();\n"));
    assertTrue(jsh.contains("// # Title\n//\n// prose\n"));
  }

  @Test
  void unknownDirectiveNamesFileLineAndChoices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellsFile.parse("%% markdown\nx\n%% kotlin\ny\n", "t.cells"));
    assertEquals(
        "t.cells:3:1: expected one of '%% markdown', '%% java', '%% java notebook', '%% jshell',"
            + " '%% python', found '%% kotlin'",
        e.getMessage());
  }

  @Test
  void stepWithoutPythonIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellsFile.parse("%% markdown\nx\n%% java\ny();\n%% markdown\nz\n", "t.cells"));
    assertEquals(
        "t.cells:1:1: expected the step starting here to have a '%% python' block, found none",
        e.getMessage());
  }

  @Test
  void emptyAndDuplicateBlocksAreRejected() {
    IllegalArgumentException empty =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellsFile.parse("%% markdown\nx\n%% java\n\n%% python\np\n", "t.cells"));
    assertEquals("t.cells:3:1: expected text under '%% java', found an empty block", empty.getMessage());
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class,
            () -> CellsFile.parse("%% markdown\nx\n%% python\na\n%% python\nb\n", "t.cells"));
    assertEquals(
        "t.cells:5:1: expected one '%% python' block in the step starting at line 1, found a second one",
        twice.getMessage());
  }

  @Test
  void codeBeforeTheFirstStepIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CellsFile.parse("%% java\nx\n", "t.cells"));
    assertEquals("t.cells:1:1: expected '%% markdown' to start the first step, found '%% java'", e.getMessage());
    IllegalArgumentException none =
        assertThrows(IllegalArgumentException.class, () -> CellsFile.parse("just a note\n", "t.cells"));
    assertEquals(
        "t.cells:1:1: expected at least one step starting with '%% markdown', found none", none.getMessage());
  }
}
