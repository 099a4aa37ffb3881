package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.WritableGroup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;

/**
 * Keras's legacy HDF5 model file, {@code model.save("m.h5")}, which Keras 3 still writes and reads
 * ({@code keras/src/legacy/saving/legacy_h5_format.py}): root attributes {@code model_config} and
 * {@code training_config} (JSON), {@code model_weights/<layer>/<weight name>} datasets listed by
 * the {@code layer_names} and {@code weight_names} attributes, and {@code optimizer_weights} in
 * the optimizer's variable order. The configs are those of a {@code .keras} file in Keras's
 * legacy layout (no {@code module}, the optimizer under {@code optimizer_config}), so they are
 * read and written by {@link KerasConfig} and {@link KerasConfigWriter}.
 */
public final class KerasH5File {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String WEIGHTS = "model_weights";
  private static final String OPTIMIZER = "optimizer_weights";

  private KerasH5File() {}

  /**
   * {@return true for {@code m.h5} and {@code m.hdf5}, the names Keras's {@code model.save} writes
   * in this format (not {@code m.weights.h5}, Keras 3's weights file)}
   *
   * @param name a file name or path
   */
  public static boolean isModelFile(String name) {
    return (name.endsWith(".h5") && !name.endsWith(".weights.h5")) || name.endsWith(".hdf5");
  }

  /**
   * Writes the model as {@code model.save("m.h5")} does, under a temporary name first.
   *
   * @param file the target, ending in {@code .h5}
   * @param model the model; compiled, with its training config and optimizer state
   * @throws KerasFileException for a name not ending in {@code .h5}, or FusedAdam (no Keras class)
   */
  public static void save(Path file, Sequential model) throws IOException {
    if (!isModelFile(file.getFileName().toString())) {
      throw new KerasFileException(file + ": expected a file name ending in .h5 or .hdf5, found '"
          + file.getFileName() + "'");
    }
    List<NdArray<?>> optimizer = KerasOptimizerVars.of(model);
    JsonNode root = JSON.readTree(KerasConfigWriter.write(model, optimizer));
    ObjectNode config = (ObjectNode) root.get("config").deepCopy();
    for (JsonNode layer : (ArrayNode) config.get("layers")) {
      ((ObjectNode) layer).remove(List.of("module", "registered_name", "build_config"));
    }
    ObjectNode modelConfig = JSON.createObjectNode().put("class_name", "Sequential");
    modelConfig.set("config", config);
    String training = null;
    if (root.has("compile_config")) {
      ObjectNode tc = (ObjectNode) root.get("compile_config").deepCopy();
      // Keras 3.15's legacy loader fails on a loss alias it writes itself ("mse", "bce", "ce":
      // "Could not deserialize 'keras.metrics.mse'"); the function's own name loads.
      Loss loss = model.loss();
      String lossName = tc.path("loss").asText("");
      if (tc.get("loss").isTextual() && !lossName.equals(loss.kerasName())
          && !lossName.equals(loss.className())) {
        tc.put("loss", loss.kerasName());
      }
      ObjectNode opt = (ObjectNode) tc.remove("optimizer");
      opt.remove(List.of("module", "registered_name"));
      tc.set("optimizer_config", opt);
      training = JSON.writeValueAsString(tc);
    }
    String modelJson = JSON.writeValueAsString(modelConfig);
    String trainingJson = training;
    List<FloatNdArray> weights = model.getWeights();
    List<String> layers = KerasWeightsFile.layerNames(model);
    List<String> slots = optimizer == null ? null : optimizerNames(model, optimizer.size());
    AtomicDirectories.writeFile(file, tmp -> {
      try (WritableHdfFile h5 = HdfFile.write(tmp)) {
        h5.putAttribute("backend", "tensorflow");
        h5.putAttribute("keras_version", KerasModelFile.KERAS_VERSION);
        h5.putAttribute("model_config", modelJson);
        if (trainingJson != null) {
          h5.putAttribute("training_config", trainingJson);
        }
        WritableGroup mw = h5.putGroup(WEIGHTS);
        mw.putAttribute("backend", "tensorflow");
        mw.putAttribute("keras_version", KerasModelFile.KERAS_VERSION);
        mw.putAttribute("layer_names", layers.toArray(String[]::new));
        for (int i = 0; i < layers.size(); i++) {
          String l = layers.get(i);
          WritableGroup g = mw.putGroup(l);
          g.putAttribute("weight_names",
              new String[] {"sequential/" + l + "/kernel", "sequential/" + l + "/bias"});
          WritableGroup vars = g.putGroup("sequential").putGroup(l);
          vars.putDataset("kernel", StdArrays.array2dCopyOf(weights.get(2 * i)));
          vars.putDataset("bias", StdArrays.array1dCopyOf(weights.get(2 * i + 1)));
        }
        if (slots != null) {
          WritableGroup og = h5.putGroup(OPTIMIZER);
          og.putAttribute("weight_names", slots.toArray(String[]::new));
          KerasOptimizerVars.putValues(og.putGroup(KerasOptimizerVars.name(model)),
              slots.stream().map(n -> n.substring(n.indexOf('/') + 1)).toList(), optimizer);
        }
      }
    });
  }

  // Keras's variable paths: adam/iteration, adam/learning_rate, adam/sequential_dense_kernel_m...
  private static List<String> optimizerNames(Sequential model, int count) {
    String opt = KerasOptimizerVars.name(model);
    List<String> names = new ArrayList<>();
    List<OptimizerVariable> layout = model.optimizerLayout(count != OptimizerVariable.UNBUILT_COUNT);
    for (int i = 0; i < count; i++) {
      names.add(opt + "/" + (i < OptimizerVariable.UNBUILT_COUNT ? "" : "sequential_")
          + layout.get(i).name());
    }
    return names;
  }

  /**
   * Builds the model from a legacy {@code .h5} file, as {@code keras.models.load_model("m.h5",
   * compile=compile)}: its config checked in full, the weights, and, compiled, the optimizer state.
   *
   * @param file a legacy {@code .h5} model file
   * @param compile false to ignore the file's training config and optimizer state
   * @return a new model; the caller closes it
   * @throws KerasFileException naming the attribute, dataset or config entry that is wrong
   */
  public static Sequential load(Path file, boolean compile) throws IOException {
    String source = file.getFileName().toString();
    try (HdfFile h5 = KerasWeightsFile.open(file)) {
      KerasConfig.Spec spec = spec(h5, source);
      if (compile && spec.compileError() != null) {
        throw spec.compileError();
      }
      List<FloatNdArray> weights = weights(h5, source, spec);
      Sequential model = KerasConfig.build(spec, compile);
      try {
        List<NdArray<?>> optimizer = null;
        if (model.isCompiled()) {
          model.makeTrainFunction(); // Keras builds the optimizer before it sets its weights
          optimizer = optimizer(h5, source, model);
        }
        KerasOptimizerVars.restore(model, weights, optimizer);
        return model;
      } catch (IOException | RuntimeException e) {
        model.close();
        throw e;
      }
    } catch (RuntimeException e) {
      throw KerasWeightsFile.corrupt(source, e);
    }
  }

  /** The file's config as a {@link KerasConfig.Spec}, without native code. */
  static KerasConfig.Spec spec(HdfFile h5, String source) throws KerasFileException {
    String model = text(h5, source, "model_config", true);
    String training = text(h5, source, "training_config", false);
    try {
      ObjectNode root = (ObjectNode) JSON.readTree(model);
      if (training != null) {
        ObjectNode tc = (ObjectNode) JSON.readTree(training);
        tc.set("optimizer", tc.remove("optimizer_config"));
        renameMetrics(tc.get("metrics"));
        root.set("compile_config", tc);
      }
      return KerasConfig.parse(source + "!model_config", JSON.writeValueAsBytes(root));
    } catch (IOException | ClassCastException e) {
      throw new KerasFileException(source + ": model_config/training_config: expected JSON"
          + " objects (" + e.getMessage() + ")", e);
    }
  }

  /**
   * Keras's legacy loader ({@code saving_utils._deserialize_metric}) keeps "accuracy" and "acc"
   * as written and builds every other metric name into the object, which logs under its own name:
   * "mse" is logged as "mean_squared_error", "BinaryAccuracy" as "binary_accuracy".
   */
  private static void renameMetrics(JsonNode metrics) {
    if (!(metrics instanceof ArrayNode list)) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).asText(null);
      if (list.get(i).isTextual() && !name.equals("accuracy") && !name.equals("acc")) {
        try {
          list.set(i, JSON.getNodeFactory().textNode(Metric.get(name).kerasName()));
        } catch (IllegalArgumentException e) {
          // left as is: the compile_config reader names it
        }
      }
    }
  }

  /** The optimizer's iterations, from the first of {@code optimizer_weights}, or -1. */
  static long iterations(HdfFile h5) {
    Node og = h5.getChildren().get(OPTIMIZER);
    String[] names = og == null ? null : strings(og.getAttribute("weight_names"));
    if (names == null || names.length == 0) {
      return -1;
    }
    Object v = ((io.jhdf.api.Dataset) ((Group) og).getByPath(names[0])).getData();
    return v instanceof Number n ? n.longValue() : -1;
  }

  private static List<FloatNdArray> weights(HdfFile h5, String source, KerasConfig.Spec spec)
      throws KerasFileException {
    Node mw = h5.getChildren().get(WEIGHTS);
    if (!(mw instanceof Group)) {
      throw new KerasFileException(source + ": group '" + WEIGHTS + "' is missing; expected a"
          + " Keras model.save(\"m.h5\") file");
    }
    List<FloatNdArray> out = new ArrayList<>();
    long in = spec.inputDim();
    for (KerasConfig.Layer l : spec.layers()) {
      Node g = ((Group) mw).getChildren().get(l.name());
      String[] names = g == null ? null : strings(g.getAttribute("weight_names"));
      if (names == null || names.length != 2) {
        throw new KerasFileException(source + ": " + WEIGHTS + "/" + l.name() + ": expected the"
            + " attribute weight_names with a kernel and a bias, found "
            + (names == null ? "none" : List.of(names)));
      }
      for (int k = 0; k < 2; k++) {
        Shape shape = k == 0 ? Shape.of(in, l.units()) : Shape.of(l.units());
        String path = WEIGHTS + "/" + l.name() + "/" + names[k];
        Node d = ((Group) g).getChildren().containsKey(names[k].split("/")[0])
            ? ((Group) g).getByPath(names[k]) : null;
        out.add(KerasWeightsFile.floats(d, path, source, shape, l.name()
            + (k == 0 ? "/kernel" : "/bias")));
      }
      in = l.units();
    }
    return out;
  }

  // The optimizer's variables in Keras's order; null without any, or for an unbuilt optimizer.
  private static List<NdArray<?>> optimizer(HdfFile h5, String source, Sequential model)
      throws KerasFileException {
    Node og = h5.getChildren().get(OPTIMIZER);
    if (!(og instanceof Group)) {
      return null;
    }
    String[] names = strings(og.getAttribute("weight_names"));
    List<OptimizerVariable> layout = model.optimizerLayout(true);
    if (names == null || names.length == OptimizerVariable.UNBUILT_COUNT) {
      return null;
    }
    if (names.length != layout.size()) {
      throw new KerasFileException(source + ": " + OPTIMIZER + " has " + names.length
          + " variables; the compiled " + model.optimizer().kerasName() + " on this model has "
          + layout.size());
    }
    List<NdArray<?>> out = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      Node d = ((Group) og).getChildren().containsKey(names[i].split("/")[0])
          ? ((Group) og).getByPath(names[i]) : null;
      out.add(KerasOptimizerVars.value(d, OPTIMIZER + "/" + names[i], source, layout.get(i)));
    }
    return out;
  }

  private static String text(HdfFile h5, String source, String name, boolean required)
      throws KerasFileException {
    Attribute a = h5.getAttribute(name);
    Object v = a == null ? null : a.getData();
    if (v instanceof byte[] b) {
      v = new String(b, StandardCharsets.UTF_8);
    }
    if (v instanceof String s) {
      return s;
    }
    if (required || v != null) {
      throw new KerasFileException(source + ": attribute " + name + ": expected a JSON string"
          + " (a Keras model.save(\"m.h5\") file), found " + (v == null ? "none" : v));
    }
    return null;
  }

  private static String[] strings(Attribute a) {
    Object v = a == null ? null : a.getData();
    return v instanceof String[] s ? s : v instanceof String s ? new String[] {s} : null;
  }
}
