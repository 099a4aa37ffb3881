package io.github.tfjavaxor.interop.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary file in the same directory and an atomic rename, so an
 * interrupted or failed write leaves either the old file or none, never a partial one.
 */
public final class AtomicFiles {

  /** Writes the content of a stream. */
  @FunctionalInterface
  public interface StreamWriter {
    /**
     * Writes the whole content.
     *
     * @param out the temporary file's stream; closed by the caller
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
  }

  /** Writes a file at a path (for libraries that only take a path). */
  @FunctionalInterface
  public interface PathWriter {
    /**
     * Writes the whole file.
     *
     * @param tmp an empty temporary file to overwrite; its suffix matches the target's
     * @throws IOException if writing fails
     */
    void write(Path tmp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes a file under a temporary name in its directory, then renames it into place.
   *
   * @param target the final file; its directory must exist
   * @param writer writes the whole content
   * @throws IOException if writing or moving fails; the temp file is then deleted
   */
  public static void write(Path target, StreamWriter writer) throws IOException {
    writePath(target, tmp -> {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
    });
  }

  /**
   * Writes a UTF-8 string.
   *
   * @param target the final file; its directory must exist
   * @param text the content
   * @throws IOException if writing or moving fails; the temp file is then deleted
   */
  public static void writeString(Path target, String text) throws IOException {
    write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /**
   * As {@link #write(Path, StreamWriter)}, for a writer that takes a path.
   *
   * @param target the final file
   * @param writer creates the file at the temp path it is given (the suffix matches the target's)
   * @throws IOException if writing or moving fails; the temp file is then deleted
   */
  public static void writePath(Path target, PathWriter writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    String name = abs.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String suffix = dot > 0 ? name.substring(dot) : ".tmp";
    Path tmp;
    try {
      tmp = TempFiles.createFile(dir, "." + name + ".", ".partial" + suffix);
    } catch (IOException e) {
      // Name the file the user asked for, not our temporary sibling.
      throw new IOException(target + ": cannot create a file in " + dir + " (" + e + ")", e);
    }
    try {
      // A replaced file keeps its mode; a new one gets rw-r--r--, whatever the umask.
      if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, Files.exists(abs)
            ? Files.getPosixFilePermissions(abs)
            : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      }
      writer.write(tmp);
      move(tmp, abs);
      TempFiles.release(tmp);
    } catch (IOException | RuntimeException e) {
      TempFiles.delete(tmp);
      throw e;
    }
  }

  /**
   * Renames atomically, replacing the target.
   *
   * @param from the file to rename
   * @param to its new name, in the same file system
   * @throws IOException if the rename fails
   */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Checks before any work that a file can be created: its directory exists and is writable.
   *
   * @param target the file to be written
   * @return a message saying what is wrong, or null if fine
   */
  public static String problemWriting(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    if (Files.isDirectory(target)) {
      return "is a directory, expected a file path";
    }
    if (dir == null || !Files.isDirectory(dir)) {
      return "directory " + dir + " does not exist";
    }
    if (!Files.isWritable(dir)) {
      return "directory " + dir + " is not writable";
    }
    // Permission bits do not tell the whole story (root, /proc, read-only mounts): try it.
    try {
      TempFiles.delete(TempFiles.createFile(dir, ".probe.", ".tmp"));
    } catch (IOException e) {
      return "cannot create a file in directory " + dir + " (" + e.getClass().getSimpleName() + ")";
    }
    return null;
  }
}
