package io.github.tfjavaxor.interop.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The temporary names this process is writing under: hidden siblings of the files it writes,
 * with a random part no user file has. Each is registered before it is created and released once
 * renamed into place or deleted, so that {@link #deleteAll}, on a forced exit, removes exactly
 * what this process left half-written, and nothing else.
 *
 * <p>A registered name also covers the files that start with it (TensorFlow's checkpoint writer
 * makes {@code NAME.index}, {@code NAME.data-*} and their {@code .tempstate} files from one
 * prefix), and a directory is deleted with its content.
 */
public final class TempFiles {
  private static final Set<Path> LIVE = new LinkedHashSet<>();
  // Names deleteAll has swept: a second sweep catches a file a writer (re)created by path after it.
  private static final Set<Path> SWEPT = new LinkedHashSet<>();
  private static boolean closed;

  private TempFiles() {}

  /**
   * Registers a fresh name {@code prefix + random + suffix} in {@code dir}, not yet created.
   *
   * @param dir an existing directory
   * @param prefix the name's start, e.g. {@code .model.keras.}
   * @param suffix the name's end, e.g. {@code .partial.keras}
   * @return the absolute path, registered until {@link #release} or {@link #delete}
   */
  public static Path reserve(Path dir, String prefix, String suffix) {
    while (true) {
      Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong())
          + suffix).toAbsolutePath();
      if (!Files.exists(p) && register(p)) {
        return p;
      }
    }
  }

  /**
   * Creates and registers an empty file, as {@link Files#createTempFile} with a plain mode.
   *
   * @param dir an existing directory
   * @param prefix the name's start
   * @param suffix the name's end
   * @return the absolute path of the new file
   * @throws IOException if the file cannot be created
   */
  public static Path createFile(Path dir, String prefix, String suffix) throws IOException {
    while (true) {
      Path p = reserve(dir, prefix, suffix);
      try {
        return Files.createFile(p);
      } catch (FileAlreadyExistsException e) {
        release(p);
      } catch (IOException | RuntimeException e) {
        release(p);
        throw e;
      }
    }
  }

  /**
   * Deletes a registered path (a directory with its content) and releases it.
   *
   * @param p a registered path
   * @throws IOException if it cannot be deleted; it is released all the same
   */
  public static void delete(Path p) throws IOException {
    try {
      deleteTree(p);
    } finally {
      release(p);
    }
  }

  /**
   * Forgets a name once it was renamed into place or deleted.
   *
   * @param p a registered path
   */
  public static synchronized void release(Path p) {
    LIVE.remove(p.toAbsolutePath());
  }

  /** The registered names, for tests. */
  static synchronized List<Path> live() {
    return List.copyOf(LIVE);
  }

  /**
   * On a forced exit: deletes every registered name and what starts with it. Afterwards a thread
   * that registers a new name waits for the exit instead. Calling it again sweeps the same names
   * again: a writer that had its name before the first sweep may create the file by path after it.
   */
  public static void deleteAll() {
    List<Path> all;
    synchronized (TempFiles.class) {
      closed = true;
      SWEPT.addAll(LIVE);
      LIVE.clear();
      all = new ArrayList<>(SWEPT);
    }
    for (Path p : all) {
      Path dir = p.getParent();
      String name = p.getFileName().toString();
      try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, e ->
          e.getFileName().toString().startsWith(name))) {
        for (Path e : s) {
          deleteTree(e);
        }
      } catch (IOException e) {
        // Best effort: the process is exiting.
      }
    }
  }

  // Tests only: registering again after deleteAll.
  static synchronized void reopen() {
    closed = false;
    SWEPT.clear();
  }

  private static synchronized boolean register(Path p) {
    while (closed) {
      try {
        TempFiles.class.wait(); // the process is exiting; write nothing more
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("exiting", e);
      }
    }
    return LIVE.add(p);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.deleteIfExists(p);
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path e : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(e);
      }
    }
  }
}
