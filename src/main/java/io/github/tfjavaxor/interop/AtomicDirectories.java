package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checked, atomic writes for the Keras and SavedModel writers: files go through {@link
 * AtomicFiles#writePath}; a directory (a SavedModel) is written as a temporary sibling and moved
 * into place, so a failed write leaves nothing behind.
 */
final class AtomicDirectories {
  private AtomicDirectories() {}

  /**
   * Writes one file through {@link AtomicFiles#writePath} after checking the target can be
   * written.
   *
   * @throws KerasFileException if the directory is missing or not writable, or the target is a
   *     directory
   */
  static void writeFile(Path target, AtomicFiles.PathWriter writer) throws IOException {
    String problem = AtomicFiles.problemWriting(target);
    if (problem != null) {
      throw new KerasFileException(target + ": cannot write: " + problem);
    }
    AtomicFiles.writePath(target, writer);
  }

  /**
   * Calls {@code writer} with a path that does not exist yet (in {@code target}'s directory), which
   * it must create as a directory; then moves it onto {@code target}. An existing {@code target}
   * directory is replaced only after the new one is complete.
   *
   * @throws KerasFileException if the parent directory does not exist
   */
  static void writeDirectory(Path target, AtomicFiles.PathWriter writer) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new KerasFileException(target + ": cannot write: directory " + dir + " does not exist");
    }
    Path tmp = Files.createTempDirectory(dir, "." + target.getFileName() + ".");
    Path old = null;
    try {
      Files.delete(tmp); // the writer creates it
      writer.write(tmp);
      if (Files.exists(target)) {
        old = Files.createTempDirectory(dir, "." + target.getFileName() + ".old.");
        Files.delete(old);
        AtomicFiles.move(target, old);
      }
      AtomicFiles.move(tmp, target);
    } catch (IOException | RuntimeException | Error e) {
      deleteRecursively(tmp);
      if (old != null && !Files.exists(target)) {
        AtomicFiles.move(old, target);
        old = null;
      }
      throw e;
    } finally {
      if (old != null) {
        deleteRecursively(old);
      }
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
