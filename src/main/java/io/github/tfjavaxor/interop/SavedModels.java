package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Signature;

/**
 * Exports a model as a TensorFlow SavedModel; the reading side is {@link SavedModelPredictor}.
 *
 * <p>The export has tag {@code serve} and signature {@code serving_default}, method {@code
 * tensorflow/serving/predict}, with the names Keras 3's {@code model.export(...)} gives: input
 * {@code keras_tensor}, float32 [-1, inputDim]; output {@code output_0}, float32 [-1, units].
 * Python loads it with {@code tf.saved_model.load(dir).signatures["serving_default"]}.
 */
public final class SavedModels {
  /** The signature key Keras and TF Serving call by default. */
  public static final String SIGNATURE_KEY = "serving_default";
  /** Keras 3's export name of the input. */
  public static final String INPUT_NAME = "keras_tensor";
  /** Keras 3's export name of the output. */
  public static final String OUTPUT_NAME = "output_0";
  /**
   * The files an export writes, relative to its directory; {@code saved_model.pb}, last, marks it
   * complete, as in TensorFlow's {@code tf.saved_model.save}.
   */
  public static final List<String> FILES = List.of("variables/variables.index",
      "variables/variables.data-00000-of-00001", "saved_model.pb");

  private SavedModels() {}

  /**
   * Writes the model's current weights and forward graph as a SavedModel directory ({@link
   * #FILES}). As Keras's {@code model.export}, an existing directory keeps every other file: the
   * export is written under a temporary name first, then its files are moved into {@code dir},
   * each replacing the file of its name.
   *
   * @param model the model, with layers
   * @param dir the SavedModel directory to write
   * @throws KerasFileException if the parent directory does not exist or {@code dir} is a file
   * @throws IOException if the export fails (nothing is left at {@code dir} then)
   */
  public static void export(Sequential model, Path dir) throws IOException {
    if (Files.isRegularFile(dir)) {
      throw new KerasFileException(dir + ": expected a directory for the SavedModel, found a file");
    }
    Signature signature =
        Signature.builder(SIGNATURE_KEY)
            .methodName("tensorflow/serving/predict")
            .input(INPUT_NAME, model.modelGraph().x())
            .output(OUTPUT_NAME, model.modelGraph().output())
            .build();
    AtomicDirectories.writeDirectory(dir, "saved_model.pb", tmp ->
        SavedModelBundle.exporter(tmp.toString())
            .withSession(model.session())
            .withSignature(signature)
            .export());
  }
}
