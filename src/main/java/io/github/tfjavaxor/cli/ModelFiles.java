package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.KerasFileException;
import io.github.tfjavaxor.interop.KerasH5File;
import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.KerasModelInfo;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.SavedModels;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.interop.checkpoint.ModelCheckpoint;
import io.github.tfjavaxor.interop.files.AtomicFiles;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model files the commands read and write, told apart by the path: {@code .keras} a Keras 3
 * model file, {@code .h5} Keras's legacy HDF5 model file, {@code .weights.h5} Keras weights, a directory (for {@code --save}: a path ending
 * in {@code /}) a SavedModel, anything else a TF checkpoint prefix ({@code PREFIX.index},
 * {@code PREFIX.data-*}, {@code PREFIX.json}).
 */
final class ModelFiles {
  enum Format { KERAS, H5, WEIGHTS, SAVED_MODEL, CHECKPOINT }

  /** The rule for {@code --save}, stated in its help. */
  static final String SAVE_RULE = "PATH.keras writes a Keras 3 model file, PATH.h5 Keras's legacy"
      + " HDF5 model (model.save('m.h5')), PATH.weights.h5 Keras weights, PATH/ (ending in /) a SavedModel directory, a name without an extension a TF"
      + " checkpoint prefix (PREFIX.index, PREFIX.data-*, PREFIX.json; with optimizer state); other"
      + " extensions (.json, ...) are refused";

  /** The model formats the port writes, for messages. */
  static final String FORMATS = "PATH.keras (a Keras 3 model file), PATH.h5 (Keras's legacy HDF5"
      + " model), PATH.weights.h5 (Keras weights), PATH/ (a SavedModel directory) or a checkpoint"
      + " prefix without an extension (PREFIX.index, PREFIX.data-*, PREFIX.json)";

  // A file extension: a dot, then a letter and letters or digits (".h5", ".json"; not "-0.5").
  private static final Pattern EXTENSION = Pattern.compile("\\.([A-Za-z][A-Za-z0-9_]*)$");

  private ModelFiles() {}

  /**
   * The extension of a checkpoint prefix's file name that makes it look like another format
   * ({@code m.h5}, {@code m.json}), or null: a prefix has none, or TF's {@code .ckpt}.
   */
  static String foreignExtension(String path) {
    Path name = Path.of(path).getFileName();
    if (name == null) {
      return null;
    }
    Matcher m = EXTENSION.matcher(name.toString());
    return m.find() && !m.group(1).equals("ckpt") ? m.group(1) : null;
  }

  /**
   * Checks an output model path's name before anything runs: {@code --save m.h5} would otherwise
   * write a checkpoint named {@code m.h5.index}, {@code m.json} one named {@code m.json.json}.
   *
   * @throws UsageException (exit 2) for an extension the port does not write
   */
  static void checkOutputName(String flag, String path) {
    if (path.isEmpty()) {
      throw new UsageException(flag + ": expected a path, found an empty string");
    }
    if (Path.of(path).getFileName() == null) {
      throw new UsageException(flag + " " + path + ": expected a path with a name, found the file"
          + " system's root");
    }
    String ext = foreignExtension(ModelCheckpoint.sample(path));
    if (ofOutput(path) != Format.CHECKPOINT) {
      return;
    }
    if (ext != null) {
      throw new UsageException(flag + " " + path + ": ." + ext + " is not a format the port writes;"
          + " expected " + FORMATS);
    }
  }

  /** The format {@code --save} writes. */
  static Format ofOutput(String path) {
    if (path.endsWith("/")) {
      return Format.SAVED_MODEL;
    }
    return path.endsWith(".keras") ? Format.KERAS : KerasH5File.isModelFile(path) ? Format.H5
        : path.endsWith(".weights.h5") ? Format.WEIGHTS : Format.CHECKPOINT;
  }

  /**
   * The files a model path stands for: the file itself, or a checkpoint's three ({@code
   * PREFIX.index}, {@code PREFIX.data-00000-of-00001}, {@code PREFIX.json}); none for a SavedModel.
   */
  static List<String> files(Format format, String path) {
    return switch (format) {
      case KERAS, H5, WEIGHTS -> List.of(path);
      case SAVED_MODEL -> List.of();
      case CHECKPOINT -> List.of(path + ".index", path + ".data-00000-of-00001", path + ".json");
    };
  }

  /** The format of an existing input: a directory is a SavedModel. */
  static Format ofInput(Path path) {
    String name = path.toString();
    return name.endsWith(".keras") ? Format.KERAS : KerasH5File.isModelFile(name) ? Format.H5
        : name.endsWith(".weights.h5") ? Format.WEIGHTS
        : Files.isDirectory(path) ? Format.SAVED_MODEL : Format.CHECKPOINT;
  }

  /**
   * A model file for {@code evaluate}, {@code predict} or {@code summary}, read and checked
   * without native code.
   *
   * @param featureNames the input columns by name, or null if the file names none
   * @param inputDim features per row, or -1 for a SavedModel (known once it loads)
   * @param evaluation a Keras file's loss and metrics for evaluate (Adam in place of an optimizer
   *     the port lacks), or null
   */
  record Source(Path path, Format format, int inputDim, int outputDim, List<String> featureNames,
      boolean compiled, CheckpointMeta meta, KerasFileException compileError,
      CompileConfig evaluation) {

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
          : format == Format.H5 ? KerasH5File.load(path, compile) : Checkpoints.restore(path, meta);
    }

    /**
     * The model for evaluate: a Keras file's weights compiled with its loss and metrics only, as
     * evaluate uses no optimizer (a frozen layer's or AdamW's state does not stop it); a
     * checkpoint as {@link #open()}.
     */
    Sequential openForEvaluation() throws IOException, DataException {
      if (evaluation == null) {
        return open();
      }
      Sequential m = open(false);
      m.compile(evaluation);
      return m;
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
      case KERAS, H5 -> {
        KerasModelInfo info = KerasModelInfo.read(path);
        return new Source(path, f, info.inputDim(), info.outputDim(), null, info.compiled(), null,
            info.compileError(), info.evaluation());
      }
      case WEIGHTS -> throw new UsageException("--model: " + path + " holds weights only, no"
          + " model; expected a .keras or .h5 model file or a checkpoint prefix (train --from takes"
          + " .weights.h5 with the model flags)");
      case SAVED_MODEL -> {
        if (!savedModel) {
          throw new UsageException("--model: " + path + " is a directory (a SavedModel?); this"
              + " command reads a .keras or .h5 model file or a checkpoint prefix (predict also reads"
              + " SavedModel directories)");
        }
        return new Source(path, f, -1, -1, null, false, null, null, null);
      }
      default -> {
        checkPrefixName(path, "a .keras or .h5 file" + (savedModel ? ", a SavedModel directory"
            : "") + " or a checkpoint prefix written by train --save or --checkpoint");
        checkNotAModelsStem(path);
        CheckpointMeta meta = Checkpoints.readMeta(path);
        return new Source(path, f, meta.model().inputDim(), meta.model().outputUnits(),
            meta.featureNames(), true, meta, null, null);
      }
    }
  }

  /**
   * A path read as a checkpoint prefix, with no {@code PREFIX.json} but a model file beside it
   * that differs only by its extension ({@code --model m} for {@code m.keras}), is named as a
   * likely slip rather than as a missing checkpoint.
   *
   * @throws DataException (exit 3) naming the file that exists
   */
  static void checkNotAModelsStem(Path path) throws DataException {
    if (Files.exists(Path.of(path + ".json"))) {
      return;
    }
    for (String ext : new String[] {".keras", ".h5", ".weights.h5"}) {
      Path near = Path.of(path + ext);
      if (Files.isRegularFile(near)) {
        throw new DataException(path.toString(), "no such model file or checkpoint prefix (no "
            + path.getFileName() + ".json); did you mean " + near + "?");
      }
    }
  }

  /**
   * An input read as a checkpoint prefix whose name has another format's extension ({@code m.h5})
   * and no {@code PREFIX.json} beside it is named as such, not as a missing {@code m.h5.json}.
   *
   * @throws DataException (exit 3) naming what the command reads
   */
  static void checkPrefixName(Path path, String expected) throws DataException {
    String ext = foreignExtension(path.toString());
    if (ext != null && !Files.exists(Path.of(path + ".json"))) {
      throw new DataException(path.toString(), "." + ext + " is not a model format the port reads;"
          + " expected " + expected);
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
    if (Files.exists(p) && !Files.isDirectory(p)) {
      throw new DataException(p.toString(), flag + ": cannot write: expected a directory for the"
          + " SavedModel, found a file");
    }
    // The export is written under a temporary name in the directory (or beside a new one), then
    // its files are moved in; the user's other files stay, as with Keras's model.export.
    Path probe = Files.isDirectory(p) ? p.resolve(".probe") : p.toAbsolutePath().resolveSibling(
        "." + p.getFileName() + ".probe");
    String problem = AtomicFiles.problemWriting(probe);
    if (problem != null) {
      throw new DataException(p.toString(), flag + ": cannot write: " + problem);
    }
    for (String f : SavedModels.FILES) {
      Path file = p.resolve(f);
      Path sub = file.getParent();
      if (Files.isDirectory(file) || Files.exists(sub) && !Files.isDirectory(sub)) {
        throw new DataException(p.toString(), flag + ": cannot write the SavedModel's " + f
            + ": " + (Files.isDirectory(file) ? file + " is a directory" : sub + " is a file"));
      }
    }
  }

  /** Writes the model in the format of {@code path}; each file under a temporary name first. */
  static void save(String path, Sequential model, CheckpointMeta meta) throws IOException {
    Path p = Path.of(path);
    switch (ofOutput(path)) {
      case KERAS -> KerasModelFile.save(p, model);
      case H5 -> KerasH5File.save(p, model);
      case WEIGHTS -> KerasWeightsFile.save(p, model);
      case SAVED_MODEL -> SavedModels.export(model, p);
      default -> Checkpoints.save(model, p, meta);
    }
  }
}
