package io.github.tfjavaxor.datasets;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Resolves a {@code --data} value: a gate name, {@code parity:N}, or a CSV file path. */
public final class Datasets {

  private Datasets() {}

  /** {@return the built-in names, for help text and messages} */
  public static String builtinNames() {
    return Arrays.stream(LogicGates.values()).map(LogicGates::key).collect(Collectors.joining(", "))
        + ", parity:N (N in 1.." + Parity.MAX_BITS + ")";
  }

  /**
   * Whether the value names a built-in data set, whether or not N is in range.
   *
   * @param spec a {@code --data} value
   * @return true for a built-in name, e.g. {@code xor} or {@code parity:99}
   */
  public static boolean isBuiltin(String spec) {
    String key = spec.trim().toLowerCase(Locale.ROOT);
    return LogicGates.byKey(key) != null || key.startsWith("parity:");
  }

  /**
   * Checks a built-in name without building the data.
   *
   * @param spec a built-in name
   * @throws IllegalArgumentException (a usage error) if the name or N is bad
   */
  public static void checkBuiltin(String spec) {
    builtin(spec, false);
  }

  /**
   * Loads a data set.
   *
   * @param spec {@code xor}, {@code and}, {@code or}, {@code nand}, {@code nor}, {@code xnor},
   *     {@code parity:N}, or a CSV path
   * @param target the CSV target column (ignored for built-ins)
   * @return the rows, features and targets
   * @throws IllegalArgumentException for a bad built-in name (a usage error)
   * @throws DataException for a bad file
   */
  public static Dataset load(String spec, String target) throws DataException {
    if (isBuiltin(spec)) {
      return builtin(spec, true);
    }
    return CsvDatasets.read(Path.of(spec), target);
  }

  private static Dataset builtin(String spec, boolean build) {
    String key = spec.trim().toLowerCase(Locale.ROOT);
    LogicGates gate = LogicGates.byKey(key);
    if (gate != null) {
      return build ? gate.dataset() : null;
    }
    String n = key.substring("parity:".length());
    int bits;
    try {
      bits = Integer.parseInt(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--data parity:N: expected an integer N in 1.." + Parity.MAX_BITS + ", found '" + n + "'");
    }
    if (bits < 1 || bits > Parity.MAX_BITS) {
      throw new IllegalArgumentException(
          "--data parity:N: expected N in 1.." + Parity.MAX_BITS + ", found " + bits);
    }
    return build ? Parity.of(bits) : null;
  }
}
