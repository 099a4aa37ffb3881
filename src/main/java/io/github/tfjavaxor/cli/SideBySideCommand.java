package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.datasets.Datasets;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.parity.Comparison;
import io.github.tfjavaxor.parity.EpochCsv;
import io.github.tfjavaxor.parity.ParityTable;
import io.github.tfjavaxor.parity.SideBySide;
import io.github.tfjavaxor.parity.SideBySideConfig;
import io.github.tfjavaxor.plots.LossCurves;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code side-by-side}: trains one configuration in Keras and in Java from the same initial
 * weights (and, when shuffling, the same row orders) and prints the parity table; writes {@code
 * side-by-side.csv} and {@code side-by-side.png}.
 *
 * <p>Exit status: 0 when the parity target holds, 3 when it is missed (the numbers are still
 * printed) or a file is bad, 2 for bad options (found before Python or TensorFlow start), 1 when
 * a side fails to run.
 */
@Command(name = "side-by-side", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train one configuration in Keras (python/xor_keras3.py) and in Java from the"
        + " same Keras-drawn initial weights and, with --shuffle, the same row orders; print"
        + " every logged metric side by side (val_ ones too).",
    footer = ExitCodes.HELP)
public final class SideBySideCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;
  @Mixin ModelOptions model = new ModelOptions();

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000",
      description = "epochs, >= 0 (default: ${DEFAULT-VALUE})", converter = Numbers.NonNegativeInt.class)
  int epochs;

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32",
      description = "samples per step, >= 1 (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
  int batchSize;

  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "permute the training rows every epoch, as Keras's fit(shuffle=True) does;"
          + " Keras draws the orders, Java replays them (default: --shuffle)")
  boolean shuffle;

  @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0",
      description = "the last fraction F of the rows, taken before shuffling, validates each"
          + " epoch (val_ metrics); in [0, 1) (default: ${DEFAULT-VALUE})", converter = Numbers.AnyNumber.class)
  double validationSplit;

  @Option(names = "--validation-data", paramLabel = "CSV",
      description = "validate on this CSV file each epoch (val_ metrics), as Keras's"
          + " fit(validation_data=...); it must have the training data's columns, header included")
  String validationData;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/side-by-side",
      description = "directory for the CSV, PNG, initial weights and Keras report (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--no-fused", negatable = false,
      description = "skip the extra Java run with FusedAdam (ApplyAdam); only adam has one")
  boolean noFused;

  /** A checked configuration with its data. */
  record Checked(SideBySideConfig config, SideBySide.Data data) {}

  /**
   * The checked configuration and its data, read and checked in full; no Python, no native code.
   *
   * @throws UsageException (exit 2) for a bad flag
   * @throws DataException (exit 3) for a bad data file, naming file:line:column
   */
  Checked config() throws DataException {
    data.check();
    if (validationData != null && Datasets.isBuiltin(validationData)) {
      throw new UsageException("--validation-data: expected a CSV file, found the built-in data"
          + " set name '" + validationData + "'");
    }
    Dataset d = data.load();
    try {
      SideBySideConfig c = new SideBySideConfig(model.spec(d.features(), d.targets()), data.data,
          epochs, batchSize, shuffle, validationSplit, data.target, validationData).check(d.rows());
      return new Checked(c, SideBySide.data(c, d));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    Checked checked = config();
    SideBySideConfig c = checked.config();
    SideBySide.Data d = checked.data();
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out: expected a directory, found a file: " + out);
    }
    PrintStream o = parent == null ? System.out : parent.out;
    PythonVenv venv = PythonVenv.locate();
    int rows = d.train().rows() + (d.validation() == null ? 0 : d.validation().rows());
    int train = SideBySideConfig.trainRows(d.train().rows(), c.validationSplit());
    o.printf("Side by side: Keras (python/xor_keras3.py) vs Java, seed %d, %d epochs, %s%n",
        c.model().seed(), c.epochs(), c.label());
    o.printf("%d rows: %d training, %d validation; %d step(s) per epoch; %s%n%s%n", rows, train,
        rows - train, (train + c.batchSize() - 1) / c.batchSize(), c.shuffle()
            ? "shuffled: Keras fixes each epoch's row order, Java replays it" : "no shuffle",
        CpuInfo.describe());
    SideBySide.Result r;
    try {
      r = SideBySide.run(venv, c, d, out, !noFused);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a side failed to run: " + e.getMessage(), e);
    }
    o.println("initial weights: drawn and saved by Keras, imported by Java: " + r.initWeights());
    o.println();
    ParityTable.print(r, o);
    Path csv = out.resolve("side-by-side.csv");
    Path png = out.resolve("side-by-side.png");
    EpochCsv.write(csv, r);
    o.println();
    if (c.epochs() == 0) {
      o.println("wrote " + csv + " (no epochs: no loss curves)");
    } else {
      LossCurves.write(png, "loss, seed " + c.model().seed() + ": Keras vs Java",
          "loss (" + Loss.get(c.model().loss()).kerasName() + ")", curves(r), differences(r));
      o.println("wrote " + csv + " and " + png);
    }
    return r.comparison().meetsTarget() ? ExitCodes.OK : ExitCodes.DATA;
  }

  private static Map<String, float[]> curves(SideBySide.Result r) {
    Map<String, float[]> curves = new LinkedHashMap<>();
    curves.put("Keras 3", r.keras().loss());
    curves.put("Java", r.java().loss());
    if (r.fused() != null) {
      curves.put("Java (FusedAdam)", r.fused().loss());
    }
    if (r.keras().history().containsKey("val_loss")) {
      curves.put("Keras 3 val_loss", r.keras().get("val_loss"));
      curves.put("Java val_loss", r.java().get("val_loss"));
    }
    return curves;
  }

  // Per-epoch |Δ| against Keras: Java's loss, FusedAdam's, and the val_loss of each.
  private static Map<String, double[]> differences(SideBySide.Result r) {
    Map<String, double[]> d = new LinkedHashMap<>();
    float[] keras = r.keras().loss();
    d.put("|Δloss| Java", Comparison.absDiffs(keras, r.java().loss()));
    if (r.fused() != null) {
      d.put("|Δloss| Java (FusedAdam)", Comparison.absDiffs(keras, r.fused().loss()));
    }
    if (r.keras().history().containsKey("val_loss")) {
      float[] kv = r.keras().get("val_loss");
      d.put("|Δval_loss| Java", Comparison.absDiffs(kv, r.java().get("val_loss")));
      if (r.fused() != null) {
        d.put("|Δval_loss| Java (FusedAdam)", Comparison.absDiffs(kv, r.fused().get("val_loss")));
      }
    }
    return d;
  }

  /**
   * Entry point; see the class doc for exit codes.
   *
   * @param args the command's options, as after {@code ./tfjava-xor side-by-side}
   */
  public static void main(String[] args) {
    System.exit(StandaloneCli.execute(new SideBySideCommand(), args));
  }
}
