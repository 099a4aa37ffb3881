package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.sweep.RunResult;
import io.github.tfjavaxor.sweep.RunsCsv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/: the Kubernetes Indexed Job's and the SLURM array's task variables mapped to
 * {@code sweep --shard I/N} by deploy/sweep-shard, joined by deploy/merge-shards, give the same runs
 * and table as one sweep on one machine. The scripts run as the schedulers would start them, with
 * only the variables set; TFJAVA_XOR points them at this test's class path.
 */
class ClusterShardsTest {
  @TempDir Path dir;
  static final Path ROOT = Path.of("").toAbsolutePath();
  static final List<String> GRID = List.of("--layers", "2,8", "--seeds", "2", "--epochs", "120", "--learning-rate", "0.02");

  record Run(int code, String out, String err) {}

  private Run script(Map<String, String> env, String script, List<String> args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || k.equals("JOB_COMPLETION_INDEX") || k.equals("SHARDS"));
    pb.environment().put("TFJAVA_XOR", Cli.command());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().putAll(env);
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    int code = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
    return new Run(code, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  private static List<String> withJobs1(List<String> grid) {
    List<String> a = new ArrayList<>(grid);
    a.addAll(List.of("--jobs", "1"));
    return a;
  }

  /** Everything but the wall time, in grid order. */
  private static List<String> stable(Path runsCsv) throws Exception {
    return RunsCsv.read(runsCsv).rows().stream()
        .sorted(Comparator.comparingInt(RunResult::configIndex).thenComparingLong(RunResult::seed))
        .map(r -> r.key() + "|" + r.firstEpoch1() + "|" + r.finalLoss() + "|" + r.finalAccuracy()).toList();
  }

  /** The Markdown table's rows without the last column (median wall time). */
  static List<String> table(String out) {
    return out.lines().filter(l -> l.matches("\\| [0-9]+ \\|.*")).map(l -> l.replaceAll("\\| [0-9.]+ \\|$", "")).toList();
  }

  @Test
  void kubernetesAndSlurmShardsMergeToTheSingleMachineSweep() throws Exception {
    Cli single = Cli.run(concat(List.of("sweep"), GRID, List.of("--jobs", "1", "--out", dir.resolve("single").toString())));
    assertEquals(0, single.code(), single.err());
    List<String> want = stable(dir.resolve("single/runs.csv"));
    assertEquals(4, want.size());

    // Kubernetes: pods 0..2 of an Indexed Job with completions 3.
    Path k8s = dir.resolve("k8s");
    for (int k = 0; k < 3; k++) {
      Run r = script(Map.of("JOB_COMPLETION_INDEX", Integer.toString(k), "SHARDS", "3", "SWEEP_OUT", k8s.toString()),
          "deploy/sweep-shard", withJobs1(GRID));
      assertEquals(0, r.code(), r.err());
      assertTrue(r.err().contains("sweep-shard: shard " + (k + 1) + "/3 -> " + k8s.resolve("shard-" + (k + 1) + "-of-3")), r.err());
    }
    assertEquals(2, RunsCsv.read(k8s.resolve("shard-1-of-3/runs.csv")).rows().size());
    Run km = script(Map.of("SHARDS", "3", "SWEEP_OUT", k8s.toString()), "deploy/merge-shards", List.of());
    assertEquals(0, km.code(), km.err());
    assertEquals(want, stable(k8s.resolve("merged/runs.csv")));
    assertEquals(table(single.out()), table(km.out()));
    assertTrue(km.out().contains("4 runs from 3 files"), km.out());

    // SLURM: the array script as sbatch starts it, --array=1-2 (task k runs shard k of 2), then the merge script.
    Path slurm = dir.resolve("slurm");
    for (int id = 1; id <= 2; id++) {
      Run r = script(Map.of("SLURM_ARRAY_TASK_ID", Integer.toString(id), "SLURM_ARRAY_TASK_MIN", "1",
          "SLURM_ARRAY_TASK_MAX", "2", "SLURM_ARRAY_TASK_COUNT", "2", "SLURM_CPUS_PER_TASK", "1",
          "SLURM_SUBMIT_DIR", ROOT.toString(), "SWEEP_OUT", slurm.toString()), "deploy/slurm/sweep.sbatch", GRID);
      assertEquals(0, r.code(), r.err());
      assertTrue(r.err().contains("sweep-shard: shard " + id + "/2 -> " + slurm.resolve("shard-" + id + "-of-2")), r.err());
    }
    // Task 2 resubmitted alone (sbatch --array=2 --export=ALL,SHARDS=2): still shard 2 of 2, resumed.
    Run rerun = script(Map.of("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_MIN", "2", "SLURM_ARRAY_TASK_MAX", "2",
        "SLURM_ARRAY_TASK_COUNT", "1", "SHARDS", "2", "SLURM_CPUS_PER_TASK", "1", "SLURM_SUBMIT_DIR", ROOT.toString(),
        "SWEEP_OUT", slurm.toString()), "deploy/slurm/sweep.sbatch", GRID);
    assertEquals(0, rerun.code(), rerun.err());
    assertTrue(rerun.err().contains("shard 2/2 has 2; 2 already done; 0 to run"), rerun.err());
    Run sm = script(Map.of("SHARDS", "2", "SLURM_SUBMIT_DIR", ROOT.toString(), "SWEEP_OUT", slurm.toString()),
        "deploy/slurm/merge.sbatch", List.of());
    assertEquals(0, sm.code(), sm.err());
    assertEquals(want, stable(slurm.resolve("merged/runs.csv")));
    assertEquals(table(single.out()), table(sm.out()));

    // A retried task continues its shard instead of failing on the existing runs.csv.
    Run again = script(Map.of("JOB_COMPLETION_INDEX", "0", "SHARDS", "3", "SWEEP_OUT", k8s.toString()),
        "deploy/sweep-shard", withJobs1(GRID));
    assertEquals(0, again.code(), again.err());
    assertTrue(again.err().contains("2 already done; 0 to run"), again.err());
  }

  @Test
  void badOrMissingTaskVariablesAreUsageErrors() throws Exception {
    String out = dir.toString();
    assertError("sweep-shard: expected JOB_COMPLETION_INDEX (Kubernetes Indexed Job) or SLURM_ARRAY_TASK_ID (SLURM array), found neither",
        script(Map.of("SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    assertError("sweep-shard: JOB_COMPLETION_INDEX is set but SHARDS is not; set SHARDS to the Job's .spec.completions",
        script(Map.of("JOB_COMPLETION_INDEX", "0", "SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    assertError("sweep-shard: task maps to shard 4 of 3: expected 1 <= shard <= 3",
        script(Map.of("JOB_COMPLETION_INDEX", "3", "SHARDS", "3", "SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    assertError("sweep-shard: SHARDS: expected the sweep's shard count for an array other than --array=1-N (task ID k"
        + " runs shard k), found SHARDS unset and tasks 3..3 (1 of them); pass --export=ALL,SHARDS=N",
        script(Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_MIN", "3", "SLURM_ARRAY_TASK_MAX", "3",
            "SLURM_ARRAY_TASK_COUNT", "1", "SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    assertError("sweep-shard: task maps to shard 5 of 4: expected 1 <= shard <= 4",
        script(Map.of("SLURM_ARRAY_TASK_ID", "5", "SHARDS", "4", "SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    assertError("sweep-shard: JOB_COMPLETION_INDEX: expected a non-negative integer, found '-1'",
        script(Map.of("JOB_COMPLETION_INDEX", "-1", "SHARDS", "3", "SWEEP_OUT", out), "deploy/sweep-shard", GRID));
    Path one = dir.resolve("shard-1-of-2");
    Files.createDirectories(one);
    Files.writeString(one.resolve("runs.csv"), String.join(",", RunsCsv.HEADER) + "\n");
    assertError("merge-shards: 1 of 2 shards have no runs.csv: " + dir.resolve("shard-2-of-2/runs.csv"),
        script(Map.of("SWEEP_OUT", out), "deploy/merge-shards", List.of("2")));
    // A task that failed or still runs: its runs.csv has no summary.csv written after it.
    Path s1 = dir.resolve("shard-1-of-1");
    Files.createDirectories(s1);
    Files.writeString(s1.resolve("runs.csv"), String.join(",", RunsCsv.HEADER) + "\n");
    assertError("merge-shards: 1 of 1 shards did not finish (no summary.csv written after their runs.csv): " + s1
        + "; rerun those tasks, which continue their runs.csv", script(Map.of("SWEEP_OUT", out), "deploy/merge-shards", List.of("1")));
  }

  /** deploy/slurm/submit refuses what would queue a wrong or mixed sweep, before it needs sbatch. */
  @Test
  void submitChecksItsInputsBeforeQueueing() throws Exception {
    String out = dir.toString();
    List<String> args = List.of("--layers", "2,4", "--seeds", "5");
    assertError("submit: SHARDS: expected an integer >= 1, found '0'",
        script(Map.of("SHARDS", "0", "SWEEP_OUT", out), "deploy/slurm/submit", args));
    assertError("submit: TASKS: expected task numbers from 1 to 4 separated by commas, found '2,5'",
        script(Map.of("TASKS", "2,5", "SWEEP_OUT", out), "deploy/slurm/submit", args));
    assertError("submit: TASKS: expected the SWEEP_OUT of an earlier submit, found no " + dir.resolve("submitted"),
        script(Map.of("TASKS", "3", "SWEEP_OUT", out), "deploy/slurm/submit", args));
    Files.writeString(dir.resolve("submitted"), "SHARDS=4\n--layers\n2,4\n--seeds\n5\n");
    assertError("submit: TASKS: expected the earlier submit's SHARDS and arguments 'SHARDS=4 --layers 2,4 --seeds 5',"
        + " found 'SHARDS=4 --layers 2,4 --seeds 6'",
        script(Map.of("TASKS", "3", "SWEEP_OUT", out), "deploy/slurm/submit", List.of("--layers", "2,4", "--seeds", "6")));
    Path earlier = dir.resolve("shard-2-of-4");
    Files.createDirectories(earlier);
    Files.writeString(earlier.resolve("runs.csv"), String.join(",", RunsCsv.HEADER) + "\n");
    assertError("submit: SWEEP_OUT: " + out + " already has " + earlier.resolve("runs.csv") + " from an earlier sweep;"
        + " choose another SWEEP_OUT, or rerun its failed tasks with TASKS",
        script(Map.of("SWEEP_OUT", out), "deploy/slurm/submit", args));
    Path file = dir.resolve("a-file");
    Files.writeString(file, "");
    assertError("submit: SWEEP_OUT: expected a directory, found a file: " + file,
        script(Map.of("SWEEP_OUT", file.toString()), "deploy/slurm/submit", args));
  }

  private static void assertError(String expected, Run r) {
    assertEquals(2, r.code(), r.err());
    assertEquals(expected, r.err().lines().findFirst().orElse(""));
  }

  /** The manifests' SHARDS must equal the Indexed Job's completions, or shards are lost or fail. */
  @Test
  void kubernetesManifestsAgreeOnTheShardCount() throws Exception {
    String job = Files.readString(ROOT.resolve("deploy/kubernetes/sweep-job.yaml"));
    String merge = Files.readString(ROOT.resolve("deploy/kubernetes/merge-job.yaml"));
    String completions = group(job, "\\n  completions: (\\d+)");
    assertEquals("Indexed", group(job, "completionMode: (\\w+)"));
    assertEquals(completions, group(job, "name: SHARDS\\s+value: \"(\\d+)\""));
    assertEquals(completions, group(merge, "name: SHARDS\\s+value: \"(\\d+)\""));
    assertEquals("[deploy/sweep-shard]", group(job, "command: (\\S+)"));
    assertEquals("[deploy/merge-shards]", group(merge, "command: (\\S+)"));
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex);
    return m.group(1);
  }

  @SafeVarargs
  private static String[] concat(List<String>... parts) {
    List<String> all = new ArrayList<>();
    for (List<String> p : parts) {
      all.addAll(p);
    }
    return all.toArray(String[]::new);
  }
}
