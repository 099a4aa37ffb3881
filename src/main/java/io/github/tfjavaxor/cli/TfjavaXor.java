package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

/**
 * {@code tfjava-xor}: the tutorial's tuning workbench. Without a subcommand it runs the tutorial.
 *
 * <p>Errors: picocli's parse errors and {@link UsageException} exit 2; {@link DataException} and
 * I/O errors exit 3; anything else exits 1 with a one-line message (set {@code
 * TFJAVA_XOR_DEBUG=1} for the stack trace). SIGINT and SIGTERM stop training after the running
 * step and exit 130 and 143 with one line ({@link Signals}); a closed stdout exits 141 silently
 * ({@link PipeWatch}).
 */
@Command(
    name = "tfjava-xor",
    mixinStandardHelpOptions = true,
    versionProvider = TfjavaXor.Version.class,
    description = "The Keras XOR tutorial on TensorFlow Java, and a workbench to tune it.%n"
        + "Without a subcommand, runs the tutorial.",
    subcommands = {
      TutorialCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class,
      SweepCommand.class, MergeCommand.class, SummaryCommand.class, SideBySideCommand.class,
      StatisticalParityCommand.class
    },
    footer = ExitCodes.HELP)
public final class TfjavaXor implements Callable<Integer> {
  final PrintStream out;
  final PrintStream err;

  @Mixin TutorialCommand.TutorialOptions tutorial = new TutorialCommand.TutorialOptions();

  TfjavaXor(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  @Override
  public Integer call() {
    return TutorialCommand.run(tutorial, out, err);
  }

  /**
   * Entry point of the launcher and of {@code mvn exec:java} (which may pass {@code
   * -Dexec.args} as one string: split on blanks, as a shell would).
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    if (args.length == 1 && args[0].strip().contains(" ")) {
      args = args[0].strip().split("\\s+");
    }
    PrintStream out = PipeWatch.stdout();
    System.setOut(out);
    Signals.install(System.err);
    int code = execute(args, out, System.err);
    KeyboardInterrupt.Signal late = Interrupts.pending();
    if (late != null && late != KeyboardInterrupt.Signal.SIGPIPE && code != late.exitCode()) {
      System.err.println("tfjava-xor: interrupted by " + late + " as the command ended");
      code = late.exitCode();
    }
    out.flush();
    System.exit(code);
  }

  /**
   * Runs a command line.
   *
   * @param args the command line, without the program name
   * @param out where results go
   * @param err where messages go
   * @return the exit code
   */
  public static int execute(String[] args, PrintStream out, PrintStream err) {
    TfjavaXor top = new TfjavaXor(out, err);
    CommandLine cl = new CommandLine(top);
    // -V on a subcommand: its --version comes from mixinStandardHelpOptions, its text from here.
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(new Version()));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setParameterExceptionHandler(TfjavaXor::usage);
    cl.registerConverter(Path.class, Path::of); // keeps an InvalidPathException as the cause
    cl.setExecutionExceptionHandler((ex, line, parse) -> handle(ex, line, err));
    try {
      return cl.execute(args);
    } catch (LinkageError e) {
      // picocli passes Errors through; a native library that fails to load lands here.
      err.println(nativeLoadFailure(System.getProperty("os.name"), System.getProperty("os.arch"),
          rootMessage(e)));
      debug(e, err);
      return ExitCodes.FAILURE;
    }
  }

  /** The platforms whose natives TensorFlow Java 1.1.0 ships (tensorflow-core-native classifiers). */
  static final String PLATFORMS =
      "linux-x86_64, linux-x86_64-gpu, linux-arm64, macosx-arm64, windows-x86_64";

  /** The one line printed when the native library does not load, instead of JavaCPP's. */
  static String nativeLoadFailure(String osName, String osArch, String detail) {
    return "tfjava-xor: error: cannot load the TensorFlow native library for " + osName + "/"
        + osArch + ": TensorFlow Java 1.1.0 ships natives for " + PLATFORMS + " only (JavaCPP: "
        + detail + ")";
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }

  private static void debug(Throwable e, PrintStream err) {
    if (System.getenv("TFJAVA_XOR_DEBUG") != null) {
      e.printStackTrace(err);
    }
  }

  private static int usage(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter w = cl.getErr();
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof InvalidPathException p) {
        w.println(cl.getCommandSpec().qualifiedName() + ": " + unnamable(p));
        return ExitCodes.DATA;
      }
    }
    String message = ex.getMessage();
    if (ex.getCause() instanceof CommandLine.TypeConversionException c
        && ex.getArgSpec() instanceof CommandLine.Model.OptionSpec o) {
      message = o.longestName() + ": " + c.getMessage(); // a Numbers converter's range
    }
    w.println(cl.getCommandSpec().qualifiedName() + ": " + message);
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, w); // "Did you mean: train?"
    w.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
    return ExitCodes.USAGE;
  }

  /** Maps an exception from a command to its exit code, printing one line (usage: two). */
  static int handle(Exception ex, CommandLine line, PrintStream err) {
    String name = line.getCommandSpec().qualifiedName();
    KeyboardInterrupt interrupt = interruption(ex);
    if (interrupt != null) {
      if (interrupt.signal() != KeyboardInterrupt.Signal.SIGPIPE) {
        err.println(name + ": " + interrupt.getMessage());
      }
      return interrupt.signal().exitCode();
    }
    if (ex instanceof UsageException) {
      err.println(name + ": " + ex.getMessage());
      err.println("Try '" + name + " --help' for more information.");
      return ExitCodes.USAGE;
    }
    if (ex instanceof io.github.tfjavaxor.device.DeviceUnavailableException) {
      err.println(name + ": " + ex.getMessage());
      return io.github.tfjavaxor.device.DeviceUnavailableException.EXIT_CODE;
    }
    if (ex instanceof InvalidPathException p) {
      err.println(name + ": " + unnamable(p));
      return ExitCodes.DATA;
    }
    if (ex instanceof DataException) {
      err.println(name + ": " + ex.getMessage());
      return ExitCodes.DATA;
    }
    if (ex instanceof IOException || ex instanceof UncheckedIOException) {
      err.println(name + ": file error: " + ex.getMessage());
      return ExitCodes.DATA;
    }
    err.println(name + ": error: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
    debug(ex, err);
    return ExitCodes.FAILURE;
  }

  // A path the JVM cannot encode: Java decodes arguments in the locale's character set
  // (sun.jnu.encoding), so under LANG=C a non-ASCII name arrives as '?'s; the launcher avoids it.
  static String unnamable(InvalidPathException p) {
    return p.getInput() + ": cannot name this path in the locale's character set ("
        + System.getProperty("sun.jnu.encoding") + "); run under a UTF-8 locale, e.g."
        + " LC_ALL=C.UTF-8 (./tfjava-xor chooses one)";
  }

  // The KeyboardInterrupt in ex's causes; else, with SIGINT or SIGTERM pending, one for it: a
  // child the handler stopped makes its caller fail with the child's status, not the story.
  private static KeyboardInterrupt interruption(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof KeyboardInterrupt k) {
        return k;
      }
    }
    KeyboardInterrupt.Signal s = Interrupts.pending();
    return s == null || s == KeyboardInterrupt.Signal.SIGPIPE ? null
        : new KeyboardInterrupt(s, -1, -1, "");
  }

  /** The version from the jar manifest or Maven properties. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = TfjavaXor.class.getPackage().getImplementationVersion();
      if (v == null) {
        try (var in = TfjavaXor.class.getResourceAsStream("/tfjava-xor.version")) {
          v = in == null ? "unknown" : new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
          v = "unknown";
        }
      }
      return new String[] {"tfjava-xor " + v, "TensorFlow Java 1.1.0 (TensorFlow 2.18.0 natives)"};
    }
  }
}
