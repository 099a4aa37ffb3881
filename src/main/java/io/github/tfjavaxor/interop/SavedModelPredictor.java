package io.github.tfjavaxor.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Predicts with a SavedModel's {@code serving_default} signature: one written by Keras's {@code
 * model.export(dir)} or by {@link SavedModels#export}. The signature must take one float32 input
 * [-1, features] and give one float32 output [-1, units].
 *
 * <pre>{@code
 * try (SavedModelPredictor p = SavedModelPredictor.load(Path.of("xor_savedmodel"))) {
 *   float[][] y = p.predict(new float[][] {{0, 1}});   // [1][1]
 * }
 * }</pre>
 */
public final class SavedModelPredictor implements AutoCloseable {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final String input;
  private final String output;
  private final int features;

  private SavedModelPredictor(
      SavedModelBundle bundle, SessionFunction function, String input, String output,
      int features) {
    this.bundle = bundle;
    this.function = function;
    this.input = input;
    this.output = output;
    this.features = features;
  }

  /**
   * Loads the SavedModel with tag {@code serve}.
   *
   * @param dir a SavedModel directory, e.g. one {@link SavedModels#export} wrote
   * @return the predictor; the caller closes it
   * @throws KerasFileException if the directory or {@code saved_model.pb} is missing, TensorFlow
   *     cannot load it, or the signature is missing or not one float32 [-1, n] input and output
   */
  public static SavedModelPredictor load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new KerasFileException(dir + ": no such SavedModel directory");
    }
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new KerasFileException(dir + ": saved_model.pb is missing; expected a TensorFlow"
          + " SavedModel directory (saved_model.pb, variables/)");
    }
    SavedModelBundle bundle;
    try {
      bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
    } catch (RuntimeException e) {
      throw new KerasFileException(dir + ": TensorFlow cannot load this SavedModel ("
          + e.getMessage() + ")", e);
    }
    try {
      SessionFunction fn;
      try {
        fn = bundle.function(SavedModels.SIGNATURE_KEY);
      } catch (IllegalArgumentException e) {
        throw new KerasFileException(dir + ": signature '" + SavedModels.SIGNATURE_KEY
            + "' is missing; found " + bundle.signatures().stream().map(Signature::key).toList());
      }
      Signature sig = fn.signature();
      String where = dir + ": signature " + SavedModels.SIGNATURE_KEY;
      if (sig.getInputs().size() != 1 || sig.getOutputs().size() != 1) {
        throw new KerasFileException(where + ": expected one input and one output, found inputs "
            + sig.inputNames() + " and outputs " + sig.outputNames());
      }
      Map.Entry<String, Signature.TensorDescription> in =
          sig.getInputs().entrySet().iterator().next();
      Map.Entry<String, Signature.TensorDescription> out =
          sig.getOutputs().entrySet().iterator().next();
      check(where + " input '" + in.getKey() + "'", in.getValue());
      check(where + " output '" + out.getKey() + "'", out.getValue());
      return new SavedModelPredictor(bundle, fn, in.getKey(), out.getKey(),
          (int) in.getValue().shape.size(1));
    } catch (IOException | RuntimeException e) {
      bundle.close();
      throw e;
    }
  }

  private static void check(String where, Signature.TensorDescription d)
      throws KerasFileException {
    Shape s = d.shape;
    if (d.dataType != DataType.DT_FLOAT || s.isUnknown() || s.numDimensions() != 2
        || s.size(1) < 1) {
      throw new KerasFileException(where + ": expected float32 [-1, n], found "
          + d.dataType + " " + s);
    }
  }

  /** {@return the input size the signature declares} */
  public int features() {
    return features;
  }

  /**
   * Calls the signature.
   *
   * @param x float [n][features()], finite
   * @return float [n][units]
   * @throws IllegalArgumentException if x is empty, ragged or has the wrong width
   */
  public float[][] predict(float[][] x) {
    if (x == null || x.length == 0) {
      throw new IllegalArgumentException("x: expected at least one row, found none");
    }
    for (int i = 0; i < x.length; i++) {
      if (x[i] == null || x[i].length != features) {
        throw new IllegalArgumentException("x[" + i + "]: expected " + features + " values, found "
            + (x[i] == null ? "null" : x[i].length));
      }
    }
    try (TFloat32 t = TFloat32.tensorOf(StdArrays.ndCopyOf(x));
        Result r = function.call(Map.of(input, t))) {
      return StdArrays.array2dCopyOf((TFloat32) r.get(output).orElseThrow());
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
