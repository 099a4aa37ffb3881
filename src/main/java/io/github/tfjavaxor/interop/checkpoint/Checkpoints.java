package io.github.tfjavaxor.interop.checkpoint;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.interop.files.AtomicFiles;
import io.github.tfjavaxor.interop.files.TempFiles;
import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Saves and restores a model as a TensorFlow checkpoint: {@code PREFIX.index} and {@code
 * PREFIX.data-00000-of-00001} from {@code Session.save} (every variable: kernels, biases, Adam's
 * momentum/velocity slots and the iteration counter) plus {@code PREFIX.json} ({@link
 * CheckpointMeta}). Each file is written under a temporary name and renamed into place; the JSON
 * goes last, so a checkpoint whose JSON is present is complete.
 */
public final class Checkpoints {
  private static final String[] TF_SUFFIXES = {".index", ".data-00000-of-00001"};
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Checkpoints() {}

  /**
   * Writes a checkpoint of a model whose training graph is built.
   *
   * @param model a compiled model that has been fit or evaluated
   * @param prefix the checkpoint prefix; its directory must exist
   * @param meta the description to store
   * @throws IOException if a file cannot be written
   */
  public static void save(Sequential model, Path prefix, CheckpointMeta meta) throws IOException {
    Path abs = prefix.toAbsolutePath();
    // TensorFlow writes TMP.index, TMP.data-* (and TMP.*.tempstate* on the way) from one prefix.
    Path tmp = TempFiles.reserve(abs.getParent(), "." + abs.getFileName() + ".partial-", "");
    try {
      model.session().save(tmp.toString());
      for (String s : TF_SUFFIXES) {
        AtomicFiles.move(Path.of(tmp + s), Path.of(abs + s));
      }
    } finally {
      for (String s : TF_SUFFIXES) {
        Files.deleteIfExists(Path.of(tmp + s));
      }
      TempFiles.release(tmp);
    }
    AtomicFiles.writeString(Path.of(abs + ".json"), JSON.writeValueAsString(meta));
  }

  /**
   * Reads and checks {@code PREFIX.json} and that the TF files exist, without native code.
   *
   * @param prefix the checkpoint prefix, as given to {@link #save}
   * @return the stored description
   * @throws DataException if a file is missing or the JSON is malformed (with line:column)
   */
  public static CheckpointMeta readMeta(Path prefix) throws DataException {
    Path json = Path.of(prefix + ".json");
    String text;
    try {
      text = Files.readString(json);
    } catch (NoSuchFileException e) {
      throw new DataException(json.toString(),
          "checkpoint description not found; expected the files written by --save or --checkpoint"
              + " (PREFIX.json, PREFIX.index, PREFIX.data-00000-of-00001)");
    } catch (IOException e) {
      throw new DataException(json.toString(), "cannot read: " + e.getMessage());
    }
    CheckpointMeta meta;
    try {
      meta = JSON.readValue(text, CheckpointMeta.class);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      throw new DataException(json.toString(), loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "not a checkpoint description: " + e.getOriginalMessage());
    }
    if (meta == null || !CheckpointMeta.FORMAT.equals(meta.format()) || meta.model() == null) {
      throw new DataException(json.toString(), "expected format '" + CheckpointMeta.FORMAT + "', found "
          + (meta == null ? "nothing" : "'" + meta.format() + "'"));
    }
    try {
      meta.model().check();
    } catch (IllegalArgumentException e) {
      throw new DataException(json.toString(), "invalid model: " + e.getMessage());
    }
    for (String s : TF_SUFFIXES) {
      if (!Files.isRegularFile(Path.of(prefix + s))) {
        throw new DataException(prefix + s, "checkpoint file not found");
      }
    }
    return meta;
  }

  /**
   * Builds the model described by {@code meta}, with its training graph (so the optimizer state
   * has somewhere to go), and restores every variable from the checkpoint.
   *
   * @param prefix the checkpoint prefix
   * @param meta its description, from {@link #readMeta}
   * @return a compiled model with the saved weights and optimizer state; the caller closes it
   * @throws DataException if TensorFlow cannot read the checkpoint, naming its {@code .index} file
   */
  public static Sequential restore(Path prefix, CheckpointMeta meta) throws DataException {
    Sequential model = meta.model().build();
    try {
      buildTrainingGraph(model);
      try {
        model.session().restore(prefix.toString());
      } catch (org.tensorflow.exceptions.TensorFlowException e) {
        // A truncated or corrupt .index/.data file: name it, no TensorFlow node dump.
        String detail = e.getMessage() == null ? e.toString() : e.getMessage().split("\\R| \\[\\[")[0];
        throw new DataException(prefix + ".index", "not a readable TF checkpoint: expected the files"
            + " written by --save or --checkpoint, found one TensorFlow cannot restore (" + detail + ")");
      }
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Creates the optimizer's variables (Keras's make_train_function) so a restore can fill them. */
  static void buildTrainingGraph(Sequential model) {
    model.makeTrainFunction();
  }
}
