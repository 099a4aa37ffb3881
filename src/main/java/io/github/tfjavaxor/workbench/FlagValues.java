package io.github.tfjavaxor.workbench;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses the list syntax of model flags. In {@code train}, {@code --layers 16,8} means two hidden
 * layers; {@code 16-8} means the same. In {@code sweep}, commas separate alternatives and a
 * dash joins the layers of one alternative: {@code --layers 4,16,16-8}.
 */
public final class FlagValues {

  private FlagValues() {}

  /**
   * Splits on a separator, trimming; empty items are errors.
   *
   * @param flag the flag's name for messages, e.g. {@code --layers}
   * @param value the flag's value
   * @param separatorRegex e.g. {@code [,-]}
   * @return the items, trimmed
   * @throws IllegalArgumentException naming the flag
   */
  public static List<String> split(String flag, String value, String separatorRegex) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(flag + ": expected a value, found an empty string");
    }
    for (String s : value.split(separatorRegex, -1)) {
      String t = s.trim();
      if (t.isEmpty()) {
        throw new IllegalArgumentException(flag + ": expected no empty items, found '" + value + "'");
      }
      out.add(t);
    }
    return out;
  }

  /**
   * Hidden layer sizes: {@code "16"}, {@code "16,8"} or {@code "16-8"}; {@code "0"} or {@code
   * "none"} means no hidden layer.
   *
   * @param flag the flag's name for messages
   * @param value the flag's value
   * @return the sizes; empty for no hidden layer
   * @throws IllegalArgumentException if a size is not an integer &gt;= 1
   */
  public static List<Integer> layers(String flag, String value) {
    String v = value == null ? "" : value.trim();
    if (v.equals("0") || v.equalsIgnoreCase("none")) {
      return List.of();
    }
    List<Integer> units = new ArrayList<>();
    if (v.startsWith("-")) { // "-3" would split into an empty item and 3
      throw new IllegalArgumentException(flag + ": expected positive integers such as 16 or 16,8"
          + " (layer sizes), found '" + value + "'");
    }
    for (String s : split(flag, v, "[,-]")) {
      int u;
      try {
        u = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(flag + ": expected positive integers such as 16 or 16,8, found '" + s + "'");
      }
      if (u < 1) {
        throw new IllegalArgumentException(flag + ": expected unit counts >= 1, found " + u);
      }
      units.add(u);
    }
    return units;
  }

  /**
   * Activations for {@code layerCount} hidden layers: one for all, or one per layer.
   *
   * @param flag the flag's name for messages
   * @param value the flag's value, e.g. {@code relu} or {@code tanh-relu}
   * @param layerCount the hidden layers
   * @return one activation name per hidden layer, as written
   * @throws IllegalArgumentException if the count is neither 1 nor {@code layerCount}
   */
  public static List<String> activations(String flag, String value, int layerCount) {
    List<String> acts = split(flag, value, "[,-]");
    if (acts.size() == 1) {
      List<String> all = new ArrayList<>();
      for (int i = 0; i < layerCount; i++) {
        all.add(acts.get(0));
      }
      return all;
    }
    if (acts.size() != layerCount) {
      throw new IllegalArgumentException(
          flag + ": expected one activation for all hidden layers or one per layer ("
              + layerCount + "), found " + acts.size() + ": " + acts);
    }
    return acts;
  }

  /**
   * A positive finite number.
   *
   * @param flag the flag's name for messages
   * @param value the flag's value
   * @return the number
   * @throws IllegalArgumentException naming the flag if it is not a finite number &gt; 0
   */
  public static double positive(String flag, String value) {
    double d;
    try {
      d = Double.parseDouble(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(flag + ": expected a number > 0, found '" + value + "'");
    }
    if (!(d > 0) || Double.isInfinite(d)) {
      throw new IllegalArgumentException(flag + ": expected a finite number > 0, found " + value.trim());
    }
    return d;
  }

  /**
   * A positive integer.
   *
   * @param flag the flag's name for messages
   * @param value the flag's value
   * @return the integer
   * @throws IllegalArgumentException naming the flag if it is not an integer &gt;= 1
   */
  public static int positiveInt(String flag, String value) {
    try {
      int i = Integer.parseInt(value.trim());
      if (i >= 1) {
        return i;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(flag + ": expected an integer >= 1, found '" + value.trim() + "'");
  }
}
