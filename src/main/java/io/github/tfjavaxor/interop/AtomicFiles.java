package io.github.tfjavaxor.interop;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a file or directory through a temporary sibling and a move, so readers never see a half
 * written output and a failed write leaves nothing behind.
 */
final class AtomicFiles {
  private AtomicFiles() {}

  /** Writes one file. */
  interface Writer {
    void write(Path tmp) throws IOException;
  }

  /**
   * Calls {@code writer} with a fresh temporary path in {@code target}'s directory, then moves it
   * onto {@code target} (replacing an existing file).
   *
   * @throws IOException if the directory does not exist, the writer fails or the move fails; the
   *     temporary path is deleted in every failure case
   */
  static void write(Path target, Writer writer) throws IOException {
    Path dir = parentOf(target);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      writer.write(tmp);
      move(tmp, target);
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursively(tmp);
      throw e;
    }
  }

  /**
   * As {@link #write} for a directory: {@code writer} gets a path that does not exist yet and must
   * create it. An existing {@code target} directory is replaced only after the new one is
   * complete.
   */
  static void writeDirectory(Path target, Writer writer) throws IOException {
    Path dir = parentOf(target);
    Path tmp = Files.createTempDirectory(dir, "." + target.getFileName() + ".");
    Path old = null;
    try {
      Files.delete(tmp); // the writer creates it
      writer.write(tmp);
      if (Files.exists(target)) {
        old = Files.createTempDirectory(dir, "." + target.getFileName() + ".old.");
        Files.delete(old);
        move(target, old);
      }
      move(tmp, target);
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursively(tmp);
      if (old != null && !Files.exists(target)) {
        move(old, target);
        old = null;
      }
      throw e;
    } finally {
      if (old != null) {
        deleteRecursively(old);
      }
    }
  }

  private static Path parentOf(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new KerasFileException(
          target + ": cannot write; expected an existing directory, found none at " + dir);
    }
    return dir;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> s = Files.walk(path)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
