package io.github.tfjavaxor.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tfjavaxor.keras.utils.PyFormat;
import io.github.tfjavaxor.tutorial.XorTutorial;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import jdk.jshell.Diag;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs notebooks-equivalent/xor.jsh through the jdk.jshell API, snippet by snippet as the jshell
 * tool reads a script, and fails on the first rejected snippet or thrown exception (the jshell
 * tool itself would carry on and exit 0). Then checks the tutorial's key outputs.
 */
class JshScriptTest {
  private static final Path SCRIPT = GenerateNotebooks.FOLDER.resolve(NotebookFiles.JSHELL_SCRIPT);
  private static final Path CHART = Path.of("target", "notebooks", "learning-curve-jshell.png");

  private static String output;
  private static String chartValue;

  @BeforeAll
  static void runScript() throws Exception {
    Files.deleteIfExists(CHART);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (JShell shell =
        JShell.builder()
            .out(out)
            .err(out)
            .remoteVMOptions("-Djava.awt.headless=true", "-Dfile.encoding=UTF-8")
            .build()) {
      shell.addToClasspath(ProjectClasspath.read());
      SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
      String pending = "";
      int lineNo = 0;
      for (String line : Files.readAllLines(SCRIPT)) {
        lineNo++;
        pending = pending + line + "\n";
        // Evaluate every complete snippet in the buffer; keep an incomplete tail for the next line.
        while (!pending.isBlank()) {
          SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(pending);
          if (!info.completeness().isComplete()) {
            break;
          }
          for (SnippetEvent event : shell.eval(info.source())) {
            check(shell, event, lineNo, bytes);
            if (event.snippet().source().strip().equals("chartImage")) {
              chartValue = event.value();
            }
          }
          pending = info.remaining();
        }
      }
      assertTrue(pending.isBlank(), "xor.jsh ends inside an incomplete snippet: " + pending);
    }
    output = ProjectClasspath.plain(bytes.toString(StandardCharsets.UTF_8));
  }

  private static void check(JShell shell, SnippetEvent event, int lineNo, ByteArrayOutputStream bytes) {
    String where = SCRIPT + " (snippet ending at line " + lineNo + "): ";
    if (event.status() == Snippet.Status.REJECTED) {
      String diags =
          shell.diagnostics(event.snippet()).map(Diag::toString).collect(Collectors.joining("; "));
      fail(where + "rejected: " + event.snippet().source() + " -> " + diags);
    }
    if (event.exception() != null) {
      fail(where + "threw " + event.exception() + "\noutput so far:\n" + bytes.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void trainsAndPrintsTheTutorialsNumbers() {
    // The model API in the script and the line-by-line tutorial class are bit-identical for seed
    // 42, so the script's evaluate line must carry the tutorial's loss.
    XorTutorial.Run tutorial = XorTutorial.run(42, 1000, 0, new PrintStream(OutputStream.nullOutputStream()));
    assertTrue(output.contains("Epoch 1000/1000\n"), output);
    Matcher evaluate =
        Pattern.compile("1/1 ━+ \\S+ \\S+/step - binary_accuracy: 1\\.0000 - loss: (\\d\\.\\d{4})\n\ncompile_metrics: 100\\.00%\n")
            .matcher(output);
    assertTrue(evaluate.find(), "evaluate + compile_metrics line missing:\n" + tail(output));
    assertEquals(PyFormat.fixed(tutorial.scores()[0], 4), evaluate.group(1));
    String afterEvaluate = output.substring(evaluate.end());
    assertTrue(
        afterEvaluate.matches("(?s)1/1 ━+ \\S+ \\S+/step\n\\[\\[0\\.]\n \\[1\\.]\n \\[1\\.]\n \\[0\\.]]\n.*"),
        "predictions missing after the evaluate line:\n" + tail(afterEvaluate));
  }

  @Test
  void buildsTheGraphByHandAndRunsItOnce() {
    assertTrue(output.contains("hidden: [-1, 16]\n"), output);
    assertTrue(output.contains("  dense/kernel (VariableV2)\n  dense/kernel_1 (Assign)\n"), output);
    assertTrue(output.contains("  dense/kernel_initializer/StatelessRandomUniform (StatelessRandomUniform)\n"), output);
    assertTrue(output.contains("  dense/Relu (Relu)\n"), output);
    // Untrained sigmoid outputs: the first row is x=[0,0] with zero biases, exactly 0.5. (numpy pads
    // it to the widest value, whose last digit depends on the CPU's kernels: AVX-512 or not.)
    assertTrue(output.matches("(?s).*\\[\\[0\\.5 +]\n.*"), output);
  }

  @Test
  void toursTheGraph() {
    TourOutputs.checkJava(output);
  }

  @Test
  void drawsTheLearningCurve() throws Exception {
    assertTrue(chartValue != null && chartValue.startsWith("BufferedImage@"), "chartImage value: " + chartValue);
    assertTrue(chartValue.contains("width = 600 height = 400"), chartValue);
    BufferedImage png = ImageIO.read(CHART.toFile());
    assertEquals(600, png.getWidth());
    assertEquals(400, png.getHeight());
  }

  @Test
  void tuningCellReportsTheTunedRun() {
    Matcher m =
        Pattern.compile("Dense\\(8, tanh\\): loss 0\\.\\d{4}, binary_accuracy (\\d+\\.\\d\\d)%, first epoch at 100%: (\\d+)\n")
            .matcher(output);
    assertTrue(m.find(), tail(output));
    assertEquals("100.00", m.group(1));
    int first = Integer.parseInt(m.group(2));
    assertTrue(first >= 1 && first <= 1000, "first epoch at 100%: " + first);
    assertTrue(output.endsWith("model closed\n"), tail(output));
  }

  private static String tail(String s) {
    List<String> lines = new ArrayList<>(s.lines().toList());
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }
}
