package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.bench.Mapping.Kind;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.layers.Dense;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;
import org.bytedeco.javacpp.Pointer;

/**
 * Where the tutorial model's resident memory goes over a long run. Trains the tutorial network
 * (2-16-1, MSE, Adam, binary_accuracy, 4 rows, one step per epoch) through the public {@link
 * Sequential#fit} for {@code --steps} steps in fits of {@code --chunk} epochs and after each fit
 * prints VmRSS split by what /proc/self/smaps says is resident: the Java heap's address range,
 * anonymous executable memory (the JIT's code cache), glibc's thread arenas, the brk heap, file
 * mappings (mostly the mapped TensorFlow library) and other anonymous memory. Beside it: the JVM's
 * own view (heap used and committed, code cache, metaspace, GC count and time, JIT compilation
 * time), the process's thread count, JavaCPP's count of live native pointers and, with {@code
 * -XX:NativeMemoryTracking=summary}, NMT's committed total and its per-category change.
 *
 * <p>Run: {@code bench/memory [--steps N] [--chunk N] [--warmup N] [--smaps]}, which starts this
 * class with the JVM options docs/development/performance-history.md quotes and writes the table to
 * bench/results/memory-CPU.md. The verdict compares RSS after the last
 * step with RSS after {@code --warmup} steps; {@code --smaps} also lists the mappings whose
 * resident size changed most in between.
 */
public final class MemoryBenchmark {
  private static final double MIB = 1024.0 * 1024.0;

  private MemoryBenchmark() {}

  /**
   * Runs the benchmark and prints its table and verdict.
   *
   * @param args {@code [--steps N] [--chunk N] [--warmup N] [--smaps]}
   * @throws Exception if reading {@code /proc} or a step fails
   */
  public static void main(String[] args) throws Exception {
    long steps = 1_000_000;
    int chunk = 100_000;
    long warmup = 100_000;
    boolean smaps = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--steps" -> steps = Long.parseLong(args[++i]);
        case "--chunk" -> chunk = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Long.parseLong(args[++i]);
        case "--smaps" -> smaps = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (chunk < 1 || steps < 1 || warmup < 0 || warmup > steps) {
      throw new IllegalArgumentException("need steps >= 1, chunk >= 1 and 0 <= warmup <= steps");
    }
    System.out.println(CpuInfo.describe());
    System.out.printf(Locale.ROOT, "memory benchmark: %,d steps in fits of %,d epochs, warm-up %,d;"
            + " %d cores; JVM %s %s; MALLOC_ARENA_MAX=%s%n",
        steps, chunk, warmup, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.version"),
        ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv("MALLOC_ARENA_MAX"));
    System.out.println(Sample.HEADER);
    long t0 = System.nanoTime();
    Sample atWarmup = null;
    Sample last;
    String nmtDiff;
    try (Sequential model = new Sequential(42)) {
      model.add(new Dense(16, "relu", 2));
      model.add(new Dense(1, "sigmoid"));
      model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
      last = Sample.take(0, t0);
      last.print();
      if (warmup == 0) {
        atWarmup = last;
        diagnosticCommand("vmNativeMemory", "baseline");
      }
      for (long done = 0; done < steps; ) {
        int n = (int) Math.min(chunk, steps - done);
        model.fit(TutorialBenchmark.X, TutorialBenchmark.Y, n, 32, 0);
        done += n;
        last = Sample.take(done, t0);
        last.print();
        if (atWarmup == null && done >= warmup) {
          atWarmup = last;
          diagnosticCommand("vmNativeMemory", "baseline");
        }
      }
      nmtDiff = diagnosticCommand("vmNativeMemory", "summary.diff");
    }
    double growth = last.rss - atWarmup.rss;
    System.out.printf(Locale.ROOT,
        "RSS after %,d steps %.1f MiB, after %,d steps %.1f MiB: %+.1f MiB (%+.2f %%), %s%n",
        atWarmup.steps, atWarmup.rss / MIB, last.steps, last.rss / MIB, growth / MIB,
        100 * growth / atWarmup.rss,
        Math.abs(growth) <= 0.01 * atWarmup.rss ? "flat (within 1 %)" : "NOT flat (more than 1 %)");
    StringBuilder change = new StringBuilder("  resident change by kind (MiB):");
    for (Kind k : Kind.values()) {
      change.append(String.format(Locale.ROOT, " %s %+.1f", k.column,
          (last.byKind.get(k) - atWarmup.byKind.get(k)) / MIB));
    }
    System.out.println(change + "; NMT committed " + (last.nmt < 0 || atWarmup.nmt < 0 ? "n/a"
        : String.format(Locale.ROOT, "%+.1f", (last.nmt - atWarmup.nmt) / MIB)));
    printNmtChanges(nmtDiff);
    if (smaps) {
      Mapping.printChanges(atWarmup.mappings, last.mappings);
    }
  }

  private static final Pattern NMT_CATEGORY = Pattern.compile(
      "^-\\s+(.+?) \\(reserved=\\d+KB(?: [+-]\\d+KB)?, committed=(\\d+)KB ([+-]\\d+)KB\\)");

  /** NMT categories whose committed size changed since the warm-up ({@code VM.native_memory summary.diff}). */
  private static void printNmtChanges(String diff) {
    StringBuilder sb = new StringBuilder();
    for (String line : diff.split("\n")) {
      Matcher m = NMT_CATEGORY.matcher(line);
      if (m.find() && Math.abs(Long.parseLong(m.group(3))) >= 64) {
        sb.append(String.format(Locale.ROOT, " %s %+.1f", m.group(1),
            Long.parseLong(m.group(3)) / 1024.0));
      }
    }
    if (!diff.isEmpty() && diff.contains("Total:")) {
      System.out.println("  NMT committed change since the warm-up (MiB, categories over 64 KiB):"
          + (sb.length() == 0 ? " none" : sb));
    }
  }

  /** One row of the table; sizes in bytes. */
  private record Sample(
      long steps, double secs, long rss, Map<Kind, Long> byKind, List<Mapping> mappings,
      long heapUsed, long heapCommitted, long code, long meta, long nmt, long gcs, long gcMillis,
      long jitMillis, long threads, long pointers) {

    static final String HEADER =
        "     steps    s |  RSS MiB = jheap  jcode  arenas   brk  file  other | heap used/comm"
            + "  codecache  meta |  NMT comm | GCs  GC ms | JIT ms | threads | jcpp ptrs";

    static Sample take(long steps, long t0) {
      long heapUsed = 0;
      long heapCommitted = 0;
      long code = 0;
      long meta = 0;
      for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
        if (p.getType() == MemoryType.HEAP) {
          heapUsed += p.getUsage().getUsed();
          heapCommitted += p.getUsage().getCommitted();
        } else if (p.getName().startsWith("CodeHeap") || p.getName().equals("CodeCache")) {
          code += p.getUsage().getCommitted();
        } else if (p.getName().equals("Metaspace")) {
          meta += p.getUsage().getCommitted();
        }
      }
      long gcs = 0;
      long gcMillis = 0;
      for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
        gcs += Math.max(0, gc.getCollectionCount());
        gcMillis += Math.max(0, gc.getCollectionTime());
      }
      List<Mapping> mappings = Mapping.read();
      Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
      for (Kind k : Kind.values()) {
        byKind.put(k, 0L);
      }
      mappings.forEach(m -> byKind.merge(m.kind(), m.rss(), Long::sum));
      return new Sample(steps, (System.nanoTime() - t0) / 1e9, vmRssBytes(), byKind, mappings,
          heapUsed, heapCommitted, code, meta, nmtCommittedBytes(), gcs, gcMillis,
          ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), osThreads(),
          Pointer.totalCount());
    }

    void print() {
      System.out.printf(Locale.ROOT,
          "%,10d %4.0f | %8.1f = %5.1f %6.1f %7.1f %5.1f %5.1f %6.1f | %5.1f /%5.1f %8.1f %5.1f | %9s"
              + " | %4d %6d | %6d | %7d | %5d%n",
          steps, secs, rss / MIB, byKind.get(Kind.JAVA_HEAP) / MIB, byKind.get(Kind.JIT_CODE) / MIB,
          byKind.get(Kind.ARENA) / MIB, byKind.get(Kind.BRK) / MIB, byKind.get(Kind.FILE) / MIB,
          byKind.get(Kind.OTHER) / MIB, heapUsed / MIB, heapCommitted / MIB, code / MIB, meta / MIB,
          nmt < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", nmt / MIB), gcs, gcMillis, jitMillis,
          threads, pointers);
    }
  }

  static long vmRssBytes() {
    long kib = procStatus("VmRSS:");
    return kib < 0 ? -1 : kib * 1024;
  }

  /** Threads of the process, the JVM's and TensorFlow's. */
  static long osThreads() {
    return procStatus("Threads:");
  }

  private static long procStatus(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException e) {
      // not Linux
    }
    return -1;
  }

  private static final Pattern NMT_TOTAL =
      Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB");

  /** NMT's committed total ({@code jcmd <pid> VM.native_memory summary}), or -1 if NMT is off. */
  static long nmtCommittedBytes() {
    Matcher m = NMT_TOTAL.matcher(diagnosticCommand("vmNativeMemory", "summary"));
    return m.find() ? Long.parseLong(m.group(2)) * 1024 : -1;
  }

  private static final Pattern HEAP_START = Pattern.compile("\\[0x([0-9a-f]+), 0x[0-9a-f]+");

  /** [start, start + MaxHeapSize) of the Java heap, from {@code jcmd <pid> GC.heap_info}, or null. */
  /** The Java heap's [start, end) address range, or null if the JVM does not say. */
  static long[] javaHeapRange() {
    Matcher m = HEAP_START.matcher(diagnosticCommand("gcHeapInfo"));
    if (!m.find()) {
      return null;
    }
    long start = Long.parseUnsignedLong(m.group(1), 16);
    long max = Long.parseLong(ManagementFactory.getPlatformMXBean(
        com.sun.management.HotSpotDiagnosticMXBean.class).getVMOption("MaxHeapSize").getValue());
    return new long[] {start, start + max};
  }

  /** Output of a {@code jcmd} command run in this JVM, or "" if it is unavailable. */
  private static String diagnosticCommand(String operation, String... args) {
    try {
      return String.valueOf(ManagementFactory.getPlatformMBeanServer().invoke(
          new ObjectName("com.sun.management:type=DiagnosticCommand"), operation,
          new Object[] {args}, new String[] {String[].class.getName()}));
    } catch (Exception e) {
      return "";
    }
  }
}
