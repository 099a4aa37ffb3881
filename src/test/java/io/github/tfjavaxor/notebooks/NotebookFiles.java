package io.github.tfjavaxor.notebooks;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the steps of a cells file as the three generated files: the Java notebook, the Python
 * notebook (nbformat 4.5 JSON, keys sorted and indented by one space as Jupyter writes them) and
 * the JShell script.
 */
public final class NotebookFiles {
  /** The generated files, by name, in the folder of the cells file. */
  public static final String JAVA_NOTEBOOK = "xor-java.ipynb";

  public static final String PYTHON_NOTEBOOK = "xor-python.ipynb";
  public static final String JSHELL_SCRIPT = "xor.jsh";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private NotebookFiles() {}

  /** File name to content for all three generated files. */
  public static Map<String, String> render(List<CellsFile.Step> steps) {
    Map<String, String> files = new TreeMap<>();
    files.put(JAVA_NOTEBOOK, notebook(steps, true));
    files.put(PYTHON_NOTEBOOK, notebook(steps, false));
    files.put(JSHELL_SCRIPT, jshell(steps));
    return files;
  }

  /** The .ipynb JSON of the Java ({@code java} true) or the Python notebook. */
  public static String notebook(List<CellsFile.Step> steps, boolean java) {
    ArrayNode cells = JSON.arrayNode();
    for (int i = 0; i < steps.size(); i++) {
      CellsFile.Step s = steps.get(i);
      String id = String.format("step-%02d", i);
      ObjectNode md = cell("markdown", id + "-text", s.markdown());
      cells.add(md);
      ObjectNode code = cell("code", id + "-code", java ? s.java() : s.python());
      code.putNull("execution_count");
      code.putArray("outputs");
      cells.add(sorted(code));
    }
    ObjectNode kernelspec = JSON.objectNode();
    ObjectNode language = JSON.objectNode();
    if (java) {
      kernelspec.put("display_name", "Java (jjava)").put("language", "java").put("name", "java");
      language.put("file_extension", ".jshell").put("mimetype", "text/x-java-source")
          .put("name", "java");
    } else {
      kernelspec.put("display_name", "Python 3 (ipykernel)").put("language", "python")
          .put("name", "python3");
      language.put("file_extension", ".py").put("mimetype", "text/x-python").put("name", "python");
    }
    ObjectNode metadata = JSON.objectNode();
    metadata.set("kernelspec", kernelspec);
    metadata.set("language_info", language);
    ObjectNode nb = JSON.objectNode();
    nb.set("cells", cells);
    nb.set("metadata", metadata);
    nb.put("nbformat", 4);
    nb.put("nbformat_minor", 5);
    return write(nb) + "\n";
  }

  /** The .jsh script: prose as // comments, then the Java and JShell-only code of each step. */
  public static String jshell(List<CellsFile.Step> steps) {
    StringBuilder out = new StringBuilder();
    out.append("// GENERATED from notebooks-equivalent/xor.cells by notebooks-equivalent/generate.sh;")
        .append(" do not edit.\n")
        .append("// Run with notebooks-equivalent/jshell.sh, which puts the project's classpath on")
        .append(" jshell.\n");
    for (int i = 0; i < steps.size(); i++) {
      CellsFile.Step s = steps.get(i);
      out.append("\n// ---- cell ").append(2 * i).append(" ----\n");
      for (String line : s.markdown().split("\n", -1)) {
        out.append(line.isEmpty() ? "//" : "// " + line).append('\n');
      }
      out.append("// ---- cell ").append(2 * i + 1).append(" ----\n");
      if (s.javaNotebookOnly()) {
        out.append("// (Java notebook only; jshell.sh has already put the classpath on jshell.)\n");
      } else {
        out.append(s.java()).append('\n');
      }
      if (!s.jshell().isEmpty()) {
        out.append(s.jshell()).append('\n');
      }
    }
    return out.toString();
  }

  private static ObjectNode cell(String type, String id, String source) {
    ObjectNode cell = JSON.objectNode();
    cell.put("cell_type", type);
    cell.put("id", id);
    cell.putObject("metadata");
    ArrayNode lines = cell.putArray("source");
    String[] parts = source.split("\n", -1);
    for (int i = 0; i < parts.length; i++) {
      lines.add(i < parts.length - 1 ? parts[i] + "\n" : parts[i]);
    }
    return cell;
  }

  private static ObjectNode sorted(ObjectNode node) {
    ObjectNode out = JSON.objectNode();
    new TreeMap<>(node.properties().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))
        .forEach(out::set);
    return out;
  }

  private static String write(ObjectNode nb) {
    DefaultIndenter oneSpace = new DefaultIndenter(" ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(oneSpace)
            .withArrayIndenter(oneSpace);
    try {
      return new ObjectMapper().writer(printer).writeValueAsString(nb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
