package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.CsvDatasets;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.keras.Sequential;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code predict}: one prediction per input row, from a CSV file or stdin. */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Predict with a saved model: reads CSV rows from --input or stdin, writes one line per row"
        + " (comma-separated outputs) to stdout.",
    footer = ExitCodes.HELP)
final class PredictCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;

  @Option(names = "--model", paramLabel = "PREFIX", required = true, description = "a checkpoint written by train --save or --checkpoint")
  Path model;

  @Option(names = "--input", paramLabel = "CSV", description = "input rows; '-' or absent for stdin")
  String input;

  @Option(names = "--no-header", description = "the input has no header row: each row is the model's features in order")
  boolean noHeader;

  @Option(names = "--round", description = "print the rounded outputs, as the tutorial's predict().round()")
  boolean round;

  @Override
  public Integer call() throws Exception {
    CheckpointMeta meta = Checkpoints.readMeta(model);
    float[][] x;
    boolean fromStdin = input == null || input.equals("-");
    String name = fromStdin ? "<stdin>" : input;
    try (Reader r = fromStdin
        ? new InputStreamReader(System.in, StandardCharsets.UTF_8)
        : CsvDatasets.open(Path.of(input))) {
      x = CsvDatasets.readInputs(r, name, meta.featureNames(), !noHeader);
    }
    if (x[0].length != meta.model().inputDim()) {
      throw new DataException(name, "expected " + meta.model().inputDim() + " features, found " + x[0].length);
    }
    try (Sequential m = Checkpoints.restore(model, meta)) {
      float[][] p = m.predict(x, 32, 0);
      StringBuilder sb = new StringBuilder();
      for (float[] row : p) {
        for (int j = 0; j < row.length; j++) {
          sb.append(j > 0 ? "," : "").append(round ? Float.toString((float) Math.rint(row[j])) : Float.toString(row[j]));
        }
        sb.append('\n');
      }
      parent.out.print(sb);
      parent.out.flush();
    }
    return ExitCodes.OK;
  }
}
