package io.github.tfjavaxor.device;

/**
 * {@code --device gpu} was asked for and there is no usable GPU. The message names everything that
 * is missing (GPU natives, NVIDIA driver, CUDA runtime, cuDNN, ...); CLIs print it and exit with
 * {@link #EXIT_CODE}.
 */
public final class DeviceUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The exit code the tutorial uses for it (2 is bad usage, 1 a failure during the run). */
  public static final int EXIT_CODE = 3;

  /**
   * The GPU that {@code --device gpu} asked for is not usable.
   *
   * @param message everything that is missing, one item after another
   */
  public DeviceUnavailableException(String message) {
    super(message);
  }
}
