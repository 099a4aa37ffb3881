package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.KerasFileException;
import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.KerasModelInfo;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.SavedModels;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.interop.files.AtomicFiles;
import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The model files the commands read and write, told apart by the path: {@code .keras} a Keras 3
 * model file, {@code .weights.h5} Keras weights, a directory (for {@code --save}: a path ending
 * in {@code /}) a SavedModel, anything else a TF checkpoint prefix ({@code PREFIX.index},
 * {@code PREFIX.data-*}, {@code PREFIX.json}).
 */
final class ModelFiles {
  enum Format { KERAS, WEIGHTS, SAVED_MODEL, CHECKPOINT }

  /** The rule for {@code --save}, stated in its help. */
  static final String SAVE_RULE = "PATH.keras writes a Keras 3 model file, PATH.weights.h5 Keras"
      + " weights, PATH/ (ending in /) a SavedModel directory, anything else a TF checkpoint"
      + " prefix (PREFIX.index, PREFIX.data-*, PREFIX.json; with optimizer state)";

  private ModelFiles() {}

  /** The format {@code --save} writes. */
  static Format ofOutput(String path) {
    if (path.endsWith("/")) {
      return Format.SAVED_MODEL;
    }
    return path.endsWith(".keras") ? Format.KERAS
        : path.endsWith(".weights.h5") ? Format.WEIGHTS : Format.CHECKPOINT;
  }

  /** The format of an existing input: a directory is a SavedModel. */
  static Format ofInput(Path path) {
    String name = path.toString();
    return name.endsWith(".keras") ? Format.KERAS
        : name.endsWith(".weights.h5") ? Format.WEIGHTS
        : Files.isDirectory(path) ? Format.SAVED_MODEL : Format.CHECKPOINT;
  }

  /**
   * A model file for {@code evaluate}, {@code predict} or {@code summary}, read and checked
   * without native code.
   *
   * @param featureNames the input columns by name, or null if the file names none
   * @param inputDim features per row, or -1 for a SavedModel (known once it loads)
   */
  record Source(Path path, Format format, int inputDim, int outputDim, List<String> featureNames,
      boolean compiled, CheckpointMeta meta, KerasFileException compileError) {

    /** Builds the model with its weights and compile settings; loads TensorFlow. */
    Sequential open() throws IOException, DataException {
      return open(true);
    }

    /**
     * Builds the model with its weights; {@code compile} false skips a {@code .keras} file's
     * compile settings and optimizer state, as Keras's {@code load_model(path, compile=False)}.
     */
    Sequential open(boolean compile) throws IOException, DataException {
      return format == Format.KERAS ? KerasModelFile.load(path, compile)
          : Checkpoints.restore(path, meta);
    }
  }

  /**
   * Reads {@code --model PATH}.
   *
   * @param savedModel whether the command takes a SavedModel directory
   * @throws UsageException for a format the command does not take
   * @throws IOException (exit 3) naming the file and what is wrong inside it
   */
  static Source read(Path path, boolean savedModel) throws IOException, DataException {
    Format f = ofInput(path);
    switch (f) {
      case KERAS -> {
        KerasModelInfo info = KerasModelInfo.read(path);
        return new Source(path, f, info.inputDim(), info.outputDim(), null, info.compiled(), null,
            info.compileError());
      }
      case WEIGHTS -> throw new UsageException("--model: " + path + " holds weights only, no"
          + " model; expected a .keras file or a checkpoint prefix (train --from takes"
          + " .weights.h5 with the model flags)");
      case SAVED_MODEL -> {
        if (!savedModel) {
          throw new UsageException("--model: " + path + " is a directory (a SavedModel?); this"
              + " command reads a .keras file or a checkpoint prefix (predict also reads"
              + " SavedModel directories)");
        }
        return new Source(path, f, -1, -1, null, false, null, null);
      }
      default -> {
        CheckpointMeta meta = Checkpoints.readMeta(path);
        return new Source(path, f, meta.model().inputDim(), meta.model().outputUnits(),
            meta.featureNames(), true, meta, null);
      }
    }
  }

  /**
   * Checks before training that {@code --save PATH} can be written in its format.
   *
   * @throws DataException (exit 3) if the directory is missing or read-only, or a SavedModel
   *     path is an existing file
   */
  static void checkWritable(String flag, String path) throws DataException {
    Path p = Path.of(path);
    if (ofOutput(path) != Format.SAVED_MODEL) {
      OutputChecks.writable(flag, p);
      return;
    }
    if (Files.isRegularFile(p)) {
      throw new DataException(p.toString(), flag + ": cannot write: expected a directory for the"
          + " SavedModel, found a file");
    }
    // The export goes to a sibling temporary directory: probe the parent with a sibling name.
    String problem = AtomicFiles.problemWriting(p.toAbsolutePath().resolveSibling(
        "." + p.getFileName() + ".probe"));
    if (problem != null) {
      throw new DataException(p.toString(), flag + ": cannot write: " + problem);
    }
  }

  /** Writes the model in the format of {@code path}; each file under a temporary name first. */
  static void save(String path, Sequential model, CheckpointMeta meta) throws IOException {
    Path p = Path.of(path);
    switch (ofOutput(path)) {
      case KERAS -> KerasModelFile.save(p, model);
      case WEIGHTS -> KerasWeightsFile.save(p, model);
      case SAVED_MODEL -> SavedModels.export(model, p);
      default -> Checkpoints.save(model, p, meta);
    }
  }
}
