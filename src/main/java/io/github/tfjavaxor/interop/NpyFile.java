package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.interop.files.AtomicFiles;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a float32 matrix as a NumPy {@code .npy} file (format 1.0: the magic {@code \x93NUMPY},
 * a header dict padded to a multiple of 64 bytes, then the values little-endian, row by row), so
 * the Python side reads exactly the float32 values Java checked: {@code numpy.load(path)} gives a
 * {@code float32 [rows, cols]} array. Spec: numpy/lib/format.py.
 */
public final class NpyFile {
  private NpyFile() {}

  /**
   * Writes {@code values} to {@code target}, under a temporary name first.
   *
   * @param target the {@code .npy} file to write
   * @param values float [rows][cols], every row {@code cols} long, rows &gt;= 1
   * @throws IOException if the file cannot be written
   */
  public static void write(Path target, float[][] values) throws IOException {
    int cols = values[0].length;
    String dict = String.format(Locale.ROOT,
        "{'descr': '<f4', 'fortran_order': False, 'shape': (%d, %d), }", values.length, cols);
    int unpadded = 10 + dict.length() + 1; // magic 6, version 2, length 2, dict, newline
    String header = dict + " ".repeat((64 - unpadded % 64) % 64) + "\n";
    AtomicFiles.write(target, out -> {
      DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
      d.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
      d.write(header.length() & 0xff);
      d.write(header.length() >> 8);
      d.write(header.getBytes(StandardCharsets.US_ASCII));
      for (float[] row : values) {
        for (float v : row) {
          d.writeInt(Integer.reverseBytes(Float.floatToRawIntBits(v)));
        }
      }
      d.flush();
    });
  }
}
