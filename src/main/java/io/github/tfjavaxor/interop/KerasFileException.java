package io.github.tfjavaxor.interop;

import java.io.IOException;

/**
 * A model file that cannot be read or written, or whose content the port cannot represent. The
 * message names the file and, inside it, the layer or dataset path, what was expected and what was
 * found, e.g. {@code xor.weights.h5: dataset layers/dense_1/vars/1 (dense_1/bias) is missing}.
 */
public final class KerasFileException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * A problem found by this port.
   *
   * @param message names the file, the layer or dataset path, what was expected and what was found
   */
  public KerasFileException(String message) {
    super(message);
  }

  /**
   * A problem reported by the HDF5 or JSON reader underneath.
   *
   * @param message names the file, the layer or dataset path, what was expected and what was found
   * @param cause the reader's exception
   */
  public KerasFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
