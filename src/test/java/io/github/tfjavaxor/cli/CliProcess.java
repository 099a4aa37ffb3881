package io.github.tfjavaxor.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI as a real process: this test run's java and class path, started with SIGINT and SIGTERM
 * at their defaults (GNU env --default-signal), since a shell that runs the build in the background
 * may have left them ignored, and the JVM keeps an ignored signal ignored.
 */
final class CliProcess {
  private static final boolean ENV_RESETS_SIGNALS = envResetsSignals();

  private CliProcess() {}

  /** The command line for {@code tfjava-xor args...}. */
  static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    if (ENV_RESETS_SIGNALS) {
      cmd.addAll(List.of("env", "--default-signal=INT,TERM"));
    }
    // C1 only and the serial collector: a third less CPU to start, as tests start many.
    cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true",
        "-cp", System.getProperty("java.class.path"), TfjavaXor.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Sends a signal by name (INT, TERM, KILL) with kill(1). */
  static void signal(long pid, String name) throws IOException, InterruptedException {
    Process k = new ProcessBuilder("kill", "-s", name, Long.toString(pid)).inheritIO().start();
    if (k.waitFor() != 0) {
      throw new IOException("kill -s " + name + " " + pid + " failed");
    }
  }

  /** True while the process runs: not gone and not a zombie waiting for a reaper (Linux /proc). */
  static boolean running(long pid) throws IOException {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** The lines of a file that the CLI printed (starting with "tfjava-xor"), not TensorFlow's. */
  static List<String> cliLines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
        .filter(l -> l.startsWith("tfjava-xor")).toList();
  }

  private static boolean envResetsSignals() {
    try {
      return new ProcessBuilder("env", "--default-signal=INT,TERM", "true").start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
