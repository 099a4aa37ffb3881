package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.datasets.LogicGates;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.sweep.RunResult;
import io.github.tfjavaxor.sweep.RunsCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny sweep checked against individual train runs; shards, merge and resume. */
class CliSweepTest {
  @TempDir Path dir;
  static final String[] GRID = {"--layers", "2,8", "--seeds", "2", "--epochs", "120", "--learning-rate", "0.02"};

  private Cli sweep(Path out, String... extra) {
    String[] args = new String[GRID.length + 3 + extra.length];
    args[0] = "sweep";
    System.arraycopy(GRID, 0, args, 1, GRID.length);
    args[GRID.length + 1] = "--out";
    args[GRID.length + 2] = out.toString();
    System.arraycopy(extra, 0, args, GRID.length + 3, extra.length);
    return Cli.run(args);
  }

  private static List<String> stable(List<RunResult> rows) {
    // Everything but the wall time, in grid order.
    return rows.stream().sorted(Comparator.comparingInt(RunResult::configIndex).thenComparingLong(RunResult::seed))
        .map(r -> r.key() + "|" + r.firstEpoch1() + "|" + r.finalLoss() + "|" + r.finalAccuracy()).toList();
  }

  @Test
  void sweepTableMatchesIndividualTrainRuns() throws Exception {
    Path out = dir.resolve("full");
    Cli s = sweep(out, "--jobs", "2");
    assertEquals(0, s.code(), s.err());
    List<RunResult> runs = RunsCsv.read(out.resolve("runs.csv")).rows();
    assertEquals(4, runs.size());
    for (RunResult r : runs) {
      String layers = r.configIndex() == 1 ? "2" : "8";
      Path hist = dir.resolve("h-" + layers + "-" + r.seed() + ".csv");
      Cli t = Cli.run("train", "--layers", layers, "--seed", Long.toString(r.seed()), "--epochs", "120",
          "--learning-rate", "0.02", "--verbose", "0", "--history-csv", hist.toString());
      assertEquals(0, t.code(), t.err());
      List<String> lines = Files.readAllLines(hist);
      int first = 0;
      for (int i = 1; i < lines.size(); i++) {
        if (lines.get(i).split(",")[1].equals("1.0")) {
          first = i;
          break;
        }
      }
      String[] last = lines.get(lines.size() - 1).split(",");
      assertEquals(first, r.firstEpoch1(), "first epoch at 100%, layers " + layers + " seed " + r.seed());
      assertEquals(Double.parseDouble(last[2]), r.finalLoss());
      assertEquals(Double.parseDouble(last[1]), r.finalAccuracy());
      assertTrue(t.out().contains("first epoch with binary_accuracy 1.0: " + (first == 0 ? "none" : first)), t.out());
    }
    // The table rows are computed from these runs.
    for (int c = 1; c <= 2; c++) {
      final int ci = c;
      List<RunResult> rs = runs.stream().filter(r -> r.configIndex() == ci).toList();
      long ok = rs.stream().filter(RunResult::success).count();
      String row = s.out().lines().filter(l -> l.startsWith("| " + ci + " |")).findFirst().orElseThrow();
      assertTrue(row.contains("| 2 | " + (ok * 50) + "% |"), row);
    }
    assertTrue(Files.size(out.resolve("epochs.png")) > 1000);
    assertEquals("config_index,config,runs,successes,success_rate,median_epoch_100,p90_epoch_100,median_final_loss,median_wall_s",
        Files.readAllLines(out.resolve("summary.csv")).get(0));
    assertTrue(s.err().contains("2 configurations x 2 seeds = 4 runs; 0 already done; 4 to run on 2 threads"), s.err());
    assertTrue(s.err().contains("4/4 runs 100%"), s.err());

    // Shards 1/2 and 2/2, merged, give the same runs.
    Cli a = sweep(dir.resolve("s1"), "--shard", "1/2", "--jobs", "1");
    Cli b = sweep(dir.resolve("s2"), "--shard", "2/2", "--jobs", "1");
    assertEquals(0, a.code(), a.err());
    assertEquals(0, b.code(), b.err());
    assertEquals(2, RunsCsv.read(dir.resolve("s1/runs.csv")).rows().size());
    Cli m = Cli.run("merge", "--out", dir.resolve("merged").toString(), dir.resolve("s1/runs.csv").toString(),
        dir.resolve("s2/runs.csv").toString());
    assertEquals(0, m.code(), m.err());
    assertEquals(stable(runs), stable(RunsCsv.read(dir.resolve("merged/runs.csv")).rows()));
    assertEquals(s.out().lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow().replaceAll("\\| [0-9.]+ \\|$", ""),
        m.out().lines().filter(l -> l.startsWith("| 1 |")).findFirst().orElseThrow().replaceAll("\\| [0-9.]+ \\|$", ""));

    // Interrupted: two runs written, the third torn mid-line. --resume keeps both and runs the rest.
    Path res = dir.resolve("resume");
    Files.createDirectories(res);
    List<String> full = Files.readAllLines(out.resolve("runs.csv"));
    String kept = full.get(0) + "\n" + full.get(1) + "\n" + full.get(2) + "\n";
    Files.writeString(res.resolve("runs.csv"), kept + full.get(3).substring(0, 20));
    Cli again = sweep(res);
    assertEquals(2, again.code());
    assertEquals("tfjava-xor sweep: --out " + res + " already has runs.csv; pass --resume to continue it, or choose another --out",
        again.firstError());
    Cli r = sweep(res, "--resume");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("dropped a partly written last line"), r.err());
    assertTrue(r.err().contains("2 already done; 2 to run"), r.err());
    assertTrue(Files.readString(res.resolve("runs.csv")).startsWith(kept));
    assertEquals(stable(runs), stable(RunsCsv.read(res.resolve("runs.csv")).rows()));
    Cli nothing = sweep(res, "--resume");
    assertTrue(nothing.err().contains("4 already done; 0 to run"), nothing.err());
  }

  @Test
  void groupedSweepsKeepTheRowsOfOneGraphPerRun() throws Exception {
    Cli one = sweep(dir.resolve("none"), "--jobs", "1", "--group", "none");
    assertEquals(0, one.code(), one.err());
    List<RunResult> alone = RunsCsv.read(dir.resolve("none/runs.csv")).rows();
    // The default: one exact group per configuration, each run's numbers its own.
    Cli exact = sweep(dir.resolve("exact"), "--jobs", "1");
    assertEquals(0, exact.code(), exact.err());
    assertTrue(exact.err().contains("4 to run on 1 thread, exact groups of up to 64"), exact.err());
    assertTrue(exact.out().matches("(?s).*\\n4 runs in [0-9]+\\.[0-9]{3} s on 1 thread \\([0-9.]+ runs/min\\),"
        + " of which compiling [0-9]+\\.[0-9]{3} s and training [0-9]+\\.[0-9]{3} s; data xor.*"), exact.out());
    assertEquals(stable(alone), stable(RunsCsv.read(dir.resolve("exact/runs.csv")).rows()),
        "exact groups against one graph per run; " + CpuInfo.describe());
    // Batched, and batched under XLA: the same runs, numbers within float32 drift.
    for (String jit : List.of("false", "true")) {
      Path out = dir.resolve("batched-" + jit);
      Cli batched = sweep(out, "--jobs", "1", "--group", "batched", "--group-size", "8",
          "--jit-compile", jit);
      assertEquals(0, batched.code(), batched.err());
      List<RunResult> b = RunsCsv.read(out.resolve("runs.csv")).rows();
      assertEquals(alone.stream().map(RunResult::key).sorted().toList(),
          b.stream().map(RunResult::key).sorted().toList());
      for (RunResult r : alone) {
        RunResult o = b.stream().filter(x -> x.key().equals(r.key())).findFirst().orElseThrow();
        assertEquals(r.finalLoss(), o.finalLoss(), 1e-3 * r.finalLoss(), r.key());
      }
    }
    Cli bad = sweep(dir.resolve("bad"), "--group", "stacked");
    assertEquals(2, bad.code());
    assertEquals("tfjava-xor sweep: --group: expected none, exact or batched, found 'stacked'", bad.firstError());
    Cli size = sweep(dir.resolve("bad"), "--group-size", "0");
    assertEquals("tfjava-xor sweep: --group-size: expected an integer >= 1, found 0", size.firstError());
    Cli jit = sweep(dir.resolve("bad"), "--group", "none", "--jit-compile", "true");
    assertEquals("tfjava-xor sweep: --jit-compile true: needs --group exact or batched, found --group none",
        jit.firstError());
    Cli word = sweep(dir.resolve("bad"), "--jit-compile", "yes");
    assertEquals("tfjava-xor sweep: --jit-compile: expected true or false, found 'yes'", word.firstError());
  }

  @Test
  void sweepUsageAndDataErrors() throws Exception {
    Cli wrap = Cli.run("sweep", "--seed", "9223372036854775807", "--seeds", "2", "--out",
        dir.resolve("x").toString());
    assertEquals(2, wrap.code());
    assertEquals("tfjava-xor sweep: --seed: 9223372036854775807 with --seeds 2 would run past the"
        + " largest seed 9223372036854775807; expected --seed <= 9223372036854775806",
        wrap.firstError());
    Cli sh = sweep(dir.resolve("x"), "--shard", "3/2");
    assertEquals(2, sh.code());
    assertEquals("tfjava-xor sweep: --shard: expected I/N with 1 <= I <= N, e.g. 2/4, found '3/2'", sh.firstError());
    Cli act = Cli.run("sweep", "--layers", "4-4", "--activation", "relu-tanh-relu", "--out", dir.resolve("y").toString());
    assertEquals(2, act.code());
    assertEquals("tfjava-xor sweep: --activation: 'relu-tanh-relu' has 3 activations but --layers '4-4' has 2 layers",
        act.firstError());
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, RunsCsv.HEADER.stream().reduce((x, y) -> x + "," + y).orElseThrow() + "\n1,c,xor sha256:0,10,x,0,0.1,1,5\n");
    Cli m = Cli.run("merge", "--out", dir.resolve("m").toString(), bad.toString());
    assertEquals(3, m.code());
    assertEquals("tfjava-xor merge: " + bad + ":2:5: column 'seed': expected an integer, found 'x'", m.firstError());
    // Rows sweep never writes: merge crashed on this config after writing its outputs.
    String header = String.join(",", RunsCsv.HEADER) + "\n";
    String config = "16 relu | sigmoid | mean_squared_error | adam default | batch 32";
    for (String[] c : new String[][] {
        {"1,x,xor sha256:0,100,1,0,0.1,1,5", "2:2: column 'config': expected 'hidden layers |"
            + " output | loss | optimizer | batch N', found 'x'"},
        {"1," + config + ",xor sha256:0,100,1,0,0.1,7.0,5", "2:8: column 'final_accuracy':"
            + " expected an accuracy in [0, 1], found '7.0'"},
        {"1," + config + ",xor sha256:0,100,1,500,0.1,1,5", "2:6: column 'first_epoch_100':"
            + " expected 0 (never) to epochs (100), found '500'"}}) {
      Files.writeString(bad, header + c[0] + "\n");
      Cli row = Cli.run("merge", "--out", dir.resolve("m").toString(), bad.toString());
      assertEquals(3, row.code(), row.err());
      assertEquals("tfjava-xor merge: " + bad + ":" + c[1], row.firstError());
      assertTrue(!Files.exists(dir.resolve("m")), "merge wrote nothing for " + c[0]);
    }
  }

  @Test
  void resumeAndMergeRefuseTheRunsOfAnotherSweep() throws Exception {
    String and = LogicGates.AND.dataset().identity();
    String xor = LogicGates.XOR.dataset().identity();
    Path d = dir.resolve("and");
    assertEquals(0, Cli.run("sweep", "--data", "and", "--seeds", "2", "--epochs", "30", "--out",
        d.toString()).code());
    String runs = Files.readString(d.resolve("runs.csv"));
    Cli data = Cli.run("sweep", "--data", "xor", "--seeds", "2", "--epochs", "30", "--out",
        d.toString(), "--resume");
    assertEquals(2, data.code(), data.err());
    assertEquals("tfjava-xor sweep: --resume: " + d.resolve("runs.csv") + " holds runs of another"
        + " sweep (data " + and + ", epochs 30); this one trains on " + xor + " for 30 epochs."
        + " Resume with the same data and --epochs, or choose another --out", data.firstError());
    Cli epochs = Cli.run("sweep", "--data", "and", "--seeds", "2", "--epochs", "40", "--out",
        d.toString(), "--resume");
    assertEquals(2, epochs.code(), epochs.err());
    assertTrue(epochs.firstError().contains("this one trains on " + and + " for 40 epochs"),
        epochs.err());
    assertEquals(runs, Files.readString(d.resolve("runs.csv")), "runs.csv untouched");
    // A runs.csv created as the process died, before its header: nothing done yet.
    Path empty = Files.createDirectories(dir.resolve("empty"));
    Files.writeString(empty.resolve("runs.csv"), "");
    Cli fresh = Cli.run("sweep", "--data", "and", "--seeds", "2", "--epochs", "30", "--out",
        empty.toString(), "--resume");
    assertEquals(0, fresh.code(), fresh.err());
    assertEquals(runs.lines().map(l -> l.substring(0, l.lastIndexOf(','))).toList(),
        Files.readString(empty.resolve("runs.csv")).lines()
            .map(l -> l.substring(0, l.lastIndexOf(','))).toList(), "the same runs, wall times aside");

    Path e = dir.resolve("xor");
    assertEquals(0, Cli.run("sweep", "--data", "xor", "--seeds", "2", "--epochs", "30", "--out",
        e.toString()).code());
    Cli m = Cli.run("merge", "--out", dir.resolve("m").toString(), d.resolve("runs.csv").toString(),
        e.resolve("runs.csv").toString());
    assertEquals(3, m.code(), m.err());
    assertEquals("tfjava-xor merge: " + e.resolve("runs.csv") + ": holds runs of another sweep"
        + " (data " + xor + ", epochs 30) than " + d.resolve("runs.csv") + " (data " + and
        + ", epochs 30); merge joins the shards of one sweep", m.firstError());
    assertTrue(!Files.exists(dir.resolve("m")), "merge wrote nothing");
  }

  @Test
  void sweepLeavesFilesItDidNotWrite() throws Exception {
    Path mine = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(mine.resolve("summary.csv"), "my own notes\n");
    Cli s = sweep(mine);
    assertEquals(2, s.code(), s.err());
    assertEquals("tfjava-xor sweep: --out " + mine + " already has summary.csv but no runs.csv;"
        + " choose another --out", s.firstError());
    assertEquals("my own notes\n", Files.readString(mine.resolve("summary.csv")));
    Cli empty = Cli.run("sweep", "--out", "");
    assertEquals(2, empty.code(), empty.err());
    assertEquals("tfjava-xor sweep: --out: expected a directory, found an empty path",
        empty.firstError());
  }
}
