package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.nio.file.Path;

/** Checks, before any work, that output files can be written. */
final class OutputChecks {
  private OutputChecks() {}

  /** @throws DataException (exit 3) if the file's directory is missing or read-only */
  static void writable(String flag, Path p) throws DataException {
    if (p == null) {
      return;
    }
    if (p.toString().isEmpty()) {
      throw new UsageException(flag + ": expected a file path, found an empty string");
    }
    String problem = AtomicFiles.problemWriting(p);
    if (problem != null) {
      throw new DataException(p.toString(), flag + ": cannot write: " + problem);
    }
  }
}
