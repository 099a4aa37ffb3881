package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one-node SLURM cluster of deploy/slurm/start-cluster, for tests: started unless it already
 * runs (then {@link #close} leaves it running), commands run against it from the repository root,
 * and sacct's records of jobs.
 */
final class LocalSlurm implements AutoCloseable {
  static final Path ROOT = Path.of("").toAbsolutePath();
  /** What deploy/slurm/start-cluster needs on PATH. */
  static final List<String> COMMANDS = List.of("munged", "mungekey", "mariadbd", "mariadb-install-db", "mariadb",
      "slurmdbd", "slurmctld", "slurmd", "sacctmgr", "sbatch", "squeue", "sacct", "sinfo", "scancel");
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  private final String conf;
  private final boolean started;

  record Run(int code, String out, String err) {}

  /** One job or array task as sacct reports it; times to the second. */
  record Job(String id, String name, String state, String exitCode, LocalDateTime eligible,
      LocalDateTime start, LocalDateTime end) {}

  private LocalSlurm(String conf, boolean started) {
    this.conf = conf;
    this.started = started;
  }

  /** What keeps this machine from running the cluster: commands not on PATH and "root"; empty if nothing. */
  static List<String> missing() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String c : COMMANDS) {
      if (!onPath(c)) {
        missing.add(c);
      }
    }
    Process id = new ProcessBuilder("id", "-u").start();
    if (!new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().equals("0")) {
      missing.add("root");
    }
    id.waitFor();
    return missing;
  }

  private static boolean onPath(String command) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, command))) {
        return true;
      }
    }
    return false;
  }

  /** Runs deploy/slurm/start-cluster (idempotent) and reads the SLURM_CONF it prints. */
  static LocalSlurm start() throws Exception {
    Run r = exec(Map.of(), "deploy/slurm/start-cluster");
    assertEquals(0, r.code(), "deploy/slurm/start-cluster: " + r.err());
    String line = r.out().strip();
    if (!line.startsWith("export SLURM_CONF=")) {
      fail("deploy/slurm/start-cluster: expected 'export SLURM_CONF=...' on stdout, found '" + line + "'");
    }
    return new LocalSlurm(line.substring("export SLURM_CONF=".length()), r.err().contains("start-cluster: started"));
  }

  /**
   * Runs a command from the repository root against this cluster, with the CLI on this test's class
   * path (TFJAVA_XOR) and no SLURM or sweep variables of the caller's.
   */
  Run run(Map<String, String> env, String... command) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("SLURM_CONF", conf);
    return exec(all, command);
  }

  private static Run exec(Map<String, String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("SLURM_") || List.of("SHARDS", "TASKS", "SWEEP_OUT").contains(k));
    pb.environment().put("TFJAVA_XOR", Cli.command());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().putAll(env);
    Path out = Files.createTempFile("local-slurm", ".out");
    Path err = Files.createTempFile("local-slurm", ".err");
    try {
      int code = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
      return new Run(code, Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /** sacct's allocation records (-X: no job steps) of the jobs, array tasks as ARRAY_K. */
  List<Job> sacct(String... ids) throws Exception {
    Run r = run(Map.of(), "sacct", "-X", "-n", "-P", "-j", String.join(",", ids),
        "-o", "JobID,JobName,State,ExitCode,Eligible,Start,End");
    assertEquals(0, r.code(), "sacct: " + r.err());
    List<Job> jobs = new ArrayList<>();
    for (String line : r.out().lines().toList()) {
      String[] f = line.split("\\|", -1);
      jobs.add(new Job(f[0], f[1], f[2], f[3], time(f[4]), time(f[5]), time(f[6])));
    }
    return jobs;
  }

  private static LocalDateTime time(String s) {
    return s.matches("\\d{4}-.*") ? LocalDateTime.parse(s) : null;   // "Unknown", "None" until it happens
  }

  /** squeue's FORMAT of one job (%T state, %r reason, %E dependency), "" once it left the queue. */
  String squeue(String id, String format) throws Exception {
    return run(Map.of(), "squeue", "-h", "-j", id, "-o", format).out().strip();
  }

  /** Polls sacct until the jobs' records satisfy done; fails after five minutes with what they are. */
  List<Job> await(Predicate<List<Job>> done, String... ids) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      List<Job> jobs = sacct(ids);
      if (done.test(jobs)) {
        return jobs;
      }
      if (System.nanoTime() > deadline) {
        fail("jobs " + String.join(",", ids) + " not done after " + PATIENCE + ": " + jobs + "; squeue: "
            + run(Map.of(), "squeue").out());
      }
      Thread.sleep(500);
    }
  }

  /** Stops the cluster if this object started it. */
  @Override
  public void close() throws Exception {
    if (started) {
      Run r = exec(Map.of(), "deploy/slurm/stop-cluster");
      assertEquals(0, r.code(), "deploy/slurm/stop-cluster: " + r.err());
    }
  }
}
