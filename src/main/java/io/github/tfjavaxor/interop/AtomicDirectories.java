package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import io.github.tfjavaxor.interop.files.TempFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checked, atomic writes for the Keras and SavedModel writers: files go through {@link
 * AtomicFiles#writePath}; a directory (a SavedModel) is written under a temporary name and moved
 * into place file by file, so a failed write leaves nothing behind and no file of the user's is
 * touched.
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
   * Writes a directory as TensorFlow's {@code tf.saved_model.save} (under Keras's {@code
   * model.export}) does, which writes its files into the directory and leaves every other file
   * there alone. {@code writer} is called with a temporary path that does not exist yet and must
   * create the directory there. If {@code target} does not exist, the complete directory is renamed
   * to it; if it does, each file written is moved into it (its subdirectories created as needed),
   * replacing the file of the same name, {@code last} after the others, as TensorFlow writes {@code
   * saved_model.pb} last to mark the export complete. No other file in {@code target} is touched.
   *
   * @param last the file name to move last
   * @throws KerasFileException if the parent directory does not exist
   */
  static void writeDirectory(Path target, String last, AtomicFiles.PathWriter writer)
      throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new KerasFileException(target + ": cannot write: directory " + dir + " does not exist");
    }
    boolean into = Files.isDirectory(abs);
    // Into an existing directory: the temporary one inside it, so every move is a rename.
    Path tmp = TempFiles.reserve(into ? abs : dir, "." + abs.getFileName() + ".", ".partial");
    try {
      writer.write(tmp);
      if (!into) {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        return;
      }
      List<Path> files;
      try (Stream<Path> s = Files.walk(tmp)) {
        files = s.filter(Files::isRegularFile)
            .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().equals(last)))
            .toList();
      }
      for (Path f : files) {
        Path to = abs.resolve(tmp.relativize(f).toString());
        Files.createDirectories(to.getParent());
        AtomicFiles.move(f, to);
      }
    } finally {
      TempFiles.delete(tmp);
    }
  }

}
