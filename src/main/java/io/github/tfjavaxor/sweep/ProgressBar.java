package io.github.tfjavaxor.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar with ETA on stderr: {@code [########------------] 12/30 runs  40%  elapsed
 * 0:21  ETA 0:31}. The ETA is elapsed / done x remaining. Redrawn at most every 250 ms.
 */
public final class ProgressBar {
  private static final int WIDTH = 20;
  private final PrintStream out;
  private final int total;
  private final long start = System.nanoTime();
  private long lastDraw;
  private int done;

  /**
   * A bar at 0 of {@code total}; draws nothing until the first {@link #step}.
   *
   * @param out where to draw, normally stderr
   * @param total runs in the sweep, &gt;= 1
   */
  public ProgressBar(PrintStream out, int total) {
    this.out = out;
    this.total = total;
  }

  /** Counts one finished run and redraws if due (always on the last). */
  public synchronized void step() {
    done++;
    long now = System.nanoTime();
    if (done == total || now - lastDraw > 250_000_000L) {
      lastDraw = now;
      out.print("\r" + line(done, total, (now - start) / 1e9));
      if (done == total) {
        out.println();
      }
      out.flush();
    }
  }

  /** The bar text for {@code done} of {@code total} after {@code elapsed} seconds. */
  static String line(int done, int total, double elapsed) {
    int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
    String eta = done == 0 ? "?" : clock(elapsed / done * (total - done));
    return String.format(Locale.ROOT, "[%s%s] %d/%d runs %3d%%  elapsed %s  ETA %s",
        "#".repeat(filled), "-".repeat(WIDTH - filled), done, total,
        total == 0 ? 100 : 100L * done / total, clock(elapsed), eta);
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
