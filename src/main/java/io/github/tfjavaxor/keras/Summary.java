package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import java.util.Locale;

/** Keras 3's {@code model.summary()} table for a Sequential of Dense layers. */
final class Summary {
  private static final int[] WIDTHS = {33, 24, 15};

  private Summary() {}

  static String table(Sequential model) {
    StringBuilder sb = new StringBuilder("Model: \"sequential\"\n");
    sb.append(rule('┏', '┳', '┓', '━'));
    sb.append(row('┃', "Layer (type)", "Output Shape", "Param #"));
    sb.append(rule('┡', '╇', '┩', '━'));
    int i = 0;
    for (Dense d : model.layers()) {
      if (i++ > 0) {
        sb.append(rule('├', '┼', '┤', '─'));
      }
      sb.append(
          row('│', d.name() + " (Dense)", "(None, " + d.units() + ")", count(d.countParams())));
    }
    sb.append(rule('└', '┴', '┘', '─'));
    long params = model.countParams();
    // Keras counts a built optimizer's variables (iteration int64, learning_rate, slots) too.
    long optParams = 0;
    long optBytes = 0;
    boolean built = model.isOptimizerBuilt();
    if (built) {
      for (OptimizerVariable v : model.optimizerLayout(true)) {
        optParams += v.shape().size();
        optBytes += v.shape().size() * v.itemSize();
      }
    }
    line(sb, "Total params", params + optParams, params * 4 + optBytes);
    line(sb, "Trainable params", params, params * 4);
    line(sb, "Non-trainable params", 0, 0);
    if (built) {
      line(sb, "Optimizer params", optParams, optBytes);
    }
    return sb.toString();
  }

  private static void line(StringBuilder sb, String what, long count, long bytes) {
    sb.append(' ').append(what).append(": ").append(count(count)).append(" (").append(bytes(bytes))
        .append(")\n");
  }

  // Python's f"{n:,}".
  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String rule(char left, char mid, char right, char fill) {
    StringBuilder sb = new StringBuilder().append(left);
    for (int c = 0; c < WIDTHS.length; c++) {
      sb.append(String.valueOf(fill).repeat(WIDTHS[c])).append(c < WIDTHS.length - 1 ? mid : right);
    }
    return sb.append('\n').toString();
  }

  private static String row(char sep, String layer, String shape, String params) {
    return sep
        + " " + pad(layer, WIDTHS[0] - 2, false) + " " + sep
        + " " + pad(shape, WIDTHS[1] - 2, false) + " " + sep
        + " " + pad(params, WIDTHS[2] - 2, true) + " " + sep + "\n";
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }

  // Keras's readable_memory_size: 260 bytes -> "260.00 B", 1.2 KB -> "1.17 KB".
  private static String bytes(long n) {
    String[] units = {"B", "KB", "MB", "GB"};
    double v = n;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }
}
