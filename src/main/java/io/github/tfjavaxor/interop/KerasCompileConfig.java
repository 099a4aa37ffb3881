package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.trainers.StepsPerExecution;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code compile_config} of a {@code .keras} file: what {@code model.compile(...)} was given,
 * as Keras 3's {@code Trainer.get_compile_config} saves it. A loss or metric is a name as the user
 * wrote it ({@code "mse"}, {@code "accuracy"}), an object ({@code keras.losses.BinaryCrossentropy()}
 * saves {@code {"module": "keras.losses", "class_name": "BinaryCrossentropy", "config": {...}}}) or
 * a function ({@code {"module": "builtins", "class_name": "function", "config":
 * "mean_squared_error"}}). Names keep their spelling: Keras logs a metric under it.
 */
final class KerasCompileConfig {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REDUCTION = "sum_over_batch_size";

  private KerasCompileConfig() {}

  /**
   * Reads and checks a {@code compile_config}.
   *
   * @param where e.g. {@code xor.keras!config.json: compile_config}
   * @param outputUnits the last Dense layer's units (Keras resolves {@code "crossentropy"} by them)
   * @throws KerasFileException naming the first entry the port cannot represent
   */
  static CompileConfig read(String where, JsonNode cc, int outputUnits)
      throws KerasFileException {
    for (String key : List.of("loss_weights", "weighted_metrics")) {
      JsonNode v = cc.path(key);
      if (!v.isMissingNode() && !v.isNull()) {
        throw new KerasFileException(where + "." + key + ": expected null (not supported by the"
            + " port), found " + v);
      }
    }
    Map.Entry<String, Loss> loss = loss(where + ".loss", cc.path("loss"), outputUnits);
    List<String> names = new ArrayList<>();
    List<Metric> metrics = new ArrayList<>();
    JsonNode ms = cc.path("metrics");
    if (ms.isArray()) {
      for (int i = 0; i < ms.size(); i++) {
        Map.Entry<String, Metric> m = metric(where + ".metrics[" + i + "]", ms.get(i));
        names.add(m.getKey());
        metrics.add(m.getValue());
      }
    } else if (!ms.isMissingNode() && !ms.isNull()) {
      throw new KerasFileException(where + ".metrics: expected a list (one output), found " + ms);
    }
    Optimizer optimizer = KerasOptimizerConfig.read(where + ".optimizer", cc.path("optimizer"));
    try {
      return new CompileConfig(loss.getValue(), optimizer, metrics,
          JitCompile.JIT_COMPILE_DEFAULT, StepsPerExecution.STEPS_PER_EXECUTION_DEFAULT,
          loss.getKey(), names);
    } catch (IllegalArgumentException e) {
      throw new KerasFileException(where + ": " + e.getMessage());
    }
  }

  private static Map.Entry<String, Loss> loss(String where, JsonNode node, int units)
      throws KerasFileException {
    try {
      if (node.isTextual()) {
        return Map.entry(node.asText(), Loss.get(node.asText(), units));
      }
      if (isFunction(node)) {
        String fn = node.path("config").asText();
        return Map.entry(fn, Loss.get(fn, units));
      }
      if (node.path("module").asText().equals("keras.losses")) {
        Loss loss = byClass(node.path("class_name").asText());
        if (loss != null) {
          options(where, node.path("config"), Map.of("reduction", REDUCTION, "from_logits", false,
              "label_smoothing", 0.0, "axis", -1, "dtype", "float32"));
          return Map.entry(name(where, node), loss);
        }
      }
    } catch (IllegalArgumentException e) {
      throw new KerasFileException(where + ": " + e.getMessage().replaceFirst("^loss: ", ""));
    }
    throw new KerasFileException(where + ": expected one of " + Loss.names() + " (a name, a"
        + " keras.losses class or function), found " + node);
  }

  private static Map.Entry<String, Metric> metric(String where, JsonNode node)
      throws KerasFileException {
    try {
      if (node.isTextual()) {
        return Map.entry(node.asText(), Metric.get(node.asText()));
      }
      if (isFunction(node)) {
        String fn = node.path("config").asText();
        Metric m = Metric.get(fn);
        if (m != Metric.ACCURACY) { // keras.metrics.accuracy compares y == p exactly
          return Map.entry(fn, m);
        }
      } else if (node.path("module").asText().equals("keras.metrics")) {
        Metric m = metricByClass(node.path("class_name").asText());
        if (m != null) {
          options(where, node.path("config"), Map.of("dtype", "float32", "threshold", 0.5,
              "from_logits", false, "label_smoothing", 0.0));
          return Map.entry(name(where, node), m);
        }
      }
    } catch (IllegalArgumentException e) {
      // an unknown name: the message below lists the known ones
    }
    throw new KerasFileException(where + ": expected one of " + Metric.names() + " (a name, a"
        + " keras.metrics class or function), found " + node);
  }

  private static boolean isFunction(JsonNode node) {
    return node.path("module").asText().equals("builtins")
        && node.path("class_name").asText().equals("function") && node.path("config").isTextual();
  }

  private static Loss byClass(String cls) {
    for (Loss l : Loss.values()) {
      if (l.className().equals(cls)) {
        return l;
      }
    }
    return null;
  }

  private static Metric metricByClass(String cls) {
    for (Metric m : Metric.values()) {
      if (cls.equals(m.className())) {
        return m;
      }
    }
    return null;
  }

  private static String name(String where, JsonNode node) throws KerasFileException {
    JsonNode name = node.path("config").path("name");
    if (!name.isTextual() || name.asText().isBlank()) {
      throw new KerasFileException(where + ".config.name: expected a name, found " + name);
    }
    return name.asText();
  }

  // Every option but the name at the value the port computes with (null dtype: the default).
  private static void options(String where, JsonNode config, Map<String, Object> allowed)
      throws KerasFileException {
    Iterator<Map.Entry<String, JsonNode>> it = config.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode v = e.getValue();
      if (key.equals("name") || (key.equals("dtype") && v.isNull())) {
        continue;
      }
      Object want = allowed.get(key);
      boolean ok = want instanceof String s ? v.isTextual() && v.asText().equals(s)
          : want instanceof Boolean b ? v.isBoolean() && v.asBoolean() == b
          : want instanceof Number n && v.isNumber() && v.asDouble() == n.doubleValue();
      if (!ok) {
        throw new KerasFileException(where + ".config." + key + ": expected "
            + (want == null ? "no such option (not supported by the port)" : JSON.valueToTree(want))
            + ", found " + v);
      }
    }
  }

  /** The {@code compile_config} Keras 3.15 writes, names as compiled ({@code KerasConfigWriter}). */
  static ObjectNode write(CompileConfig config, float learningRate) throws KerasFileException {
    ObjectNode cc = JSON.createObjectNode();
    cc.set("optimizer", KerasOptimizerConfig.write(config.optimizer(), learningRate));
    cc.set("loss", lossNode(config.loss(), config.lossName()));
    cc.putNull("loss_weights");
    if (config.metrics().isEmpty()) {
      cc.putNull("metrics"); // the port's no metrics is Keras's metrics=None (metrics_names)
    } else {
      ArrayNode metrics = cc.putArray("metrics");
      for (int i = 0; i < config.metrics().size(); i++) {
        metrics.add(metricNode(config.metrics().get(i), config.metricNames().get(i)));
      }
    }
    cc.putNull("weighted_metrics");
    cc.put("run_eagerly", false);
    cc.put("steps_per_execution", 1);
    cc.put("jit_compile", false);
    return cc;
  }

  // A name Keras resolves to the same loss stays a name; any other becomes the class's object.
  private static JsonNode lossNode(Loss loss, String name) {
    if (sameLoss(loss, name)) {
      return JSON.getNodeFactory().textNode(name);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("reduction", REDUCTION);
    if (loss == Loss.BINARY_CROSSENTROPY) {
      c.put("from_logits", false);
      c.put("label_smoothing", 0.0);
      c.put("axis", -1);
    }
    return object("keras.losses", loss.className(), c);
  }

  private static JsonNode metricNode(Metric metric, String name) {
    if (sameMetric(metric, name)) {
      return JSON.getNodeFactory().textNode(name);
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("name", name);
    c.put("dtype", "float32");
    if (metric == Metric.BINARY_ACCURACY) {
      c.put("threshold", 0.5);
    } else if (metric == Metric.BINARY_CROSSENTROPY) {
      c.put("from_logits", false);
      c.put("label_smoothing", 0);
    }
    return object("keras.metrics", metric.className(), c);
  }

  private static boolean sameLoss(Loss loss, String name) {
    try {
      return Loss.get(name) == loss;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean sameMetric(Metric metric, String name) {
    try {
      return Metric.get(name) == metric;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ObjectNode object(String module, String cls, Map<String, Object> config) {
    ObjectNode o = JSON.createObjectNode();
    o.put("module", module);
    o.put("class_name", cls);
    o.set("config", JSON.valueToTree(config));
    o.putNull("registered_name");
    return o;
  }
}
