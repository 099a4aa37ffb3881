package io.github.tfjavaxor.notebooks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses {@code notebooks-equivalent/xor.cells}, the one source of the Java notebook, the Python
 * notebook and the JShell script. The file's header explains the {@code %%} directives.
 */
public final class CellsFile {
  private CellsFile() {}

  /**
   * One tutorial step: cell 2N (markdown) and cell 2N+1 (code) of both notebooks.
   *
   * @param line 1-based line of the step's {@code %% markdown}
   * @param markdown the prose, shared by both notebooks
   * @param java the Java code
   * @param javaNotebookOnly true when the Java code is for the Java notebook only
   * @param jshell extra code for the .jsh only, after {@code java}; empty if none
   * @param python the Python code
   */
  public record Step(
      int line,
      String markdown,
      String java,
      boolean javaNotebookOnly,
      String jshell,
      String python) {}

  /** Reads and parses a cells file; errors name the file, line and column. */
  public static List<Step> read(Path file) throws IOException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
  }

  /**
   * @param text the file's content
   * @param name the file name used in error messages
   * @return the steps in order, at least one
   * @throws IllegalArgumentException naming {@code name:line:column}, what was expected and found
   */
  public static List<Step> parse(String text, String name) {
    String[] lines = text.split("\n", -1);
    List<Step> steps = new ArrayList<>();
    StepBuilder current = null;
    String block = null;
    int blockLine = 0;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i <= lines.length; i++) {
      boolean end = i == lines.length;
      String line = end ? null : lines[i];
      if (!end && !line.startsWith("%%")) {
        if (block != null) {
          body.append(line).append('\n');
        }
        continue;
      }
      if (block != null) {
        current.set(block, trimBlankLines(body.toString()), name, blockLine);
      }
      body.setLength(0);
      if (end) {
        break;
      }
      String directive = line.substring(2).strip();
      blockLine = i + 1;
      switch (directive) {
        case "markdown" -> {
          if (current != null) {
            steps.add(current.build(name));
          }
          current = new StepBuilder(blockLine);
        }
        case "java", "java notebook", "jshell", "python" -> {
          if (current == null) {
            throw new IllegalArgumentException(
                name + ":" + blockLine + ":1: expected '%% markdown' to start the first step,"
                    + " found '" + line + "'");
          }
        }
        default ->
            throw new IllegalArgumentException(
                name + ":" + blockLine + ":1: expected one of '%% markdown', '%% java',"
                    + " '%% java notebook', '%% jshell', '%% python', found '" + line + "'");
      }
      block = directive;
    }
    if (current == null) {
      throw new IllegalArgumentException(
          name + ":1:1: expected at least one step starting with '%% markdown', found none");
    }
    steps.add(current.build(name));
    return List.copyOf(steps);
  }

  // Drops leading and trailing blank lines and the final newline; keeps inner blank lines.
  private static String trimBlankLines(String s) {
    String[] lines = s.split("\n", -1);
    int from = 0;
    int to = lines.length;
    while (from < to && lines[from].isBlank()) {
      from++;
    }
    while (to > from && lines[to - 1].isBlank()) {
      to--;
    }
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
  }

  private static final class StepBuilder {
    private final int line;
    private String markdown;
    private String java;
    private boolean javaNotebookOnly;
    private String jshell = "";
    private String python;
    private boolean jshellSet;

    StepBuilder(int line) {
      this.line = line;
    }

    void set(String block, String text, String name, int at) {
      String where = name + ":" + at + ":1: ";
      if (text.isEmpty()) {
        throw new IllegalArgumentException(
            where + "expected text under '%% " + block + "', found an empty block");
      }
      boolean duplicate =
          switch (block) {
            case "markdown" -> markdown != null;
            case "java", "java notebook" -> java != null;
            case "jshell" -> jshellSet;
            default -> python != null;
          };
      if (duplicate) {
        throw new IllegalArgumentException(
            where + "expected one '%% " + block + "' block in the step starting at line " + line
                + ", found a second one");
      }
      switch (block) {
        case "markdown" -> markdown = text;
        case "java", "java notebook" -> {
          java = text;
          javaNotebookOnly = block.equals("java notebook");
        }
        case "jshell" -> {
          jshell = text;
          jshellSet = true;
        }
        default -> python = text;
      }
    }

    Step build(String name) {
      String missing = java == null ? "'%% java' (or '%% java notebook')" : python == null ? "'%% python'" : null;
      if (missing != null) {
        throw new IllegalArgumentException(
            name + ":" + line + ":1: expected the step starting here to have a " + missing
                + " block, found none");
      }
      return new Step(line, markdown, java, javaNotebookOnly, jshell, python);
    }
  }
}
