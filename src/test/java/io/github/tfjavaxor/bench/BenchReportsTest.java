package io.github.tfjavaxor.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.PythonVenv;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reports the benchmark commands write (python/bench_results.py): bench/memory with a two-step
 * run on this test's class path (BENCH_CLASSPATH, no launcher build), and bench_peers' report
 * re-rendered from its JSON. Nothing here is timed; the numbers in the tables are not asserted.
 */
class BenchReportsTest {
  static final Path ROOT = Path.of("").toAbsolutePath(); // Maven runs the tests in the checkout
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  private Run memory(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve("bench/memory").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile());
    pb.environment().put("BENCH_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("XLA_FLAGS"); // the benchmark's JVM gets the launcher's
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    int code = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start().waitFor();
    Run r = new Run(code, Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The CPU line the benchmark's JVM prints: this JVM's, with the launcher's XLA_FLAGS. */
  private static String cpuLine() throws IOException {
    Matcher m = Pattern.compile("^xla_flags_default='([^']*)'$", Pattern.MULTILINE)
        .matcher(Files.readString(ROOT.resolve("tfjava-xor")));
    assertTrue(m.find(), "the launcher's xla_flags_default");
    return CpuInfo.describe().replaceFirst("XLA_FLAGS=.*$", "XLA_FLAGS=" + m.group(1));
  }

  /**
   * The CPU part of a report's name: the model without (R) and (TM), before its "(family ...",
   * lower case, words joined by '-'.
   */
  private static String cpuSlug() {
    String cpu = CpuInfo.describe().substring("CPU: ".length()).replaceAll("\\((R|TM|tm)\\)", "");
    return cpu.substring(0, cpu.indexOf('(')).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("^-|-$", "");
  }

  private static String javaVersionLine() throws Exception {
    Process p = new ProcessBuilder("java", "-version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String first = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines()
        .findFirst().orElseThrow();
    p.waitFor();
    return first;
  }

  private static long processors() throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.matches("processor\\s*:.*")).count();
    }
  }

  private List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void reportHoldsTheCommandTheSetUpAndWhatTheBenchmarkPrinted() throws Exception {
    Path results = dir.resolve("results");
    Run r = memory("--steps", "2", "--results", results.toString(), "--chunk", "1", "--warmup", "1");
    assertEquals(0, r.code(), r.err());
    String name = "memory-" + cpuSlug() + ".md";
    try (Stream<Path> s = Files.list(results)) {
      assertEquals(List.of(name), s.map(p -> p.getFileName().toString()).toList(), "one report, no .partial");
    }
    List<String> printed = r.out().lines().toList();
    assertEquals(cpuLine(), printed.get(0), "MemoryBenchmark prints the CPU line first");
    assertEquals(List.of("", "report: " + results.resolve(name)), printed.subList(printed.size() - 2, printed.size()));
    assertTrue(printed.get(1).startsWith("memory benchmark: 2 steps in fits of 1 epochs, warm-up 1;"), printed.get(1));

    List<String> report = Files.readAllLines(results.resolve(name));
    assertTrue(report.get(0).matches("# Memory benchmark, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d \\S+"), report.get(0));
    assertEquals(List.of("", "```", "bench/memory --steps 2 --chunk 1 --warmup 1", "```", "",
        "- " + cpuLine(), "- TF Java 1.1.0 (TensorFlow 2.18 natives) on " + javaVersionLine()),
        report.subList(1, 8));
    String load = "load average \\d+\\.\\d at start, \\d+\\.\\d at end";
    assertTrue(report.get(8).matches("- " + processors() + " cores, " + load), report.get(8));
    List<String> body = new ArrayList<>(List.of("", "```"));
    body.addAll(printed.subList(1, printed.size() - 2)); // the CPU line is the set-up's
    body.add("```");
    assertEquals(body, report.subList(9, report.size()));
  }

  @Test
  void aFailingBenchmarkLeavesTheEarlierReportAndNoPartialFile() throws Exception {
    Path earlier = dir.resolve("memory-" + cpuSlug() + ".md");
    Files.writeString(earlier, "the earlier run\n");
    Run r = memory("--steps", "0", "--results", dir.toString());
    assertEquals(1, r.code(), "MemoryBenchmark's own exit code");
    assertEquals("", r.out());
    assertTrue(r.err().contains("java.lang.IllegalArgumentException: need steps >= 1, chunk >= 1 and 0 <="
        + " warmup <= steps"), r.err());
    assertEquals("the earlier run\n", Files.readString(earlier));
    assertEquals(List.of(earlier.getFileName().toString()), files());
  }

  @Test
  void aResultsPathThatIsAFileIsAUsageErrorBeforeAnyRun() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    Run r = memory("--results", file.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("bench/memory: --results " + file + ": expected a directory to write the report in, found a file\n",
        r.err());
    Run none = memory("--results");
    assertEquals(2, none.code());
    assertEquals("bench/memory: --results needs a value: a directory, or 'none' for no report\n", none.err());
    assertEquals(List.of("notes.txt"), files());
  }

  @Test
  void peersReportsRenderFromTheirJsonByteForByte() throws Exception {
    List<Path> jsons;
    try (Stream<Path> s = Files.list(ROOT.resolve("bench/results"))) {
      jsons = s.filter(p -> p.getFileName().toString().matches("peers-.*\\.json")).sorted().toList();
    }
    assertFalse(jsons.isEmpty(), "bench/results has a peers report");
    for (Path json : jsons) {
      Path out = Files.createDirectory(dir.resolve(json.getFileName() + ".d"));
      PythonVenv.locate().runChecked("bench_peers.py", "--render", json.toString(), "--results", out.toString());
      Path md = Path.of(json.toString().replaceAll("\\.json$", ".md"));
      assertArrayEquals(Files.readAllBytes(md), Files.readAllBytes(out.resolve(md.getFileName())), md.toString());
      assertArrayEquals(Files.readAllBytes(json), Files.readAllBytes(out.resolve(json.getFileName())), json.toString());
    }
  }
}
