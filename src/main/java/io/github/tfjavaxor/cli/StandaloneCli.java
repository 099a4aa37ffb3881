package io.github.tfjavaxor.cli;

import picocli.CommandLine;

/** Shared picocli setup: bad options exit 2 with the message; failures exit 1 with one line. */
final class StandaloneCli {
  private StandaloneCli() {}

  static int execute(Object command, String[] args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof CommandLine.ParameterException) {
        throw (CommandLine.ParameterException) e;
      }
      c.getErr().println(c.getCommandName() + ": " + e.getMessage());
      return 1;
    });
    // exec:java passes -Dexec.args as one string on some setups; split it the same way.
    String[] tokens = String.join(" ", args).trim().split("\\s+");
    if (tokens.length == 1 && tokens[0].isEmpty()) {
      tokens = new String[0];
    }
    return cl.execute(tokens);
  }
}
