package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.parity.StatisticalParity;
import io.github.tfjavaxor.parity.TwoSample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code statistical-parity}: N fresh random initialisations on each side; prints medians,
 * quartiles and two-sample tests of "epochs until 100% binary accuracy" and the final loss.
 * Exit status 0, or 2 for bad options, 1 if a side fails.
 */
@Command(name = "statistical-parity", mixinStandardHelpOptions = true,
    description = "Compare the distributions of epochs-to-100%%-accuracy and final loss over many"
        + " random initialisations in Keras and in Java.")
public final class StatisticalParityCommand implements Callable<Integer> {
  @Option(names = "--runs", defaultValue = "50", description = "runs per side, >= 2 (default ${DEFAULT-VALUE})", converter = Numbers.AnyInt.class)
  int runs;

  @Option(names = "--seed", defaultValue = "1", description = "first seed; run i uses seed + i (default ${DEFAULT-VALUE})", converter = Numbers.Seed.class)
  long seed;

  @Option(names = "--epochs", defaultValue = "1000", description = "epochs per run (default ${DEFAULT-VALUE})", converter = Numbers.AnyInt.class)
  int epochs;

  @Option(names = "--learning-rate", defaultValue = "0.001", description = "Adam learning rate (default ${DEFAULT-VALUE})", converter = Numbers.Positive.class)
  double learningRate;

  @Option(names = "--out", defaultValue = "target/side-by-side", description = "directory for the Keras report (default ${DEFAULT-VALUE})")
  Path out;

  /** The significance level the verdict line reads the p-values at. */
  static final double ALPHA = 0.05;

  @Override
  public Integer call() throws Exception {
    if (runs < 2 || epochs < 1 || !(learningRate > 0)) {
      throw new UsageException(String.format(Locale.ROOT,
          "expected --runs >= 2, --epochs >= 1, --learning-rate > 0; found %d, %d, %s", runs,
          epochs, learningRate));
    }
    Numbers.checkSeedRange(seed, runs, "--runs");
    StatisticalParity.Result r = StatisticalParity.run(PythonVenv.locate(), runs, seed, epochs,
        learningRate, out);
    print(r, runs, seed, epochs, System.out);
    return 0;
  }

  static void print(StatisticalParity.Result r, int runs, long seed, int epochs, PrintStream out) {
    out.printf(Locale.ROOT, "Statistical parity: %d fresh initialisations per side (seeds %d..%d),"
        + " %d epochs, full batch, no shuffle%n%n", runs, seed, seed + runs - 1, epochs);
    out.printf(Locale.ROOT, "%-26s %-30s %-30s%n", "", "Keras: median [q1, q3]",
        "Java: median [q1, q3]");
    // A run that never reached 100% counts as epochs + 1, so the quartiles rank it last.
    row(out, "epochs to 100% accuracy", r.keras().epochsTo100(), r.java().epochsTo100(), "%.1f");
    row(out, "final loss", r.keras().finalLoss(), r.java().finalLoss(), "%.5f");
    out.printf(Locale.ROOT, "%-26s %-30d %-30d%n", "runs never at 100%", r.keras().neverReached(),
        r.java().neverReached());
    if (r.keras().neverReached() + r.java().neverReached() > 0) {
      out.printf(Locale.ROOT, "(a run never at 100%% counts as %d epochs above)%n", epochs + 1);
    }
    out.println();
    out.printf(Locale.ROOT, "epochs to 100%%: Mann-Whitney U = %.1f, p = %.3f; Kolmogorov-Smirnov"
        + " D = %.3f, p = %.3f%n", r.epochsMw().u(), r.epochsMw().p(), r.epochsKs().d(),
        r.epochsKs().p());
    out.printf(Locale.ROOT, "final loss:     Mann-Whitney U = %.1f, p = %.3f; Kolmogorov-Smirnov"
        + " D = %.3f, p = %.3f%n", r.lossMw().u(), r.lossMw().p(), r.lossKs().d(),
        r.lossKs().p());
    out.println(verdict(r));
  }

  /** The conclusion the p-values allow, at the usual 0.05. */
  static String verdict(StatisticalParity.Result r) {
    List<String> below = new ArrayList<>();
    if (r.epochsMw().p() < ALPHA) {
      below.add("epochs to 100% (Mann-Whitney)");
    }
    if (r.epochsKs().p() < ALPHA) {
      below.add("epochs to 100% (Kolmogorov-Smirnov)");
    }
    if (r.lossMw().p() < ALPHA) {
      below.add("final loss (Mann-Whitney)");
    }
    if (r.lossKs().p() < ALPHA) {
      below.add("final loss (Kolmogorov-Smirnov)");
    }
    return below.isEmpty()
        ? "every p >= 0.05: no evidence that the two sides draw from different distributions"
        : "p < 0.05 for " + String.join(", ", below) + ": the two sides may draw from different"
            + " distributions (rerun with more --runs before concluding)";
  }

  private static void row(PrintStream out, String name, double[] k, double[] j, String fmt) {
    out.printf(Locale.ROOT, "%-26s %-30s %-30s%n", name, summary(k, fmt), summary(j, fmt));
  }

  private static String summary(double[] v, String fmt) {
    return String.format(Locale.ROOT, fmt + " [" + fmt + ", " + fmt + "]",
        TwoSample.quantile(v, 0.5), TwoSample.quantile(v, 0.25), TwoSample.quantile(v, 0.75));
  }

  /**
   * Entry point.
   *
   * @param args the command's options, as after {@code ./tfjava-xor statistical-parity}
   */
  public static void main(String[] args) {
    System.exit(StandaloneCli.execute(new StatisticalParityCommand(), args));
  }
}
