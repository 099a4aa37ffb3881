package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.CsvDatasets;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.SavedModelPredictor;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.utils.Interrupts;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.Arrays;
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
  /** Keras's {@code predict} default batch size. */
  static final int BATCH_SIZE = 32;
  /**
   * Rows predicted and printed at a time: a multiple of the batch size, so each batch holds the
   * rows it holds in one call over all rows (the same bits), while memory stays bounded and a
   * closed stdout stops the command within one chunk.
   */
  static final int CHUNK_ROWS = 1024 * BATCH_SIZE;

  @ParentCommand TfjavaXor parent;

  @Option(names = "--model", paramLabel = "PATH", required = true, description = "a Keras 3 .keras file, a legacy Keras .h5 model file, a SavedModel directory (Keras's model.export or train --save DIR/), or a checkpoint prefix written by train --save or --checkpoint")
  Path model;

  @Option(names = "--input", paramLabel = "CSV", description = "input rows; '-' or absent for stdin")
  String input;

  @Option(names = "--no-header", description = "the input has no header row: each row is the model's features in order (a first row of numbers only is read as data anyway)")
  boolean noHeader;

  @Option(names = "--round", description = "print the rounded outputs, as the tutorial's predict().round()")
  boolean round;

  @Override
  public Integer call() throws Exception {
    ModelFiles.Source source = ModelFiles.read(model, true);
    float[][] x;
    boolean fromStdin = input == null || input.equals("-");
    String name = fromStdin ? "<stdin>" : input;
    try (Reader r = fromStdin
        ? new StringReader(CsvDatasets.utf8(name, System.in.readAllBytes()))
        : CsvDatasets.open(Path.of(input))) {
      // A SavedModel's input size is known once it loads: inputDim -1, checked below.
      x = CsvDatasets.readInputs(r, name, source.inputDim(), source.featureNames(), !noHeader);
    }
    if (source.format() == ModelFiles.Format.SAVED_MODEL) {
      try (SavedModelPredictor p = SavedModelPredictor.load(model)) {
        if (x[0].length != p.features()) {
          throw new DataException(name, "expected " + p.features() + " features (the SavedModel's"
              + " input), found " + x[0].length);
        }
        float[][] y = p.predict(x);
        for (int from = 0; from < y.length; from += CHUNK_ROWS) {
          print(Arrays.copyOfRange(y, from, Math.min(y.length, from + CHUNK_ROWS)));
        }
      }
      return ExitCodes.OK;
    }
    // predict needs no loss, metric or optimizer: Keras's load_model(path, compile=False).
    try (Sequential m = source.open(false)) {
      for (int from = 0; from < x.length; from += CHUNK_ROWS) {
        float[][] part = Arrays.copyOfRange(x, from, Math.min(x.length, from + CHUNK_ROWS));
        print(m.predict(part, BATCH_SIZE, 0));
      }
    }
    return ExitCodes.OK;
  }

  // One chunk's rows, then a stop if stdout was closed (exit 141).
  private void print(float[][] p) {
    StringBuilder sb = new StringBuilder();
    for (float[] row : p) {
      for (int j = 0; j < row.length; j++) {
        sb.append(j > 0 ? "," : "").append(round ? Float.toString((float) Math.rint(row[j])) : Float.toString(row[j]));
      }
      sb.append('\n');
    }
    parent.out.print(sb);
    parent.out.flush();
    Interrupts.check();
  }
}
