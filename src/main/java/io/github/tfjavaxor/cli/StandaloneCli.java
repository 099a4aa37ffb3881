package io.github.tfjavaxor.cli;

import picocli.CommandLine;

/**
 * Shared picocli setup for the commands that also run alone ({@code exec:java}): bad options exit
 * 2 with the message, data and file errors 3, other failures 1, as under {@link TfjavaXor}.
 */
final class StandaloneCli {
  private StandaloneCli() {}

  static int execute(Object command, String[] args) {
    CommandLine cl = new CommandLine(command);
    cl.setExecutionExceptionHandler((e, c, parsed) -> {
      if (e instanceof CommandLine.ParameterException) {
        throw (CommandLine.ParameterException) e;
      }
      return TfjavaXor.handle(e, c, System.err);
    });
    // exec:java passes -Dexec.args as one string on some setups; split it the same way.
    String[] tokens = String.join(" ", args).trim().split("\\s+");
    if (tokens.length == 1 && tokens[0].isEmpty()) {
      tokens = new String[0];
    }
    return cl.execute(tokens);
  }
}
