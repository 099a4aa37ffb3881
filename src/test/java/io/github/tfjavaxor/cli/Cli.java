package io.github.tfjavaxor.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs the CLI in-process and captures its streams. */
record Cli(int code, String out, String err) {
  static Cli run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = TfjavaXor.execute(args, o, e);
    }
    return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The CLI as a command line on this test's class path, for scripts that take it in TFJAVA_XOR
   * (deploy/): no launcher build during the test run. C1 only: these runs are short and the
   * numbers are TensorFlow's, so the JIT's second tier only costs start-up.
   */
  static String command() {
    return Path.of(System.getProperty("java.home"), "bin", "java") + " -XX:TieredStopAtLevel=1 -Djava.awt.headless=true -cp "
        + System.getProperty("java.class.path") + " " + TfjavaXor.class.getName();
  }

  /** The first line of stderr. */
  String firstError() {
    return err.lines().findFirst().orElse("");
  }
}
