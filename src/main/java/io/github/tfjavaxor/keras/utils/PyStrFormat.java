package io.github.tfjavaxor.keras.utils;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format} with named fields, for Keras's {@code ModelCheckpoint} paths such as
 * {@code model.{epoch:02d}-{val_loss:.2f}.keras} ({@code keras/src/callbacks/model_checkpoint.py}
 * formats them with {@code filepath.format(epoch=epoch + 1, **logs)}). Fields: {@code {name}} or
 * {@code {name:spec}} with spec {@code [0][width][.precision][type]}, type {@code d} (integers),
 * {@code f}, {@code e} or {@code %} (numbers), or none; {@code {{} and {@code }}} are braces.
 *
 * <p>Example: {@code format("m-{epoch:03d}-{loss:.3f}", Map.of("epoch", 7, "loss", 0.12345))} is
 * {@code "m-007-0.123"}; {@code {loss}} alone prints Python's {@code repr}, {@code 0.12345}.
 */
public final class PyStrFormat {
  /** Any field, {@code {name}} or {@code {name:spec}}, for code that only needs to find them. */
  public static final Pattern ANY_FIELD = Pattern.compile("\\{[^{}]*\\}");

  private static final Pattern FIELD = Pattern.compile("\\{\\{|\\}\\}|\\{([^{}:]*)(?::([^{}]*))?\\}");
  private static final Pattern SPEC = Pattern.compile("(0)?([0-9]+)?(?:\\.([0-9]+))?([dfe%])?");

  private PyStrFormat() {}

  /**
   * The field names, in order.
   *
   * @param template e.g. {@code ck-{epoch:02d}.keras}
   * @return e.g. {@code [epoch]}
   * @throws IllegalArgumentException for a lone brace, an empty name or an unsupported spec
   */
  public static List<String> fields(String template) {
    List<String> names = new ArrayList<>();
    scan(template, null, names);
    return names;
  }

  /**
   * Formats the template.
   *
   * @param template the text with fields
   * @param values Integer or Double values by name
   * @return the text, each field replaced as Python replaces it
   * @throws IllegalArgumentException for a name without a value, as Python's KeyError, or a spec
   *     the value's type does not take
   */
  public static String format(String template, Map<String, ?> values) {
    return scan(template, values, new ArrayList<>());
  }

  private static String scan(String template, Map<String, ?> values, List<String> names) {
    StringBuilder out = new StringBuilder();
    Matcher m = FIELD.matcher(template);
    int at = 0;
    while (m.find()) {
      literal(template.substring(at, m.start()), template, out);
      at = m.end();
      if (m.group().equals("{{") || m.group().equals("}}")) {
        out.append(m.group().charAt(0));
        continue;
      }
      String name = m.group(1);
      String spec = m.group(2) == null ? "" : m.group(2);
      Matcher s = SPEC.matcher(spec);
      if (name.isEmpty() || !s.matches()) {
        throw new IllegalArgumentException("'" + m.group() + "' in '" + template + "': expected"
            + " {name} or {name:spec} such as {epoch:02d}, {loss:.4f} or {loss:.2e}");
      }
      names.add(name);
      if (values != null) {
        if (!values.containsKey(name)) {
          throw new IllegalArgumentException("'" + m.group() + "' in '" + template + "': no value"
              + " named " + name + "; expected one of " + values.keySet());
        }
        out.append(field(values.get(name), s, m.group()));
      }
    }
    literal(template.substring(at), template, out);
    return out.toString();
  }

  private static void literal(String text, String template, StringBuilder out) {
    if (text.contains("{") || text.contains("}")) {
      throw new IllegalArgumentException("'" + template + "': a single '{' or '}' (write {{ or"
          + " }} for a brace)");
    }
    out.append(text);
  }

  private static String field(Object v, Matcher s, String field) {
    String type = s.group(4);
    int precision = s.group(3) == null ? 6 : Integer.parseInt(s.group(3));
    String text;
    if (v instanceof Integer i && (type == null || type.equals("d")) && s.group(3) == null) {
      text = Integer.toString(i);
    } else if ((v instanceof Double || v instanceof Integer) && type != null && !type.equals("d")
        || v instanceof Double && type == null) {
      double d = ((Number) v).doubleValue();
      text = type == null ? (s.group(3) == null ? repr(d) : general(d, precision))
          : type.equals("f") ? PyFormat.fixed(d, precision)
          : type.equals("e") ? PyFormat.scientific(d, precision)
          : PyFormat.fixed(d * 100, precision) + "%";
    } else {
      throw new IllegalArgumentException(field + ": Python refuses this spec for "
          + (v instanceof Integer ? "an int" : "a float") + " (" + v + ")");
    }
    int width = s.group(2) == null ? 0 : Integer.parseInt(s.group(2));
    boolean zeros = s.group(1) != null;
    if (text.length() >= width) {
      return text;
    }
    String pad = (zeros ? "0" : " ").repeat(width - text.length());
    boolean sign = text.startsWith("-");
    // Python: numbers align right; zero padding goes after the sign.
    return zeros && sign ? "-" + pad + text.substring(1) : pad + text;
  }

  /**
   * Python's {@code repr(float)}: the shortest decimal that reads back as the same double, in
   * positional form for exponents -4 to 15 ({@code 0.0001}, {@code 12.0}), else {@code 1e-05}.
   *
   * @param v any double
   * @return Python's text for it
   */
  public static String repr(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return 1 / v < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = null;
    for (int digits = 1; digits <= 17; digits++) {
      shortest = new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN));
      if (shortest.doubleValue() == v) {
        break;
      }
    }
    BigDecimal s = shortest.stripTrailingZeros();
    int exponent = s.precision() - s.scale() - 1;
    if (exponent >= -4 && exponent < 16) {
      String plain = s.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = s.unscaledValue().abs().toString();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + String.format("%02d", Math.abs(exponent));
  }

  // Python's format(x, '.Np') without a type: like 'g', but with a point in fixed notation, and
  // scientific from an exponent of p - 1.
  private static String general(double v, int precision) {
    int p = Math.max(precision, 1);
    if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
      return repr(v);
    }
    BigDecimal r = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
    int exponent = r.precision() - r.scale() - 1;
    if (exponent < -4 || exponent >= p - 1) {
      String e = PyFormat.scientific(v, p - 1);
      return e.replaceAll("\\.?0+e", "e");
    }
    String plain = r.stripTrailingZeros().toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }
}
