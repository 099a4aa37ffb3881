package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.FloatNdArray;

/** Happy paths of every subcommand, and --resume equal to an uninterrupted run. */
class CliRunTest {
  @TempDir Path dir;

  private static Cli ok(String... args) {
    Cli r = Cli.run(args);
    assertEquals(0, r.code(), "stderr: " + r.err());
    return r;
  }

  @Test
  void evaluateAfterAValidationSplitSaysItCoversEveryRow() {
    // Issue 19: the line was computed on all rows, validation rows included, and did not say so.
    Cli r = ok("train", "--epochs", "3", "--verbose", "0", "--data", "parity:3",
        "--validation-split", "0.25");
    String line = r.out().lines().filter(l -> l.startsWith("evaluate: ")).findFirst().orElseThrow();
    assertTrue(line.matches("evaluate: loss: \\S+ - binary_accuracy: \\S+ \\(all 8 rows: the 2"
        + " validation rows included\\)"), line);
    Cli one = ok("train", "--epochs", "3", "--verbose", "0", "--validation-split", "0.25");
    assertTrue(one.out().contains(" (all 4 rows: the 1 validation row included)\n"), one.out());
    assertFalse(ok("train", "--epochs", "3", "--verbose", "0").out().contains("(all "));
  }

  @Test
  void tutorialIsTheDefault() {
    Cli r = ok("--epochs", "1000", "--verbose", "0");
    assertEquals("\ncompile_metrics: 100.00%\n[[0.]\n [1.]\n [1.]\n [0.]]\n", r.out());
    assertEquals(r.out(), ok("tutorial", "--verbose", "0").out());
  }

  @Test
  void stepsPerExecutionChangesNoNumber() throws Exception {
    // 16 rows in batches of 3: 6 steps per epoch, the last of 1 row; shuffled, with a history.
    List<String> histories = new ArrayList<>();
    String out = null;
    for (String spe : List.of("auto", "1", "4")) {
      Path hist = dir.resolve("h" + spe + ".csv");
      Cli r = ok("train", "--data", "parity:4", "--batch-size", "3", "--epochs", "15",
          "--verbose", "0", "--steps-per-execution", spe, "--history-csv", hist.toString());
      assertEquals(out == null ? r.out() : out, r.out(), "--steps-per-execution " + spe);
      out = r.out();
      histories.add(Files.readString(hist));
    }
    assertEquals(histories.get(0), histories.get(1));
    assertEquals(histories.get(0), histories.get(2));
    Cli bad = Cli.run("train", "--steps-per-execution", "0");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("tfjava-xor train: --steps-per-execution: expected auto or an"
        + " integer >= 1, found 0\n"), bad.err());
  }

  @Test
  void zeroEpochsReportTheUntrainedModel() throws Exception {
    Path hist = dir.resolve("h0.csv");
    Cli r = ok("train", "--epochs", "0", "--verbose", "0", "--seed", "3", "--history-csv", hist.toString());
    try (Sequential m = ModelSpec.tutorial(2, 1).withSeed(3).build()) {
      float[] scores = m.evaluate(new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
          new float[][] {{0}, {1}, {1}, {0}}, 32, 0);
      assertTrue(r.out().contains("evaluate: loss: " + io.github.tfjavaxor.keras.utils.PyFormat.metric(scores[0])
          + " - binary_accuracy: "), r.out());
    }
    assertTrue(r.out().contains("epochs: 0\n"), r.out());
    assertEquals(List.of(), Files.readAllLines(hist)); // as Keras's CSVLogger leaves it
  }

  @Test
  void validationLogsValMetricsToCsvAndTensorBoard() throws Exception {
    Path hist = dir.resolve("hv.csv");
    Path tb = dir.resolve("tb");
    Path val = dir.resolve("val.csv");
    Files.writeString(val, "a,b,xor\n1,1,0\n0,1,1\n");
    ok("train", "--epochs", "3", "--verbose", "0", "--validation-data", val.toString(),
        "--history-csv", hist.toString(), "--tensorboard", tb.toString());
    List<String> rows = Files.readAllLines(hist);
    assertEquals("epoch,binary_accuracy,loss,val_binary_accuracy,val_loss", rows.get(0));
    assertEquals(4, rows.size());
    assertTrue(Files.list(tb.resolve("validation")).anyMatch(p -> p.getFileName().toString().startsWith("events.out.tfevents")));
    Cli bad = Cli.run("train", "--epochs", "1", "--validation-data", dir.resolve("none.csv").toString());
    assertEquals(3, bad.code(), bad.err());
  }

  @Test
  void trainMatchesTheCoreModelAndWritesFiles() throws Exception {
    Path save = dir.resolve("m");
    Path hist = dir.resolve("h.csv");
    Path plot = dir.resolve("curves.png");
    Path boundary = dir.resolve("boundary.png");
    Cli r = ok("train", "--epochs", "300", "--verbose", "0", "--layers", "8", "--activation", "tanh",
        "--learning-rate", "0.01", "--seed", "7", "--save", save.toString(), "--history-csv", hist.toString(),
        "--plot", plot.toString(), "--plot-boundary", boundary.toString());
    // The same model through the core API.
    ModelSpec spec = new ModelSpec(2, List.of(8), List.of("tanh"), 1, "sigmoid", "mean_squared_error", "adam",
        0.01, List.of("binary_accuracy"), 7);
    float[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    float[][] y = {{0}, {1}, {1}, {0}};
    try (Sequential m = spec.build()) {
      var h = m.fit(x, y, 300, 32, 0);
      float[] scores = m.evaluate(x, y, 32, 0);
      String first = r.out().lines().filter(l -> l.startsWith("evaluate: ")).findFirst().orElseThrow();
      assertEquals("evaluate: loss: " + io.github.tfjavaxor.keras.utils.PyFormat.metric(scores[0])
          + " - binary_accuracy: " + io.github.tfjavaxor.keras.utils.PyFormat.metric(scores[1]), first);
      List<String> rows = Files.readAllLines(hist);
      assertEquals("epoch,binary_accuracy,loss", rows.get(0));
      assertEquals(301, rows.size());
      assertEquals("299," + h.get("binary_accuracy").get(299) + "," + h.get("loss").get(299), rows.get(300));
    }
    BufferedImage c = ImageIO.read(plot.toFile());
    assertEquals(800, c.getWidth());
    assertEquals(800, c.getHeight()); // loss chart above the metrics chart
    assertEquals(700, ImageIO.read(boundary.toFile()).getWidth());
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial")), "temp files left");
    }
    // evaluate and predict on the saved model give the same numbers.
    Cli ev = ok("evaluate", "--model", save.toString(), "--data", "xor");
    assertEquals(r.out().lines().filter(l -> l.startsWith("evaluate: ")).findFirst().orElseThrow(),
        "evaluate: " + ev.out().strip());
    String preds = r.out().lines().filter(l -> l.startsWith("predictions:")).findFirst().orElseThrow();
    Path in = dir.resolve("in.csv");
    Files.writeString(in, "b,a\n0,0\n1,0\n0,1\n1,1\n");
    Cli p = ok("predict", "--model", save.toString(), "--input", in.toString());
    List<Float> got = p.out().lines().map(Float::parseFloat).toList();
    String[] expected = preds.substring("predictions: ".length()).split(" ");
    // Rows were given as (b,a): (0,0)->xor(0,0), (1,0)->xor(0,1), (0,1)->xor(1,0), (1,1)->xor(1,1).
    for (int i = 0; i < 4; i++) {
      assertEquals(expected[i], io.github.tfjavaxor.keras.utils.PyFormat.fixed(got.get(i), 4));
    }
  }

  @Test
  void predictFromStdinWithoutHeaderAndRounded() throws Exception {
    Path save = dir.resolve("m");
    ok("train", "--verbose", "0", "--save", save.toString());
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream("0,0\n0,1\n1,0\n1,1\n".getBytes(StandardCharsets.UTF_8)));
      Cli p = ok("predict", "--model", save.toString(), "--no-header", "--round");
      assertEquals("0.0\n1.0\n1.0\n0.0\n", p.out());
      System.setIn(new ByteArrayInputStream("0,0\n0,x\n".getBytes(StandardCharsets.UTF_8)));
      Cli bad = Cli.run("predict", "--model", save.toString(), "--no-header");
      assertEquals(3, bad.code());
      assertEquals("tfjava-xor predict: <stdin>:2:2: expected a number, found 'x'", bad.firstError());
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void summaryPrintsKerasTable() throws Exception {
    Cli r = ok("summary", "--layers", "16,8", "--data", "parity:3");
    assertTrue(r.out().contains("│ dense (Dense)                   │ (None, 16)             │            64 │"), r.out());
    assertTrue(r.out().contains(" Total params: 209 (836.00 B)"), r.out()); // 3*16+16 + 16*8+8 + 8+1
    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "x1,x2,x3,x4,t\n1,2,3,4,1\n");
    assertTrue(ok("summary", "--data", csv.toString(), "--target", "t").out().contains(" Total params: 97 "));
  }

  @Test
  void trainsOnCsvData() throws Exception {
    Path csv = dir.resolve("and.csv");
    Files.writeString(csv, "p,q,out\n0,0,0\n0,1,0\n1,0,0\n1,1,1\n");
    Cli r = ok("train", "--data", csv.toString(), "--target", "out", "--epochs", "500", "--verbose", "0",
        "--learning-rate", "0.05");
    assertTrue(r.out().contains("binary_accuracy: 1.0000"), r.out());
  }

  private static List<float[]> weights(Path prefix) throws Exception {
    CheckpointMeta meta = Checkpoints.readMeta(prefix);
    try (Sequential m = Checkpoints.restore(prefix, meta)) {
      return m.getWeights().stream().map(CliRunTest::flat).toList();
    }
  }

  private static float[] flat(FloatNdArray a) {
    float[] f = new float[(int) a.size()];
    a.copyTo(org.tensorflow.ndarray.buffer.DataBuffers.of(f, false, false));
    return f;
  }

  @Test
  void resumeFromCheckpointEqualsUninterruptedRun() throws Exception {
    for (String[] data : new String[][] {{"xor", "32"}, {"parity:3", "3"}}) {
      Path full = dir.resolve("full");
      Path resumed = dir.resolve("resumed");
      String ck = dir.resolve("ck-{epoch}").toString();
      ok("train", "--data", data[0], "--batch-size", data[1], "--epochs", "12", "--verbose", "0",
          "--save", full.toString(), "--checkpoint", ck);
      assertEquals(12, Checkpoints.readMeta(Path.of(ck.replace("{epoch}", "12"))).epoch());
      // "Interrupted" after epoch 5: continue from that epoch's checkpoint.
      Cli r = ok("train", "--data", data[0], "--batch-size", data[1], "--epochs", "12", "--verbose", "0",
          "--resume", ck.replace("{epoch}", "5"), "--save", resumed.toString());
      assertTrue(r.out().contains("epochs: 12 (resumed at 5)"), r.out());
      List<float[]> a = weights(full);
      List<float[]> b = weights(resumed);
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(a.get(i), b.get(i), data[0] + " weight " + i);
      }
      // A fresh 7-epoch run from epoch 0 differs: the optimizer state and epoch count matter.
      Path seven = dir.resolve("seven");
      ok("train", "--data", data[0], "--batch-size", data[1], "--epochs", "7", "--verbose", "0", "--save", seven.toString());
      assertTrue(!java.util.Arrays.equals(a.get(0), weights(seven).get(0)));
    }
    Cli wrongBatch = Cli.run("train", "--data", "parity:3", "--resume", dir.resolve("ck-5").toString(), "--batch-size", "4");
    assertEquals(2, wrongBatch.code());
    assertEquals("tfjava-xor train: --batch-size: the checkpoint was trained with --batch-size 3; continuing with 4"
        + " would not match an uninterrupted run", wrongBatch.firstError());
  }

  @Test
  void earlyStoppingAndTerminateOnNanFromTheCommandLine() {
    Cli es = ok("train", "--epochs", "100", "--verbose", "0", "--early-stopping", "--min-delta", "1", "--patience", "2");
    assertTrue(es.out().contains("epochs: 3\n"), es.out());
    assertTrue(es.err().contains("Epoch 3: early stopping"), es.err());
    Cli nan = ok("train", "--epochs", "50", "--verbose", "0", "--optimizer", "sgd", "--learning-rate", "1e30",
        "--terminate-on-nan");
    assertTrue(nan.err().contains("Batch 0: Invalid loss, terminating training"), nan.err());
    assertTrue(nan.out().contains("(terminated on NaN)"), nan.out());
  }
}
