package io.github.tfjavaxor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One mapping of {@code /proc/self/smaps} with its resident size (Rss, bytes) and what it holds,
 * for {@link MemoryBenchmark}'s split of VmRSS.
 */
record Mapping(long start, long end, String perms, String name, long rss, Mapping.Kind kind) {
  /** What a mapping holds; {@code column} is its column name in the benchmark's table. */
  enum Kind {
    JAVA_HEAP("jheap"), JIT_CODE("jcode"), ARENA("arenas"), BRK("brk"), FILE("file"), OTHER("other");

    final String column;

    Kind(String column) {
      this.column = column;
    }
  }

  private static final Pattern HEADER =
      Pattern.compile("^([0-9a-f]+)-([0-9a-f]+) (\\S+) \\S+ \\S+ \\S+\\s*(.*)$");
  /** glibc's non-main arenas are heaps of at most 64 MiB, aligned to 64 MiB (HEAP_MAX_SIZE). */
  private static final long ARENA = 64L << 20;

  String key() {
    return name.isEmpty() ? kind.column + "@" + Long.toHexString(start) + " " + perms : name;
  }

  static List<Mapping> read() {
    List<String[]> raw = new ArrayList<>(); // start, end, perms, name, rss bytes
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/smaps"))) {
        Matcher h = HEADER.matcher(line);
        if (h.matches()) {
          raw.add(new String[] {h.group(1), h.group(2), h.group(3), h.group(4).trim(), "0"});
        } else if (line.startsWith("Rss:") && !raw.isEmpty()) {
          raw.get(raw.size() - 1)[4] =
              Long.toString(Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024);
        }
      }
    } catch (IOException e) {
      return List.of(); // not Linux
    }
    long[] heap = MemoryBenchmark.javaHeapRange();
    List<Mapping> out = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      String[] r = raw.get(i);
      long start = Long.parseUnsignedLong(r[0], 16);
      long end = Long.parseUnsignedLong(r[1], 16);
      String name = r[3];
      Kind kind;
      if (!name.isEmpty() && !name.startsWith("[")) {
        kind = Kind.FILE;
      } else if (name.equals("[heap]")) {
        kind = Kind.BRK;
      } else if (!name.isEmpty()) {
        kind = Kind.OTHER; // [stack], [vdso], ...
      } else if (heap != null && start >= heap[0] && end <= heap[1]) {
        kind = Kind.JAVA_HEAP;
      } else if (r[2].contains("x")) {
        kind = Kind.JIT_CODE;
      } else if (start % ARENA == 0 && arenaEnd(raw, i, end) == start + ARENA) {
        kind = Kind.ARENA;
      } else {
        kind = Kind.OTHER;
      }
      out.add(new Mapping(start, end, r[2], name, Long.parseLong(r[4]), kind));
    }
    return out;
  }

  /** The end of mapping i, or of the reserved ({@code ---p}) anonymous tail glibc leaves after it. */
  private static long arenaEnd(List<String[]> raw, int i, long end) {
    if (i + 1 < raw.size()) {
      String[] next = raw.get(i + 1);
      if (Long.parseUnsignedLong(next[0], 16) == end && next[2].startsWith("---")
          && next[3].isEmpty()) {
        return Long.parseUnsignedLong(next[1], 16);
      }
    }
    return end;
  }

  /** Prints the mappings whose Rss changed most from {@code then} to {@code now}. */
  static void printChanges(List<Mapping> then, List<Mapping> now) {
    Map<String, Long> delta = new HashMap<>();
    then.forEach(m -> delta.merge(m.key(), -m.rss(), Long::sum));
    now.forEach(m -> delta.merge(m.key(), m.rss(), Long::sum));
    List<Map.Entry<String, Long>> d = new ArrayList<>(delta.entrySet());
    d.sort((a, b) -> Long.compare(Math.abs(b.getValue()), Math.abs(a.getValue())));
    System.out.println("  mappings whose resident size changed most since the warm-up:");
    for (Map.Entry<String, Long> e : d.subList(0, Math.min(8, d.size()))) {
      if (Math.abs(e.getValue()) >= 64 * 1024) {
        System.out.printf(Locale.ROOT, "    %+8.1f MiB  %s%n", e.getValue() / (1024.0 * 1024.0), e.getKey());
      }
    }
  }
}
