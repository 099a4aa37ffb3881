package io.github.tfjavaxor.cli;

/** A bad flag value found by our own checks; reported like picocli's errors, exit code 2. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
