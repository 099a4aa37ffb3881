package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.keras.utils.PyStrFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The files a command reads and writes, checked against each other before any work, so that no
 * output replaces an input or another output: {@code train --save m --history-csv m.json} would
 * write the CSV over the checkpoint's description, {@code --tensorboard x --plot x} would find x
 * a directory only after training. Paths are compared as the file system resolves them: symbolic
 * links followed, {@code ..} and {@code .} resolved, hard links to one existing file equal.
 */
final class FileClaims {
  private enum Kind { FILE, DIRECTORY }

  // One path a flag reads or writes; pattern is non-null for paths with fields.
  private record Point(String flag, String value, String spelled, String canonical,
      Object fileKey, Pattern pattern, Kind kind, boolean write, Set<String> replacers) {

    boolean same(Point o) {
      if (pattern != null || o.pattern != null) {
        return pattern != null && o.pattern != null ? canonical.equals(o.canonical)
            : pattern != null ? pattern.matcher(o.canonical).matches()
            : o.pattern.matcher(canonical).matches();
      }
      return canonical.equals(o.canonical) || fileKey != null && fileKey.equals(o.fileKey);
    }
  }

  private final List<Point> points = new ArrayList<>();

  /**
   * An input file.
   *
   * @param replacers output flags allowed to replace it (train --from m.keras --save m.keras)
   */
  FileClaims reads(String flag, Path file, String... replacers) {
    if (file != null) {
      add(flag, file.toString(), file.toString(), Kind.FILE, false, Set.of(replacers));
    }
    return this;
  }

  /** Output files, each replaced; a field in a name ({@code {epoch:02d}}) stands for any text. */
  FileClaims writes(String flag, String value, List<String> files) {
    for (String f : files) {
      add(flag, value, f, Kind.FILE, true, Set.of());
    }
    return this;
  }

  /** An output file. */
  FileClaims writes(String flag, Path file) {
    return file == null ? this : writes(flag, file.toString(), List.of(file.toString()));
  }

  /**
   * A directory written into: the files it replaces there and the subdirectories it makes; its
   * other files stay.
   */
  FileClaims writesInto(String flag, String value, List<String> files, List<String> dirs) {
    if (value == null) {
      return this;
    }
    Path dir = Path.of(value);
    add(flag, value, dir.toString(), Kind.DIRECTORY, true, Set.of());
    for (String d : dirs) {
      add(flag, value, dir.resolve(d).toString(), Kind.DIRECTORY, true, Set.of());
    }
    return writes(flag, value, files.stream().map(f -> dir.resolve(f).toString()).toList());
  }

  /**
   * @throws UsageException naming the two flags and the path, if an output replaces an input or
   *     another output, or a file output is where another writes a directory
   */
  void check() {
    for (int i = 0; i < points.size(); i++) {
      for (int j = i + 1; j < points.size(); j++) {
        Point a = points.get(i);
        Point b = points.get(j);
        if ((a.write || b.write) && !a.flag.equals(b.flag) && a.same(b)) {
          problem(a.write ? a : b, a.write ? b : a);
        }
      }
    }
  }

  private static void problem(Point w, Point o) {
    String where = o.pattern != null ? w.spelled : o.spelled;
    if (!o.write) {
      if (o.replacers.contains(w.flag)) {
        return;
      }
      throw new UsageException(w.flag + " " + w.value + " would replace the input " + o.flag
          + " " + o.value + (where.equals(o.value) ? "" : " (" + where + ")")
          + "; write it elsewhere");
    }
    if (w.kind == Kind.DIRECTORY && o.kind == Kind.DIRECTORY) {
      return; // two outputs writing into one directory, each its own files
    }
    String what = w.kind == o.kind ? "both write " + where
        : "write a file and a directory at " + where;
    throw new UsageException(w.flag + " " + w.value + " and " + o.flag + " " + o.value + " "
        + what + "; give each its own path");
  }

  private void add(String flag, String value, String spelled, Kind kind, boolean write,
      Set<String> replacers) {
    Pattern pattern = null;
    String canonical = canonical(spelled);
    if (PyStrFormat.ANY_FIELD.matcher(spelled).find()) {
      StringBuilder re = new StringBuilder();
      String[] parts = PyStrFormat.ANY_FIELD.split(canonical, -1);
      for (int i = 0; i < parts.length; i++) {
        re.append(i > 0 ? ".+" : "").append(Pattern.quote(parts[i]));
      }
      pattern = Pattern.compile(re.toString());
    }
    Object key = null;
    try {
      Path p = Path.of(spelled);
      key = pattern == null && Files.exists(p) ? Files.readAttributes(p,
          java.nio.file.attribute.BasicFileAttributes.class).fileKey() : null;
    } catch (IOException | InvalidPathException e) {
      // no key: compared by path only
    }
    points.add(new Point(flag, value, spelled, canonical, key, pattern, kind, write, replacers));
  }

  // The absolute path with symbolic links in its existing part resolved, a dangling one too.
  static String canonical(String spelled) {
    return canonical(Path.of(spelled).toAbsolutePath(), 0);
  }

  private static String canonical(Path abs, int depth) {
    Path existing = abs;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      if (existing != null && !Files.exists(existing) && depth < 40) {
        Path target = existing.resolveSibling(Files.readSymbolicLink(existing));
        return canonical(target.resolve(existing.relativize(abs)), depth + 1);
      }
      return existing == null ? abs.normalize().toString()
          : existing.toRealPath().resolve(existing.relativize(abs)).normalize().toString();
    } catch (IOException e) {
      return abs.normalize().toString();
    }
  }
}
