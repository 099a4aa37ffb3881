package io.github.tfjavaxor.tutorial;

import io.github.tfjavaxor.keras.Sequential;

/** The tutorial's few command-line options, checked before any native work. */
record Options(long seed, int epochs, int verbose, boolean help) {

  static final String USAGE =
      "Usage: XorTutorial [--seed N] [--epochs N] [--verbose 0|1|2] [--help]\n"
          + "  --seed     seeds the initial weights (default "
          + Sequential.SEED_DEFAULT
          + ")\n"
          + "  --epochs   training epochs, >= 1 (default "
          + XorTutorial.EPOCHS_DEFAULT
          + ")\n"
          + "  --verbose  0 silent, 1 progress bar, 2 one line per epoch (default 1)\n"
          + "Devices, XLA and TensorBoard: ./tfjava-xor tutorial --help";

  /**
   * A main's work: parses the options, prints the usage for {@code --help}, runs; exit 2 for bad
   * options, 1 for a failure while running, with one line and no native stack trace.
   */
  static void main(String[] args, java.util.function.Consumer<Options> run) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("XorTutorial: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(USAGE);
      return;
    }
    try {
      run.accept(options);
    } catch (RuntimeException | LinkageError e) {
      System.err.println("XorTutorial: failed: " + e);
      System.exit(1);
    }
  }

  /**
   * @throws IllegalArgumentException naming the bad option and value
   */
  static Options parse(String[] args) {
    long seed = Sequential.SEED_DEFAULT;
    int epochs = XorTutorial.EPOCHS_DEFAULT;
    int verbose = 1;
    boolean help = false;
    // exec:java passes -Dexec.args as one string on some setups; split it the same way.
    String[] tokens = String.join(" ", args).trim().split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      if (t.isEmpty()) {
        continue;
      }
      switch (t) {
        case "--help":
        case "-h":
          help = true;
          break;
        case "--seed":
          seed = parseLong(t, value(tokens, ++i, t));
          break;
        case "--epochs":
          epochs = parseInt(t, value(tokens, ++i, t));
          break;
        case "--verbose":
          verbose = parseInt(t, value(tokens, ++i, t));
          break;
        default:
          throw new IllegalArgumentException("unknown option '" + t + "'");
      }
    }
    check(epochs, verbose);
    return new Options(seed, epochs, verbose, help);
  }

  static void check(int epochs, int verbose) {
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs: expected an integer >= 1, found " + epochs);
    }
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("--verbose: expected 0, 1 or 2, found " + verbose);
    }
  }

  private static String value(String[] tokens, int i, String option) {
    if (i >= tokens.length) {
      throw new IllegalArgumentException(option + ": expected a value, found none");
    }
    return tokens[i];
  }

  private static long parseLong(String option, String v) {
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": expected an integer, found '" + v + "'");
    }
  }

  private static int parseInt(String option, String v) {
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": expected an integer, found '" + v + "'");
    }
  }
}
