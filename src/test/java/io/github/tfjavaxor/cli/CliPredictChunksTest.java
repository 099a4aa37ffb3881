package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.keras.Sequential;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** predict in chunks of rows: the same numbers as one call, and a closed stdout stops it. */
class CliPredictChunksTest {
  static final Path MODEL = Path.of("src/test/resources/io/github/tfjavaxor/interop/xor.keras");

  @TempDir Path dir;

  private Path input(int rows) throws Exception {
    Random r = new Random(7);
    StringBuilder sb = new StringBuilder("a,b\n");
    for (int i = 0; i < rows; i++) {
      sb.append(r.nextFloat()).append(',').append(r.nextFloat()).append('\n');
    }
    return Files.writeString(dir.resolve("in.csv"), sb);
  }

  @Test
  void chunkedRowsEqualOnePredictCallOverAllRows() throws Exception {
    // Two chunks and a short last batch: the chunks keep predict's batches of 32.
    int rows = PredictCommand.CHUNK_ROWS + 45;
    Path in = input(rows);
    Cli c = Cli.run("predict", "--model", MODEL.toString(), "--input", in.toString());
    assertEquals(0, c.code(), c.err());
    List<String> lines = c.out().lines().toList();
    assertEquals(rows, lines.size());
    List<String> csv = Files.readAllLines(in);
    float[][] x = new float[rows][2];
    for (int i = 0; i < rows; i++) {
      String[] f = csv.get(i + 1).split(",");
      x[i] = new float[] {Float.parseFloat(f[0]), Float.parseFloat(f[1])};
    }
    try (Sequential m = KerasModelFile.load(MODEL, false)) {
      float[][] y = m.predict(x, PredictCommand.BATCH_SIZE, 0);
      for (int i = 0; i < rows; i++) {
        assertEquals(Float.toString(y[i][0]), lines.get(i), "row " + (i + 1));
      }
    }
  }

  @Test
  void aClosedStdoutStopsPredictWith141() throws Exception {
    // predict --input big.csv | head -2
    Path in = input(4 * PredictCommand.CHUNK_ROWS);
    Path err = dir.resolve("err");
    Process p = new ProcessBuilder(CliProcess.command("predict", "--model", MODEL.toString(),
            "--input", in.toString())).redirectError(err.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      out.readLine();
      out.readLine();
      out.close();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running 60 s after stdout closed");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(141, p.exitValue(), Files.readString(err));
    assertEquals(List.of(), CliProcess.cliLines(err));
  }

  @Test
  void stdinThatIsNotUtf8IsReportedWhereItIs() {
    // It was decoded with a replacement character: "column 'a': expected a number, found '\uFFFD'".
    java.io.InputStream old = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream(
          new byte[] {'a', ',', 'b', '\n', '0', ',', '0', '\n', (byte) 0xE9, ',', '1', '\n'}));
      Cli c = Cli.run("predict", "--model", MODEL.toString());
      assertEquals(3, c.code(), c.err());
      assertEquals("tfjava-xor predict: <stdin>:3:1: byte 0xE9 is not UTF-8; expected UTF-8 text"
          + " (save the file as UTF-8)", c.firstError());
    } finally {
      System.setIn(old);
    }
  }
}
