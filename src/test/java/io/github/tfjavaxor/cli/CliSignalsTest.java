package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.ndarray.LongNdArray;

/**
 * SIGINT and SIGTERM at random moments to a real {@code train --epochs 200000 --checkpoint
 * ck.keras}: every try exits 130 or 143 with one line naming the last epoch and checkpoint, leaves
 * nothing beside the checkpoint, and the checkpoint loads (its optimizer has run exactly as many
 * steps as the line says). A third of the moments fall in the second and a half after the CLI
 * printed its device (graph and session building, the first epochs), the rest in the 0.8 s after
 * the first checkpoint appeared. (Before main installs its handlers, the JVM's own exit 130/143
 * with nothing written and nothing printed.)
 */
class CliSignalsTest {
  private static final int TRIES = 20; // per signal
  private static final int DOUBLES = 2; // per signal: a second signal right after the first
  private static final Pattern LINE = Pattern.compile("tfjava-xor train: interrupted by"
      + " SIG(INT|TERM) (before the first epoch|after epoch ([0-9]+)) of 200000; (no checkpoint"
      + " written yet|last checkpoint: ck\\.keras \\(epoch ([0-9]+)\\))");
  private static final Pattern AGAIN = Pattern.compile("tfjava-xor: SIG(INT|TERM) again: exited at once");

  @TempDir Path tmp;

  private record Try(int index, String signal, boolean early, int delayMs, boolean twice, int code,
      List<String> lines, List<String> files) {
    String describe(long seed) {
      return "try " + index + " (seed " + seed + "): SIG" + signal + (twice ? " twice" : "")
          + " " + delayMs + " ms after " + (early ? "the device line" : "the first checkpoint")
          + ": exit " + code + ", lines " + lines + ", files " + files;
    }
  }

  @Test
  void signalsAtRandomMomentsLeaveOnlyALoadableCheckpoint() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<Try>> futures = new ArrayList<>();
    for (int i = 0; i < 2 * (TRIES + DOUBLES); i++) {
      int index = i;
      String signal = i % 2 == 0 ? "INT" : "TERM";
      boolean twice = i >= 2 * TRIES;
      boolean early = !twice && i % 6 < 2;
      int delay = random.nextInt(early ? 1500 : 800);
      futures.add(pool.submit(() -> run(index, signal, early, delay, twice)));
    }
    pool.shutdown();
    Path lastCheckpoint = null;
    int withCheckpoint = 0;
    for (Future<Try> f : futures) {
      Try t = f.get(5, TimeUnit.MINUTES);
      String what = t.describe(seed);
      assertEquals(t.signal.equals("INT") ? 130 : 143, t.code, what);
      Path ck = tmp.resolve("try-" + t.index).resolve("ck.keras");
      // Twice: the second signal may exit before, or as, the first one's line is printed.
      List<String> lines = t.lines.stream().filter(l -> !(t.twice && AGAIN.matcher(l).matches()))
          .toList();
      if (t.twice && lines.isEmpty()) {
        assertTrue(t.files.isEmpty() || t.files.equals(List.of("ck.keras")), what);
      } else {
        assertEquals(1, lines.size(), what);
        Matcher m = LINE.matcher(lines.get(0));
        assertTrue(m.matches(), what);
        assertEquals(t.signal, m.group(1), what);
        if (m.group(5) == null) {
          assertEquals(List.of(), t.files, what);
          continue;
        }
        assertEquals(m.group(3), m.group(5), "a checkpoint every epoch: " + what);
        assertEquals(List.of("ck.keras"), t.files, what);
        assertEquals(Long.parseLong(m.group(5)), iterations(ck), "steps in " + ck + ": " + what);
      }
      if (Files.exists(ck)) {
        iterations(ck);
        lastCheckpoint = ck;
        withCheckpoint++;
      }
    }
    assertTrue(withCheckpoint >= 2 * TRIES / 2, "too few tries with a checkpoint: "
        + withCheckpoint + " (seed " + seed + ")");
    kerasLoads(lastCheckpoint);
  }

  private Try run(int index, String signal, boolean early, int delayMs, boolean twice)
      throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("try-" + index));
    Path err = tmp.resolve("try-" + index + ".err");
    Process p = new ProcessBuilder(CliProcess.command("train", "--epochs", "200000",
            "--checkpoint", "ck.keras", "--verbose", "0"))
        .directory(dir.toFile()).redirectOutput(tmp.resolve("try-" + index + ".out").toFile())
        .redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      while (early ? !Files.readString(err).contains("TensorFlow devices")
          : !Files.exists(dir.resolve("ck.keras"))) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          fail("try " + index + ": never got there: " + Files.readString(err));
        }
        Thread.sleep(10);
      }
      Thread.sleep(delayMs);
      CliProcess.signal(p.pid(), signal);
      if (twice) {
        CliProcess.signal(p.pid(), signal);
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        fail("try " + index + ": still running 60 s after SIG" + signal);
      }
    } finally {
      p.destroyForcibly();
    }
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(f -> f.getFileName().toString()).sorted().toList();
    }
    return new Try(index, signal, early, delayMs, twice, p.exitValue(), CliProcess.cliLines(err),
        files);
  }

  private static long iterations(Path keras) throws Exception {
    try (Sequential m = KerasModelFile.load(keras)) {
      return ((LongNdArray) m.getOptimizerVariables().get(0)).getLong();
    }
  }

  // Keras loads it too, with the same step count and weights.
  private static void kerasLoads(Path keras) throws Exception {
    JsonNode k = new ObjectMapper().readTree(PythonVenv.locate()
        .runChecked("interop_check.py", "model", keras.toString()).stdout());
    try (Sequential m = KerasModelFile.load(keras)) {
      assertEquals(((LongNdArray) m.getOptimizerVariables().get(0)).getLong(),
          k.get("iterations").asLong(), keras.toString());
      for (int i = 0; i < 16; i++) { // the hidden layer's bias
        assertEquals(m.getWeights().get(1).getFloat(i),
            (float) k.get("weights").get(1).get(i).asDouble(), keras.toString());
      }
    }
  }

  @ParameterizedTest(name = "{0} ms after TensorFlow's first run")
  @ValueSource(ints = {3000, 5000})
  void aSecondSignalDuringASweepsTrainingExitsWithoutACrash(int delayMs) throws Exception {
    // A forced exit while a group's session.run was in flight crashed in libtensorflow_cc
    // (SIGSEGV from exit()'s static destructors; 3 of 4 tries at these delays, AMD EPYC); it now
    // ends the process by the signal itself.
    Path out = tmp.resolve("sweep-" + delayMs);
    Path err = tmp.resolve("sweep-" + delayMs + ".err");
    Path stdout = tmp.resolve("sweep-" + delayMs + ".out");
    Process p = new ProcessBuilder(CliProcess.command("sweep", "--seeds", "200", "--epochs",
            "3000", "--group-size", "100", "--jobs", "1", "--out", out.toString()))
        .redirectOutput(stdout.toFile()).redirectError(err.toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
      // TensorFlow prints this line at its first session.run, as the first group compiles.
      while (!Files.readString(err).contains("mlir_graph_optimization_pass")) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          fail("never started training: " + Files.readString(err));
        }
        Thread.sleep(10);
      }
      Thread.sleep(delayMs);
      // 20 ms apart: the second usually lands while the group's session.run still runs.
      CliProcess.signal(p.pid(), "INT");
      Thread.sleep(20);
      CliProcess.signal(p.pid(), "INT");
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still running 30 s after the second SIGINT");
    } finally {
      p.destroyForcibly();
    }
    String what = "stdout: " + Files.readString(stdout) + "\nstderr: " + Files.readString(err);
    assertEquals(130, p.exitValue(), what);
    assertTrue(!what.contains("fatal error"), what);
    // The first signal may have stopped the sweep between two runs before the second came.
    List<String> lines = CliProcess.cliLines(err);
    assertTrue(lines.equals(List.of("tfjava-xor: SIGINT again: exited at once"))
        || lines.equals(List.of("tfjava-xor sweep: interrupted by SIGINT; " + out.resolve("runs.csv")
            + " has the 0 runs done; --resume continues")), what);
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("runs.csv"), files.map(f -> f.getFileName().toString()).toList(), what);
    }
  }

  @Test
  void aCommandWaitingForStdinIsStoppedAfterTheGrace() throws Exception {
    // predict reads rows from stdin, which stays open and empty: no check is ever reached.
    Path err = tmp.resolve("err");
    Process p = new ProcessBuilder(CliProcess.command("predict", "--model",
            "src/test/resources/io/github/tfjavaxor/interop/xor.keras"))
        .redirectOutput(tmp.resolve("out").toFile()).redirectError(err.toFile()).start();
    try {
      Thread.sleep(1500);
      CliProcess.signal(p.pid(), "TERM");
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "still waiting 30 s after SIGTERM");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(143, p.exitValue());
    assertEquals(List.of("tfjava-xor: interrupted by SIGTERM; exited at once, as the command had"
        + " not stopped 5 s later"), CliProcess.cliLines(err));
  }

  @Test
  void closingStdoutStopsTheTutorialSilently() throws Exception {
    // tfjava-xor tutorial --epochs 100000 | head -2
    Path err = tmp.resolve("err");
    Process p = new ProcessBuilder(CliProcess.command("tutorial", "--epochs", "100000"))
        .redirectError(err.toFile()).start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("Epoch 1/100000", out.readLine());
      out.readLine();
      out.close();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still training 60 s after stdout closed");
    } finally {
      p.destroyForcibly();
    }
    assertEquals(141, p.exitValue());
    assertEquals(List.of(), CliProcess.cliLines(err));
  }
}
