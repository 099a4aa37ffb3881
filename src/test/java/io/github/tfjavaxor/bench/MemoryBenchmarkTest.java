package io.github.tfjavaxor.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MemoryBenchmark's split of RSS accounts for the whole RSS and finds the Java heap (Linux only). */
class MemoryBenchmarkTest {

  @Test
  void residentKindsAddUpToVmRssAndIncludeTheJavaHeap() {
    assumeTrue(Files.isReadable(Path.of("/proc/self/smaps")), "needs Linux /proc");
    long[] heap = MemoryBenchmark.javaHeapRange();
    assertNotNull(heap, "GC.heap_info gives the heap's start");
    long rssBefore = MemoryBenchmark.vmRssBytes();
    List<Mapping> maps = Mapping.read();
    long rssAfter = MemoryBenchmark.vmRssBytes();
    long sum = maps.stream().mapToLong(Mapping::rss).sum();
    long lo = Math.min(rssBefore, rssAfter);
    long hi = Math.max(rssBefore, rssAfter);
    assertTrue(sum >= lo * 0.97 && sum <= hi * 1.03,
        "smaps Rss sum " + sum + " vs VmRSS " + rssBefore + ".." + rssAfter);
    long javaHeap = maps.stream().filter(m -> m.kind() == Mapping.Kind.JAVA_HEAP)
        .mapToLong(Mapping::rss).sum();
    assertTrue(javaHeap > 0, "some of the Java heap is resident");
    assertTrue(maps.stream().anyMatch(m -> m.kind() == Mapping.Kind.FILE
        && m.name().contains("libjvm")), "libjvm.so is a file mapping");
  }

  @Test
  void nmtIsReportedAsOffWhenNotEnabled() {
    assumeTrue(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .noneMatch(a -> a.startsWith("-XX:NativeMemoryTracking=") && !a.endsWith("=off")),
        "the test JVM runs without NMT");
    assertEquals(-1, MemoryBenchmark.nmtCommittedBytes());
  }
}
