package io.github.tfjavaxor.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for the numeric flags: each parses and checks its range, so {@code --epochs
 * abc} and {@code --epochs -1} both say what was expected ({@code --epochs: expected an integer
 * >= 0, found 'abc'}) instead of picocli's "'abc' is not an int". {@link TfjavaXor} prints the
 * message after the flag's name, exit 2.
 */
final class Numbers {
  private Numbers() {}

  private static long integer(String v, String expected, long min, long max) {
    long n;
    try {
      n = Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("expected " + expected + ", found '" + v + "'");
    }
    if (n < min || n > max) {
      throw new TypeConversionException("expected " + expected + ", found " + n);
    }
    return n;
  }

  private static double number(String v, String expected) {
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      throw new TypeConversionException("expected " + expected + ", found '" + v + "'");
    }
  }

  /** An int &gt;= 0: epochs, patience, ... */
  static final class NonNegativeInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      return (int) integer(v, "an integer >= 0", 0, Integer.MAX_VALUE);
    }
  }

  /** An int &gt;= 1: batch sizes, the tutorial's epochs, jobs. */
  static final class PositiveInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      return (int) integer(v, "an integer >= 1", 1, Integer.MAX_VALUE);
    }
  }

  /** Any int, for flags whose command checks the range with the other flags. */
  static final class AnyInt implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      return (int) integer(v, "an integer in [-2^31, 2^31)", Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
  }

  /** Keras's verbose: 0, 1 or 2. */
  static final class Verbose implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String v) {
      return (int) integer(v, "0, 1 or 2", 0, 2);
    }
  }

  /** A seed: any 64-bit integer. */
  static final class Seed implements ITypeConverter<Long> {
    @Override
    public Long convert(String v) {
      return integer(v, "an integer in [-2^63, 2^63)", Long.MIN_VALUE, Long.MAX_VALUE);
    }
  }

  /**
   * Checks that {@code count} seeds counting up from {@code first} stay below 2^63.
   *
   * @param first the first seed
   * @param count the seeds, &gt;= 1
   * @param flag the flag that gives the count, for the message
   * @throws UsageException if the last seed would wrap around to a negative one
   */
  static void checkSeedRange(long first, long count, String flag) {
    if (first > Long.MAX_VALUE - (count - 1)) {
      throw new UsageException("--seed: " + first + " with " + flag + " " + count + " would run"
          + " past the largest seed " + Long.MAX_VALUE + "; expected --seed <= "
          + (Long.MAX_VALUE - (count - 1)));
    }
  }

  /** Keras's validation_split: a number in [0, 1). */
  static final class Fraction implements ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      double x = number(v, "a number in [0, 1)");
      if (!(x >= 0 && x < 1)) {
        throw new TypeConversionException("expected a number in [0, 1), found " + x);
      }
      return x;
    }
  }

  /** Any number, for flags whose command checks the range itself (side-by-side's split). */
  static final class AnyNumber implements ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      return number(v, "a number");
    }
  }

  /** A finite number: min_delta, baseline. */
  static final class Finite implements ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      double x = number(v, "a finite number");
      if (!Double.isFinite(x)) {
        throw new TypeConversionException("expected a finite number, found " + x);
      }
      return x;
    }
  }

  /** A number &gt; 0: a learning rate. */
  static final class Positive implements ITypeConverter<Double> {
    @Override
    public Double convert(String v) {
      double x = number(v, "a finite number > 0");
      if (!(x > 0 && Double.isFinite(x))) {
        throw new TypeConversionException("expected a finite number > 0, found " + x);
      }
      return x;
    }
  }

  /** Keras's steps_per_execution: {@code auto} or an int &gt;= 1. */
  static final class StepsPerExecutionValue
      implements ITypeConverter<io.github.tfjavaxor.keras.trainers.StepsPerExecution> {
    @Override
    public io.github.tfjavaxor.keras.trainers.StepsPerExecution convert(String v) {
      if (v.trim().equalsIgnoreCase("auto")) {
        return io.github.tfjavaxor.keras.trainers.StepsPerExecution.AUTO;
      }
      return new io.github.tfjavaxor.keras.trainers.StepsPerExecution(
          (int) integer(v, "auto or an integer >= 1", 1, Integer.MAX_VALUE));
    }
  }
}
