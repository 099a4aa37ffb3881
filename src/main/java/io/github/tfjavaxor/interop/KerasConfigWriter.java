package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.layers.Dense;
import java.util.List;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArray;

/**
 * Writes the {@code config.json} of a Keras 3 {@code .keras} file for a Sequential of Dense layers,
 * in the structure {@code Sequential.get_config()} / {@code serialize_keras_object} produce (Keras 3
 * {@code keras/src/models/sequential.py}, {@code keras/src/layers/core/dense.py}); {@link
 * KerasConfig} reads it.
 */
final class KerasConfigWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  private KerasConfigWriter() {}

  /**
   * The {@code config.json} Keras 3.15 writes for this model.
   *
   * @param optimizerVars the compiled model's optimizer variables (the learning rate is read from
   *     them, as Keras's {@code get_config} reads its variable), or null if not compiled
   * @throws KerasFileException if the model is compiled with an optimizer Keras does not have
   */
  static byte[] write(Sequential model, List<NdArray<?>> optimizerVars)
      throws KerasFileException {
    ObjectNode root = JSON.createObjectNode();
    root.put("module", "keras");
    root.put("class_name", "Sequential");
    ObjectNode config = root.putObject("config");
    config.put("name", "sequential");
    config.put("trainable", true);
    config.set("dtype", dtypePolicy());
    ArrayNode layers = config.putArray("layers");
    ObjectNode input = layers.addObject();
    input.put("module", "keras.layers");
    input.put("class_name", "InputLayer");
    ObjectNode ic = input.putObject("config");
    ic.set("batch_shape", shape(model.inputDim()));
    ic.put("dtype", "float32");
    ic.put("sparse", false);
    ic.put("ragged", false);
    ic.put("name", "input_layer");
    ic.put("optional", false);
    input.putNull("registered_name");
    for (Dense d : model.layers()) {
      ObjectNode l = layers.addObject();
      l.put("module", "keras.layers");
      l.put("class_name", "Dense");
      ObjectNode c = l.putObject("config");
      c.put("name", d.name());
      c.put("trainable", true);
      c.set("dtype", dtypePolicy());
      c.put("units", d.units());
      c.put("activation", d.activation().kerasName());
      c.put("use_bias", true);
      c.set("kernel_initializer", object("keras.initializers", "GlorotUniform",
          JSON.createObjectNode().putNull("seed").putNull("input_axes").putNull("output_axes")));
      c.set("bias_initializer", object("keras.initializers", "Zeros", JSON.createObjectNode()));
      for (String key : List.of("kernel_regularizer", "bias_regularizer", "kernel_constraint",
          "bias_constraint", "quantization_config")) {
        c.putNull(key);
      }
      l.putNull("registered_name");
      l.putObject("build_config").set("input_shape", shape(d.inputDim()));
    }
    config.set("build_input_shape", shape(model.inputDim()));
    root.putNull("registered_name");
    root.putObject("build_config").set("input_shape", shape(model.inputDim()));
    if (model.isCompiled()) {
      float lr = ((FloatNdArray) optimizerVars.get(1)).getFloat();
      root.set("compile_config", KerasCompileConfig.write(model.compileConfig(), lr));
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KerasFileException("config.json: cannot serialise (" + e.getMessage() + ")", e);
    }
  }

  private static ArrayNode shape(long features) {
    ArrayNode a = JSON.createArrayNode();
    a.addNull();
    a.add(features);
    return a;
  }

  private static ObjectNode dtypePolicy() {
    ObjectNode c = JSON.createObjectNode();
    c.put("name", "float32");
    return object("keras", "DTypePolicy", c);
  }

  private static ObjectNode object(String module, String cls, ObjectNode config) {
    ObjectNode o = JSON.createObjectNode();
    o.put("module", module);
    o.put("class_name", cls);
    o.set("config", config);
    o.putNull("registered_name");
    return o;
  }
}
