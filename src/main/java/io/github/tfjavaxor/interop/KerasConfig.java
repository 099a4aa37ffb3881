package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code config.json} of a Keras 3 {@code .keras} file, for a Sequential of Dense layers:
 * parsed and checked in full into a {@link Spec} before anything is built ({@link
 * KerasConfigWriter} writes it back).
 */
final class KerasConfig {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SUPPORTED_LAYERS = "InputLayer and Dense";

  private KerasConfig() {}

  /** One Dense layer: Keras name, units and activation. */
  record Layer(String name, int units, Activation activation) {}

  /**
   * A checked model description: input size, Dense layers and the compile settings, if any.
   *
   * @param compile the {@code compile_config} (its optimizer fresh, used once), or null if the
   *     file has none or one the port cannot represent
   * @param compileError why the file's {@code compile_config} cannot be used, or null; a command
   *     that needs no loss, metric or optimizer (predict, summary) loads the model without it,
   *     as Keras's {@code load_model(path, compile=False)}
   * @param evaluation the loss and metrics for {@code evaluate}, which needs no optimizer: the
   *     compile settings with Adam in place of an optimizer the port lacks (AdamW, clipnorm), or
   *     null if the loss or a metric cannot be used
   */
  record Spec(String name, int inputDim, List<Layer> layers, CompileConfig compile,
      KerasFileException compileError, CompileConfig evaluation) {

    /** Whether the file has a {@code compile_config}, usable or not. */
    boolean compiled() {
      return compile != null || compileError != null;
    }
  }

  /**
   * Parses and checks {@code config.json}.
   *
   * @param source e.g. {@code xor.keras!config.json}, for messages
   * @throws KerasFileException naming the first thing the port cannot represent
   */
  static Spec parse(String source, byte[] json) throws KerasFileException {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new KerasFileException(source + ": not valid JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.isObject()) {
      throw new KerasFileException(source + ": expected a JSON object, found " + root);
    }
    checkModelClass(source, root);
    JsonNode config = root.path("config");
    JsonNode layers = config.path("layers");
    if (!layers.isArray()) {
      throw new KerasFileException(source + ": config.layers: expected a list of layers, found "
          + layers.getNodeType());
    }
    // Layer classes first, so a Conv2D model is named as such, not by its 4-D input shape.
    for (int i = 0; i < layers.size(); i++) {
      String lcls = layers.get(i).path("class_name").asText("");
      if (!lcls.equals("Dense") && !(lcls.equals("InputLayer") && i == 0)) {
        throw new KerasFileException(where(source, i, layers.get(i)) + " (" + lcls + "): not"
            + " supported; the port reads " + SUPPORTED_LAYERS);
      }
    }
    int inputDim = 0;
    List<Layer> dense = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      JsonNode l = layers.get(i);
      JsonNode c = l.path("config");
      String where = where(source, i, l);
      if (l.path("class_name").asText().equals("InputLayer")) {
        JsonNode shape = c.has("batch_shape") ? c.get("batch_shape") : c.path("batch_input_shape");
        inputDim = inputSize(where + ": batch_shape", shape);
        checkDtype(where, c.path("dtype"));
        continue;
      }
      dense.add(dense(where, c));
      if (inputDim == 0 && dense.size() == 1) {
        JsonNode shape = l.path("build_config").path("input_shape");
        if (shape.isMissingNode()) {
          shape = config.path("build_input_shape");
        }
        inputDim = inputSize(where + ": build_config.input_shape", shape);
      }
    }
    if (dense.isEmpty()) {
      throw new KerasFileException(source + ": config.layers: expected at least one Dense layer,"
          + " found none");
    }
    JsonNode cc = root.path("compile_config"); // {} or null: saved before compile()
    CompileConfig compile = null;
    KerasFileException compileError = null;
    CompileConfig evaluation = null;
    if (cc.isObject() && !cc.isEmpty()) {
      int units = dense.get(dense.size() - 1).units();
      try {
        compile = KerasCompileConfig.read(source + ": compile_config", cc, units);
      } catch (KerasFileException e) {
        compileError = e;
      }
      try {
        evaluation = KerasCompileConfig.read(source + ": compile_config",
            ((ObjectNode) cc.deepCopy()).put("optimizer", "adam"), units);
      } catch (KerasFileException e) {
        // the loss or a metric: evaluate refuses with compileError
      }
    }
    return new Spec(config.path("name").asText("sequential"), inputDim, dense, compile,
        compileError, evaluation);
  }

  private static String where(String source, int i, JsonNode layer) {
    return source + ": layers[" + i + "] '" + layer.path("config").path("name").asText("?") + "'";
  }

  /** Sequential only; Functional and subclassed models are named as such. */
  private static void checkModelClass(String source, JsonNode root) throws KerasFileException {
    String cls = root.path("class_name").asText("");
    if (cls.equals("Sequential")) {
      return;
    }
    String what;
    if (cls.equals("Functional") || cls.equals("Model")) {
      what = "a Functional model (class_name '" + cls + "')";
    } else if (!root.path("module").asText("").startsWith("keras")) {
      what = "a subclassed model (class_name '" + cls + "', registered_name '"
          + root.path("registered_name").asText("") + "')";
    } else {
      what = "class_name '" + cls + "'";
    }
    throw new KerasFileException(source + ": " + what + ": not supported; the port reads"
        + " keras.Sequential models of " + SUPPORTED_LAYERS + " layers");
  }

  private static int inputSize(String where, JsonNode shape) throws KerasFileException {
    if (!shape.isArray() || shape.size() != 2 || !shape.get(1).canConvertToInt()
        || shape.get(1).asInt() < 1) {
      throw new KerasFileException(
          where + ": expected [null, features] (2-D float input), found " + shape);
    }
    return shape.get(1).asInt();
  }

  private static void checkDtype(String where, JsonNode dtype) throws KerasFileException {
    if (dtype.isMissingNode() || dtype.isNull()) {
      return;
    }
    String name = dtype.isTextual() ? dtype.asText() : dtype.path("config").path("name").asText();
    if (!name.equals("float32")) {
      throw new KerasFileException(
          where + ": dtype: expected float32 (the port computes in float32), found '" + name + "'");
    }
  }

  private static Layer dense(String where, JsonNode c) throws KerasFileException {
    checkDtype(where, c.path("dtype"));
    JsonNode units = c.path("units");
    if (!units.canConvertToInt() || units.asInt() < 1) {
      throw new KerasFileException(where + ": units: expected a positive integer, found " + units);
    }
    JsonNode act = c.path("activation");
    if (!act.isTextual() && !act.isNull() && !act.isMissingNode()) {
      throw new KerasFileException(where + ": activation: expected a built-in activation name,"
          + " found " + act);
    }
    Activation activation;
    try {
      activation = Activation.get(act.isTextual() ? act.asText() : null);
    } catch (IllegalArgumentException e) {
      throw new KerasFileException(where + " activation='" + act.asText() + "': not supported;"
          + " the port has " + Activation.names());
    }
    if (!c.path("use_bias").asBoolean(true)) {
      throw new KerasFileException(where + " use_bias=false: not supported; the port's Dense"
          + " always has a bias");
    }
    for (String key : List.of("kernel_regularizer", "bias_regularizer", "activity_regularizer",
        "kernel_constraint", "bias_constraint", "quantization_config", "lora_rank")) {
      JsonNode v = c.path(key);
      if (!v.isMissingNode() && !v.isNull()) {
        throw new KerasFileException(where + " " + key + "=" + v + ": not supported; the port"
            + " reads " + key + "=null");
      }
    }
    return new Layer(c.path("name").asText(), units.asInt(), activation);
  }

  /**
   * Builds the model a checked spec describes (weights still initial), compiled if {@code compile}
   * and the file has a usable {@code compile_config}. Layer names come from the file.
   */
  static Sequential build(Spec spec, boolean compile) {
    Sequential model = new Sequential();
    for (int i = 0; i < spec.layers().size(); i++) {
      Layer l = spec.layers().get(i);
      model.add(new Dense(l.units(), l.activation(), i == 0 ? spec.inputDim() : 0));
    }
    for (int i = 0; i < spec.layers().size(); i++) {
      model.layers().get(i).setName(spec.layers().get(i).name());
    }
    if (compile && spec.compile() != null) {
      model.compile(spec.compile());
    }
    return model;
  }
}
