package io.github.tfjavaxor.keras.callbacks;

import io.github.tfjavaxor.keras.utils.PyFormat;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keras 3's progress bar ({@code keras/src/utils/progbar.py}), character for character: width 20,
 * ANSI bold/green/grey, {@code \r} redraws, the ETA while running and the elapsed seconds when
 * finalised, the time per step and the metrics. Every metric is shown as given (Keras's
 * ProgbarLogger treats all of them as stateful).
 *
 * <p>Example (verbose 1, ANSI codes removed): {@code 1/1 ━━━━━━━━━━━━━━━━━━━━ 0s 12ms/step -
 * binary_accuracy: 0.5000 - loss: 0.2634}.
 */
public final class Progbar {
  static final int WIDTH = 20;
  static final double INTERVAL_SECONDS = 0.05;

  private final PrintStream out;
  private final int target;
  private final int verbose;
  private final boolean dynamicDisplay;
  private final char barChar;
  private final LongSupplier nanoClock;
  private final Map<String, Double> values = new LinkedHashMap<>();
  private final double start;
  private double lastUpdate = Double.NEGATIVE_INFINITY;
  private Double timeAfterFirstStep;
  private int prevTotalWidth;

  /**
   * A bar with Keras's display defaults for this system.
   *
   * @param out where to print
   * @param target total steps, &gt; 0
   * @param verbose 1 (bar) or 2 (one line when finalised); 0 prints nothing
   * @param nanoClock the time source, {@link System#nanoTime} in production
   */
  public Progbar(PrintStream out, int target, int verbose, LongSupplier nanoClock) {
    this(out, target, verbose, defaultDynamicDisplay(), defaultBarChar(), nanoClock);
  }

  /**
   * As above, with the display details fixed (for tests and for non-UTF-8 streams).
   *
   * @param out where to print
   * @param target total steps, &gt; 0
   * @param verbose 1 (bar) or 2 (one line when finalised); 0 prints nothing
   * @param dynamicDisplay redraw with {@code \r} (Keras on POSIX) or start new lines
   * @param barChar {@code ━} or {@code =}
   * @param nanoClock the time source, {@link System#nanoTime} in production
   */
  public Progbar(
      PrintStream out,
      int target,
      int verbose,
      boolean dynamicDisplay,
      char barChar,
      LongSupplier nanoClock) {
    this.out = out;
    this.target = target;
    this.verbose = verbose;
    this.dynamicDisplay = dynamicDisplay;
    this.barChar = barChar;
    this.nanoClock = nanoClock;
    this.start = now();
  }

  /**
   * Keras redraws with {@code \r} on POSIX systems, whether or not stdout is a terminal.
   *
   * @return true except on Windows
   */
  public static boolean defaultDynamicDisplay() {
    return !System.getProperty("os.name", "").toLowerCase().startsWith("windows");
  }

  /**
   * {@code ━}, or {@code =} when the default charset cannot encode it (as Keras's io_utils).
   *
   * @return the character that draws the bar
   */
  public static char defaultBarChar() {
    return Charset.defaultCharset().newEncoder().canEncode('\u2501') ? '\u2501' : '=';
  }

  private double now() {
    return nanoClock.getAsLong() / 1e9;
  }

  /**
   * Records values and redraws.
   *
   * @param current steps done so far
   * @param logs metric values to show; may be null
   * @param finalize true for the last update of this bar
   */
  public void update(int current, Map<String, Double> logs, boolean finalize) {
    if (logs != null) {
      values.putAll(logs);
    }
    double now = now();
    double timePerUnit = estimateStepDuration(current, now);
    if (verbose == 1) {
      if (now - lastUpdate < INTERVAL_SECONDS && !finalize) {
        return;
      }
      StringBuilder message = new StringBuilder();
      if (dynamicDisplay) {
        message.append("\b".repeat(prevTotalWidth)).append('\r');
      } else {
        message.append('\n');
      }
      int specialCharLen = 0;
      int numDigits = (int) Math.log10(target) + 1;
      StringBuilder bar = new StringBuilder();
      bar.append("\u001b[1m")
          .append(String.format("%" + numDigits + "d/%d", current, target))
          .append("\u001b[0m ");
      specialCharLen += 8;
      int progWidth = (int) (WIDTH * ((double) current / target));
      if (progWidth > 0) {
        bar.append("\u001b[32m").append(String.valueOf(barChar).repeat(progWidth)).append("\u001b[0m");
        specialCharLen += 9;
      }
      bar.append("\u001b[37m")
          .append(String.valueOf(barChar).repeat(WIDTH - progWidth))
          .append("\u001b[0m");
      specialCharLen += 9;
      message.append(bar);

      StringBuilder info = new StringBuilder();
      if (!finalize) {
        info.append(" \u001b[1m").append(eta(timePerUnit * (target - current))).append("\u001b[0m");
      } else {
        info.append(" \u001b[1m").append(PyFormat.fixed(now - start, 0)).append("s\u001b[0m");
      }
      specialCharLen += 8;
      info.append(formatTime(timePerUnit));
      for (Map.Entry<String, Double> e : values.entrySet()) {
        info.append(" - ").append(e.getKey()).append(": ").append(PyFormat.metric(e.getValue()));
      }
      message.append(info);
      int totalWidth = bar.length() + info.length() - specialCharLen;
      if (prevTotalWidth > totalWidth) {
        message.append(" ".repeat(prevTotalWidth - totalWidth));
      }
      if (finalize) {
        message.append('\n');
      }
      out.print(message);
      out.flush();
      prevTotalWidth = totalWidth;
    } else if (verbose == 2 && finalize) {
      int numDigits = (int) Math.log10(target) + 1;
      StringBuilder info =
          new StringBuilder(String.format("%" + numDigits + "d/%d", current, target))
              .append(" - ")
              .append(PyFormat.fixed(now - start, 0))
              .append("s -")
              .append(formatTime(timePerUnit));
      for (Map.Entry<String, Double> e : values.entrySet()) {
        double v = e.getValue();
        // Keras's verbose-2 branch tests v > 1e-3 without abs().
        info.append(" - ")
            .append(e.getKey())
            .append(": ")
            .append(v > 1e-3 ? PyFormat.fixed(v, 4) : PyFormat.scientific(v, 4));
      }
      info.append('\n');
      out.print(info);
      out.flush();
    }
    lastUpdate = now;
  }

  private static String eta(double eta) {
    long e = (long) eta;
    if (eta > 3600) {
      return String.format("%d:%02d:%02d", e / 3600, (e % 3600) / 60, e % 60);
    } else if (eta > 60) {
      return String.format("%d:%02d", e / 60, e % 60);
    }
    return e + "s";
  }

  static String formatTime(double timePerUnit) {
    if (timePerUnit >= 1 || timePerUnit == 0) {
      return " " + PyFormat.fixed(timePerUnit, 0) + "s/step";
    } else if (timePerUnit >= 1e-3) {
      return " " + PyFormat.fixed(timePerUnit * 1000.0, 0) + "ms/step";
    }
    return " " + PyFormat.fixed(timePerUnit * 1000000.0, 0) + "us/step";
  }

  // Keras ignores the first step's time once there are more steps.
  private double estimateStepDuration(int current, double now) {
    if (current == 0) {
      return 0;
    }
    double timePerUnit;
    if (timeAfterFirstStep != null && current > 1) {
      timePerUnit = (now - timeAfterFirstStep) / (current - 1);
    } else {
      timePerUnit = (now - start) / current;
    }
    if (current == 1) {
      timeAfterFirstStep = now;
    }
    return timePerUnit;
  }
}
