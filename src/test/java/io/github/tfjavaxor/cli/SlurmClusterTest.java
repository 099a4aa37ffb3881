package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/slurm on a real scheduler: the one-node cluster of deploy/slurm/start-cluster runs the
 * user's {@code SHARDS=4 deploy/slurm/submit ...}, unchanged, from the repository root (only
 * SWEEP_OUT points into a temporary directory, and TFJAVA_XOR at this test's class path). The job
 * array's tasks find the repository from slurmd's spool directory, the merge waits for them
 * (afterok), and the merged result equals {@code sweep} on one machine bit for bit. A failed task
 * holds the merge, sacct names it, and rerunning that task alone recovers the same result.
 *
 * <p>Compared: every column but the wall times, which differ from run to run: runs.csv {@code
 * wall_ms}, summary.csv {@code median_wall_s} and the table's last column, "median wall s/run".
 *
 * <p>Skipped without root or the Debian packages (slurm-wlm, slurmdbd, munge, mariadb-server-core,
 * mariadb-client-core), unless CI=true as root, where .ci/run installs them. Stops the cluster if
 * it started it.
 */
class SlurmClusterTest {
  static final List<String> ARGS = List.of("--layers", "2,4", "--activation", "relu,tanh", "--seeds", "5", "--epochs", "200");
  static final String FAILED_TASK = "3";

  @TempDir static Path dir;
  static LocalSlurm slurm;
  static Cli single;

  @BeforeAll
  static void startClusterAndSweepOnOneMachine() throws Exception {
    List<String> missing = LocalSlurm.missing();
    if (!"true".equals(System.getenv("CI")) || missing.contains("root")) {
      Assumptions.assumeTrue(missing.isEmpty(), "needs " + String.join(", ", missing)
          + " (run as root; apt-get install slurm-wlm slurmdbd munge mariadb-server-core mariadb-client-core)");
    }
    assertTrue(missing.isEmpty(), "CI=true as root but missing " + missing + ": .ci/run installs them");
    slurm = LocalSlurm.start();
    List<String> sweep = new ArrayList<>(List.of("sweep", "--out", dir.resolve("single").toString()));
    sweep.addAll(ARGS);
    single = Cli.run(sweep.toArray(String[]::new));
    assertEquals(0, single.code(), single.err());
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (slurm != null) {
      slurm.close();
    }
  }

  @Test
  void submitRunsTheShardsAsAJobArrayAndMergesAfterAllOfThem() throws Exception {
    Path out = dir.resolve("uninterrupted");
    String[] ids = submit(out, Map.of());
    List<LocalSlurm.Job> jobs = slurm.await(js -> js.size() == 5 && js.stream().allMatch(j -> j.end() != null), ids);
    LocalSlurm.Job merge = job(jobs, ids[1]);
    for (int k = 1; k <= 4; k++) {
      LocalSlurm.Job task = job(jobs, ids[0] + "_" + k);
      assertEquals(List.of("tfjava-xor-sweep", "COMPLETED", "0:0"), List.of(task.name(), task.state(), task.exitCode()), task.toString());
      assertFalse(merge.eligible().isBefore(task.end()), "merge eligible before task " + k + " ended: " + jobs);
      assertFalse(merge.start().isBefore(task.end()), "merge started before task " + k + " ended: " + jobs);
    }
    assertEquals(List.of("tfjava-xor-merge", "COMPLETED", "0:0"), List.of(merge.name(), merge.state(), merge.exitCode()), merge.toString());
    assertSameAsOneMachine(out, ids[1]);
  }

  /** docs/cluster.md's recipe: the failed task's cause removed, the waiting merge cancelled, TASKS=K. */
  @Test
  void aFailedTaskHoldsTheMergeAndRerunningItAloneGivesTheSameResult() throws Exception {
    Path out = dir.resolve("recovered");
    Files.createDirectories(out);
    // Root writes into read-only directories, so a file where task 3's output directory goes fails it.
    Path obstacle = out.resolve("shard-" + FAILED_TASK + "-of-4");
    Files.writeString(obstacle, "in the way of shard 3's output directory\n");
    String[] ids = submit(out, Map.of());
    List<LocalSlurm.Job> jobs = slurm.await(js -> js.stream().filter(j -> j.id().contains("_")).count() == 4
        && js.stream().filter(j -> j.id().contains("_")).allMatch(j -> j.end() != null), ids);
    for (int k = 1; k <= 4; k++) {
      LocalSlurm.Job task = job(jobs, ids[0] + "_" + k);
      List<String> want = String.valueOf(k).equals(FAILED_TASK) ? List.of("FAILED", "3:0") : List.of("COMPLETED", "0:0");
      assertEquals(want, List.of(task.state(), task.exitCode()), task.toString());
    }
    String log = Files.readString(out.resolve("logs/sweep-" + ids[0] + "_" + FAILED_TASK + ".log"));
    assertTrue(log.contains("tfjava-xor sweep: " + obstacle + ": --out: expected a directory, found a file"), log);
    // afterok: the merge never runs; squeue says why.
    String reason = "";
    for (int i = 0; i < 120 && !reason.startsWith("DependencyNeverSatisfied"); i++) {
      Thread.sleep(250);
      reason = slurm.squeue(ids[1], "%r %E");
    }
    assertEquals("DependencyNeverSatisfied afterok:" + ids[0] + "_*(failed)", reason);
    assertEquals("PENDING", job(slurm.sacct(ids[1]), ids[1]).state());
    assertFalse(Files.exists(out.resolve("merged")), "merged before every task succeeded");

    Files.delete(obstacle);
    assertEquals(0, slurm.run(Map.of(), "scancel", ids[1]).code());
    String[] again = submit(out, Map.of("TASKS", FAILED_TASK));
    List<LocalSlurm.Job> rerun = slurm.await(js -> js.size() == 2 && js.stream().allMatch(j -> j.end() != null), again);
    assertEquals("COMPLETED", job(rerun, again[0] + "_" + FAILED_TASK).state(), rerun.toString());
    assertEquals("COMPLETED", job(rerun, again[1]).state(), rerun.toString());
    assertTrue(job(slurm.sacct(ids[1]), ids[1]).state().startsWith("CANCELLED"), slurm.sacct(ids[1]).toString());
    assertSameAsOneMachine(out, again[1]);
  }

  /** The user's command; returns the array's and the merge's job ids. */
  private static String[] submit(Path out, Map<String, String> env) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("SHARDS", "4");
    all.put("SWEEP_OUT", out.toString());
    List<String> cmd = new ArrayList<>(List.of("deploy/slurm/submit"));
    cmd.addAll(ARGS);
    LocalSlurm.Run r = slurm.run(all, cmd.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    String[] ids = r.out().strip().split(" ");
    assertEquals(2, ids.length, r.out());
    return ids;
  }

  private static LocalSlurm.Job job(List<LocalSlurm.Job> jobs, String id) {
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow(() -> new AssertionError("no job " + id + " in " + jobs));
  }

  private static void assertSameAsOneMachine(Path out, String mergeJob) throws Exception {
    Path merged = out.resolve("merged");
    String where = " (" + merged + " against " + dir.resolve("single") + "; " + CpuInfo.describe() + ")";
    assertEquals(numbers(dir.resolve("single/runs.csv"), "wall_ms", 20), numbers(merged.resolve("runs.csv"), "wall_ms", 20), "runs.csv" + where);
    assertEquals(numbers(dir.resolve("single/summary.csv"), "median_wall_s", 4),
        numbers(merged.resolve("summary.csv"), "median_wall_s", 4),
        "summary.csv" + where);
    String log = Files.readString(out.resolve("logs/merge-" + mergeJob + ".log"));
    assertTrue(log.contains("\n20 runs from 4 files\n"), log);
    assertEquals(ClusterShardsTest.table(single.out()), ClusterShardsTest.table(log), "the Markdown table" + where);
  }

  /** The header and every row's text without the timing column, rows by config_index and seed. */
  private static List<String> numbers(Path csv, String timing, int rowCount) throws Exception {
    try (Reader in = Files.newBufferedReader(csv);
        CSVParser p = CSVFormat.DEFAULT.builder().setHeader().get().parse(in)) {
      List<String> columns = new ArrayList<>(p.getHeaderNames());
      assertTrue(columns.remove(timing), csv + ": no column " + timing + " in " + p.getHeaderNames());
      List<CSVRecord> rows = new ArrayList<>(p.getRecords());
      rows.sort(Comparator.<CSVRecord>comparingInt(r -> Integer.parseInt(r.get("config_index")))
          .thenComparingLong(r -> r.isMapped("seed") ? Long.parseLong(r.get("seed")) : 0));
      List<String> text = new ArrayList<>(List.of(String.join(",", columns)));
      for (CSVRecord r : rows) {
        text.add(String.join(",", columns.stream().map(r::get).toList()));
      }
      assertEquals(rowCount, rows.size(), csv + ": " + text);
      return text;
    }
  }
}
