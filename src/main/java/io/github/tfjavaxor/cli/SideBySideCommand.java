package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.parity.EpochCsv;
import io.github.tfjavaxor.parity.ParityTable;
import io.github.tfjavaxor.parity.SideBySide;
import io.github.tfjavaxor.plots.LossCurves;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code side-by-side}: trains the XOR tutorial in Keras and in Java from the same initial weights
 * and prints the parity table; writes {@code side-by-side.csv} and {@code side-by-side.png}.
 *
 * <p>Exit status: 0 when the parity target holds, 3 when it is missed (the numbers are still
 * printed), 2 for bad options, 1 when a side fails to run.
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true,
    description = "Train the XOR tutorial in Keras (python/xor_keras3.py) and in Java from the"
        + " same Keras-drawn initial weights; print loss/accuracy side by side.")
public final class SideBySideCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "42",
      description = "keras.utils.set_random_seed, which fixes the initial weights (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--epochs", defaultValue = "1000", description = "epochs, >= 1 (default ${DEFAULT-VALUE})")
  int epochs;

  @Option(names = "--learning-rate", defaultValue = "0.001",
      description = "Adam learning rate on both sides (default ${DEFAULT-VALUE})")
  double learningRate;

  @Option(names = "--out", defaultValue = "target/side-by-side",
      description = "directory for the CSV, PNG, initial weights and Keras report (default ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--no-fused", negatable = false,
      description = "skip the extra Java run with FusedAdam (ApplyAdam)")
  boolean noFused;

  @Override
  public Integer call() throws Exception {
    if (epochs < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--epochs: expected an integer >= 1, found " + epochs);
    }
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--learning-rate: expected a number > 0, found " + learningRate);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new CommandLine.ParameterException(new CommandLine(this),
          "--out: expected a directory, found a file: " + out);
    }
    PythonVenv venv = PythonVenv.locate();
    System.out.printf("Side by side: Keras (python/xor_keras3.py) vs Java, seed %d, %d epochs,"
        + " full batch, no shuffle, Adam lr %s, TF_ENABLE_ONEDNN_OPTS=%s%n", seed, epochs,
        learningRate, System.getenv().getOrDefault("TF_ENABLE_ONEDNN_OPTS", "(unset)"));
    SideBySide.Result r = SideBySide.run(venv, seed, epochs, learningRate, out, !noFused);
    System.out.println("initial weights: drawn and saved by Keras, imported by Java: "
        + r.initWeights());
    System.out.println();
    ParityTable.print(r, System.out);
    Path csv = out.resolve("side-by-side.csv");
    Path png = out.resolve("side-by-side.png");
    EpochCsv.write(csv, r);
    Map<String, float[]> curves = new LinkedHashMap<>();
    curves.put("Keras 3", r.keras().loss());
    curves.put("Java (Adam)", r.java().loss());
    if (r.fused() != null) {
      curves.put("Java (FusedAdam)", r.fused().loss());
    }
    LossCurves.write(png, "XOR loss, seed " + seed + ": Keras vs Java", curves);
    System.out.println();
    System.out.println("wrote " + csv + " and " + png);
    return r.adam().meetsTarget() ? 0 : 3;
  }

  /** Entry point; see the class doc for exit codes. */
  public static void main(String[] args) {
    System.exit(StandaloneCli.execute(new SideBySideCommand(), args));
  }
}
