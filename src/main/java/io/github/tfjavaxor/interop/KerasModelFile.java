package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.interop.files.TempFiles;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;

/**
 * Keras 3 {@code .keras} files: a zip of {@code metadata.json}, {@code config.json} and {@code
 * model.weights.h5}, as {@code model.save(...)} writes and {@code keras.models.load_model(...)}
 * reads (Keras 3 {@code keras/src/saving/saving_lib.py}). Supported content: a Sequential of Dense
 * layers with an activation of {@link io.github.tfjavaxor.keras.activations.Activation}, float32,
 * optionally compiled with Adam, SGD (momentum, nesterov) or RMSprop and a loss and metrics the
 * port has, with the optimizer's state ({@link KerasOptimizerVars}: iteration, learning_rate, each
 * weight's slots), so a fit continued on the other side equals an uninterrupted one.
 *
 * <pre>{@code
 * try (Sequential model = KerasModelFile.load(Path.of("xor.keras"))) { model.predict(x); }
 * KerasModelFile.save(Path.of("out.keras"), model);   // keras.models.load_model("out.keras")
 * }</pre>
 */
public final class KerasModelFile {
  /** The Keras version whose file layout this class mirrors, written to {@code metadata.json}. */
  public static final String KERAS_VERSION = "3.15.1";

  private static final String CONFIG = "config.json";
  private static final String METADATA = "metadata.json";
  private static final String WEIGHTS = "model.weights.h5";

  private KerasModelFile() {}

  /**
   * Builds a model from a {@code .keras} file; mirrors {@code keras.models.load_model(path)}. The
   * config, every weight dataset and the optimizer variables are checked before the graph is
   * built. A compiled model comes back compiled (loss, optimizer hyperparameters, metrics) with its
   * optimizer built, as Keras's {@code compile_from_config} builds it, and the file's optimizer
   * state restored: the iteration counter, the learning rate (the file's value is used, as Keras
   * assigns it) and the slots. An unbuilt optimizer's store (Keras's file of a model compiled but
   * never trained: iteration and learning_rate only) is skipped, as Keras skips it.
   *
   * @param file a {@code .keras} file
   * @return a new model; the caller closes it
   * @throws KerasFileException if the file is missing, not a zip, lacks an entry, or holds
   *     anything other than a Sequential of supported Dense layers, or optimizer variables that do
   *     not fit the compiled optimizer (count, dtype, shape); the message names the entry and the
   *     layer or dataset path
   */
  public static Sequential load(Path file) throws IOException {
    return load(file, true);
  }

  /**
   * {@link #load(Path)} with Keras's {@code compile} argument: false builds the model and its
   * weights only, uncompiled, ignoring the file's {@code compile_config} and optimizer state, as
   * {@code keras.models.load_model(path, compile=False)}; a file whose compile settings the port
   * cannot represent (a metric it lacks, say) loads this way.
   *
   * @param file a {@code .keras} file
   * @param compile false to build the model uncompiled
   * @return a new model; the caller closes it
   * @throws KerasFileException as {@link #load(Path)}; with {@code compile} true also if the
   *     {@code compile_config} names a loss, metric or optimizer option the port does not have
   */
  public static Sequential load(Path file, boolean compile) throws IOException {
    String name = file.getFileName().toString();
    Map<String, byte[]> entries = KerasZip.read(file, List.of(METADATA, CONFIG, WEIGHTS));
    checkMetadata(name + "!" + METADATA, entries.get(METADATA));
    KerasConfig.Spec spec = KerasConfig.parse(name + "!" + CONFIG, entries.get(CONFIG));
    if (compile && spec.compileError() != null) {
      throw spec.compileError();
    }
    List<Shape> shapes = new ArrayList<>();
    List<String> names = new ArrayList<>();
    long in = spec.inputDim();
    for (KerasConfig.Layer l : spec.layers()) {
      shapes.add(Shape.of(in, l.units()));
      shapes.add(Shape.of(l.units()));
      names.add(l.name());
      in = l.units();
    }
    Sequential model = KerasConfig.build(spec, compile); // no native work until first use
    try {
      List<FloatNdArray> weights;
      List<NdArray<?>> optimizer = null;
      String h5name = name + "!" + WEIGHTS;
      try (HdfFile h5 = KerasWeightsFile.open(h5name, entries.get(WEIGHTS))) {
        weights = KerasWeightsFile.read(h5, h5name, shapes, names);
        if (model.isCompiled()) {
          optimizer = KerasOptimizerVars.read(h5, h5name, model);
        }
      }
      if (model.isCompiled()) {
        // Keras's compile_from_config builds the optimizer, state in the file or not.
        model.makeTrainFunction();
      }
      KerasOptimizerVars.restore(model, weights, optimizer);
      return model;
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private static void checkMetadata(String source, byte[] json) throws KerasFileException {
    String version;
    try {
      version = new ObjectMapper().readTree(json).path("keras_version").asText("");
    } catch (IOException e) {
      throw new KerasFileException(source + ": not valid JSON (" + e.getMessage() + ")", e);
    }
    if (!version.startsWith("3.")) {
      throw new KerasFileException(source + ": keras_version: expected 3.x (the Keras 3 format),"
          + " found '" + version + "'");
    }
  }

  /**
   * Writes the model as a {@code .keras} file that {@code keras.models.load_model} accepts: the
   * Keras 3 config (with {@code compile_config} if compiled), the weights, and metadata naming
   * Keras {@link #KERAS_VERSION}. A compiled model's optimizer variables are written as Keras writes
   * them: all of them once the optimizer is built (after a fit), else iteration and learning_rate
   * only, as Keras does for a model compiled but never trained. The zip
   * is written to a temporary file in the same directory and moved into place.
   *
   * @param file the target, ending in {@code .keras}
   * @param model the model; compiled, its compile config and optimizer state are written too
   * @throws KerasFileException if the name does not end in {@code .keras}, the directory does
   *     not exist, or the model is compiled with an optimizer Keras has no class for (FusedAdam)
   */
  public static void save(Path file, Sequential model) throws IOException {
    String name = file.getFileName().toString();
    if (!name.endsWith(".keras")) {
      throw new KerasFileException(file + ": expected a file name ending in .keras (Keras"
          + " requires it), found '" + name + "'");
    }
    List<NdArray<?>> optimizer = KerasOptimizerVars.of(model);
    byte[] config = KerasConfigWriter.write(model, optimizer);
    List<FloatNdArray> weights = model.getWeights();
    List<String> names = KerasWeightsFile.layerNames(model);
    String optName = KerasOptimizerVars.name(model);
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("keras_version", KERAS_VERSION);
    meta.put("date_saved",
        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd@HH:mm:ss")));
    byte[] metadata = new ObjectMapper().writeValueAsBytes(meta);
    AtomicDirectories.writeFile(file, tmp -> {
      Path h5 = TempFiles.reserve(tmp.getParent(), ".model.", ".weights.h5");
      try {
        KerasWeightsFile.write(h5, names, weights, optName, optimizer);
        try (OutputStream out = Files.newOutputStream(tmp);
            ZipOutputStream zip = new ZipOutputStream(out)) {
          put(zip, METADATA, metadata);
          put(zip, CONFIG, config);
          put(zip, WEIGHTS, Files.readAllBytes(h5));
        }
      } finally {
        TempFiles.delete(h5);
      }
    });
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(data);
    zip.closeEntry();
  }
}
