package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.interop.KerasH5File;
import io.github.tfjavaxor.interop.KerasModelFile;
import io.github.tfjavaxor.interop.KerasModelInfo;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine.ParseResult;

/**
 * {@code train --from PATH} (alias {@code --resume}): the saved model a run starts from, with its
 * optimizer state where the file has one. A {@code .keras} file or a checkpoint brings its own
 * model; a {@code .weights.h5} file fills the model the flags build. Read and checked before
 * any native work.
 */
final class TrainFrom {
  final Path path;
  final String flag;
  final ModelFiles.Format format;
  CheckpointMeta checkpoint;
  KerasModelInfo keras;
  OptionalLong iterations = OptionalLong.empty();

  private TrainFrom(Path path, String flag) {
    this.path = path;
    this.flag = flag;
    this.format = ModelFiles.ofInput(path);
  }

  /**
   * The usage checks: the format, and the flags the file's own model excludes.
   *
   * @param outputs {@code --save} and {@code --checkpoint} paths, either may be null
   */
  static TrainFrom check(Path path, ParseResult pr, String save, String checkpoint) {
    String flag = pr.originalArgs().stream()
        .anyMatch(a -> a.equals("--resume") || a.startsWith("--resume=")) ? "--resume" : "--from";
    TrainFrom f = new TrainFrom(path, flag);
    if (f.format == ModelFiles.Format.SAVED_MODEL) {
      throw new UsageException(flag + ": " + path + " is a directory (a SavedModel?), which holds"
          + " no training state; expected a .keras, .h5 or .weights.h5 file or a checkpoint prefix");
    }
    if (f.modelFromFile()) {
      if (pr.hasMatchedOption("--device")) {
        throw new UsageException("--device: not allowed with " + flag + " " + path + "; the model"
            + " is restored on the CPU or GPU TensorFlow picks");
      }
      String origin = f.format == ModelFiles.Format.KERAS ? "the .keras file"
          : f.format == ModelFiles.Format.H5 ? "the .h5 file" : "the checkpoint";
      for (String name : ModelOptions.NAMES) {
        if (pr.hasMatchedOption(name)) {
          throw new UsageException(name + ": not allowed with " + flag + " " + path
              + "; the model comes from " + origin);
        }
      }
    }
    if (f.format == ModelFiles.Format.KERAS || f.format == ModelFiles.Format.H5) {
      for (String[] out : new String[][] {{"--save", save}, {"--checkpoint", checkpoint}}) {
        if (out[1] != null && ModelFiles.ofOutput(out[1]) == ModelFiles.Format.CHECKPOINT) {
          throw new UsageException(out[0] + " " + out[1] + ": a model from a "
              + (f.format == ModelFiles.Format.H5 ? ".h5" : ".keras") + " file is written as"
              + (out[0].equals("--save") ? " PATH.keras, PATH.h5, PATH.weights.h5 or PATH/ (a SavedModel)"
              : " PATH.keras, PATH.h5 or PATH.weights.h5") + "; a TF checkpoint"
              + " holds models the flags describe");
        }
      }
    }
    return f;
  }

  /** Whether the model comes from the file (.keras, checkpoint) rather than the flags. */
  boolean modelFromFile() {
    return format == ModelFiles.Format.KERAS || format == ModelFiles.Format.H5
        || format == ModelFiles.Format.CHECKPOINT;
  }

  /** Reads the file's description, no native code. */
  void read() throws IOException, DataException {
    switch (format) {
      case CHECKPOINT -> {
        ModelFiles.checkPrefixName(path, "a .keras, .h5 or .weights.h5 file or a checkpoint"
            + " prefix");
        ModelFiles.checkNotAModelsStem(path);
        checkpoint = Checkpoints.readMeta(path);
      }
      case KERAS, H5 -> {
        keras = KerasModelInfo.read(path);
        iterations = keras.iterations();
        if (!keras.compiled()) {
          throw new DataException(path.toString(), "no compile_config: the model was saved before"
              + " compile(); " + flag + " needs its loss and optimizer (Keras: \"You must call"
              + " compile() before using the model\")");
        }
        if (keras.compileError() != null) {
          throw new DataException(path.toString(), keras.compileError().getMessage() + "; "
              + flag + " needs its loss, metrics and optimizer");
        }
      }
      default -> iterations = KerasModelInfo.iterations(path);
    }
  }

  /** The model the file describes, null for .keras (its config is not a {@link ModelSpec}). */
  ModelSpec spec(ModelSpec flags) {
    return checkpoint != null ? checkpoint.model() : keras != null ? null : flags;
  }

  /** {@return the feature names a checkpoint recorded, in model order; null for Keras files} */
  List<String> featureNames() {
    return checkpoint == null ? null : checkpoint.featureNames();
  }

  /** The compiled metrics' names, for --monitor. */
  List<String> metrics(ModelSpec flags) {
    return keras != null ? keras.metrics() : spec(flags).metrics();
  }

  /** Checks the file's model against the data and the batch size. */
  void checkData(Dataset d, String dataName, int batchSize) throws DataException {
    int in = keras != null ? keras.inputDim() : checkpoint != null ? checkpoint.model().inputDim() : -1;
    int out = keras != null ? keras.outputDim() : checkpoint != null ? checkpoint.model().outputUnits() : -1;
    if (in >= 0 && (in != d.features() || out != d.targets())) {
      throw new DataException(dataName, flag + ": the " + (keras != null
          ? (format == ModelFiles.Format.H5 ? ".h5" : ".keras") + " file's" : "checkpoint's")
          + " model takes " + in + " features and " + out + " target(s), the data has " + d.features()
          + " and " + d.targets());
    }
    if (checkpoint != null && checkpoint.batchSize() != batchSize) {
      throw new UsageException("--batch-size: the checkpoint was trained with --batch-size "
          + checkpoint.batchSize() + "; continuing with " + batchSize
          + " would not match an uninterrupted run");
    }
  }

  /**
   * Epochs already trained: a checkpoint's count; for Keras files {@code iterations / steps per
   * epoch} when that divides exactly (Keras counts optimizer steps, not epochs), else 0 with a
   * notice on {@code err}.
   *
   * @param trainRows rows fit trains on (before the validation split)
   */
  int epochsDone(int trainRows, int batchSize, PrintStream err) {
    if (checkpoint != null) {
      return checkpoint.epoch();
    }
    if (iterations.isEmpty() || iterations.getAsLong() == 0) {
      return 0;
    }
    long steps = (trainRows + batchSize - 1) / batchSize;
    long n = iterations.getAsLong();
    if (n % steps == 0 && n / steps <= Integer.MAX_VALUE) {
      return (int) (n / steps);
    }
    err.println("train: " + path + ": the optimizer has taken " + n + " steps, not a whole number"
        + " of epochs of " + steps + " steps (" + trainRows + " rows, --batch-size " + batchSize
        + "); starting at epoch 0 (--initial-epoch K says otherwise)");
    return 0;
  }

  /** Rows fit trains on: all, or those before Keras's validation split. */
  static int trainRows(Dataset d, double validationSplit) {
    return validationSplit > 0 ? FitArgs.splitIndex(d.rows(), validationSplit) : d.rows();
  }

  /** Builds the model with the file's weights and optimizer state; loads TensorFlow. */
  Sequential open(ModelSpec flags, org.tensorflow.proto.ConfigProto session) throws IOException, DataException {
    if (checkpoint != null) {
      return Checkpoints.restore(path, checkpoint);
    }
    if (keras != null) {
      return format == ModelFiles.Format.H5 ? KerasH5File.load(path, true)
          : KerasModelFile.load(path);
    }
    Sequential m = flags.build();
    try {
      if (session != null) {
        m.setSessionConfig(session);
      }
      KerasWeightsFile.load(path, m);
      return m;
    } catch (IOException | RuntimeException e) {
      m.close();
      throw e;
    }
  }
}
