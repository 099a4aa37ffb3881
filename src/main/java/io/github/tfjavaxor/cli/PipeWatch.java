package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;

/**
 * Stdout that notices when its reader has gone ({@code tfjava-xor tutorial | head -2}): the first
 * failed write raises {@link KeyboardInterrupt.Signal#SIGPIPE}, so training stops after the running
 * step and the command exits 141 without a word, as a process killed by SIGPIPE. The JVM ignores
 * SIGPIPE and {@link PrintStream} swallows the error, so without this the run would go on to the
 * end printing into nothing.
 */
final class PipeWatch extends FilterOutputStream {
  private PipeWatch(OutputStream out) {
    super(out);
  }

  /** A stdout like {@code System.out} (line-flushed, its encoding) that raises SIGPIPE. */
  static PrintStream stdout() {
    OutputStream o = new BufferedOutputStream(
        new PipeWatch(new FileOutputStream(FileDescriptor.out)), 8192);
    String enc = System.getProperty("sun.stdout.encoding");
    if (enc != null) {
      try {
        return new PrintStream(o, true, enc);
      } catch (UnsupportedEncodingException e) {
        // fall through to the default, as System.out does
      }
    }
    return new PrintStream(o, true);
  }

  @Override
  public void write(int b) throws IOException {
    try {
      out.write(b);
    } catch (IOException e) {
      throw closed(e);
    }
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    try {
      out.write(b, off, len);
    } catch (IOException e) {
      throw closed(e);
    }
  }

  @Override
  public void flush() throws IOException {
    try {
      out.flush();
    } catch (IOException e) {
      throw closed(e);
    }
  }

  private static IOException closed(IOException e) {
    Interrupts.raise(KeyboardInterrupt.Signal.SIGPIPE);
    return e;
  }
}
