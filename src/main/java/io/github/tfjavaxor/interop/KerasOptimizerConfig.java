package io.github.tfjavaxor.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.tfjavaxor.keras.optimizers.Adam;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.RMSprop;
import io.github.tfjavaxor.keras.optimizers.SGD;
import java.util.List;
import java.util.Locale;

/**
 * The {@code optimizer} entry of a {@code .keras} file's {@code compile_config}, as {@code
 * serialize_keras_object(optimizer)} writes it: {@code {"module": "keras.optimizers", "class_name":
 * "Adam", "config": {...}}} with the base options of {@code keras/src/optimizers/base_optimizer.py
 * get_config} followed by the optimizer's own ({@code adam.py}, {@code sgd.py}, {@code
 * rmsprop.py}), key for key as Keras 3.15.1 writes them. Options the port does not implement are
 * named when read.
 */
final class KerasOptimizerConfig {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Base options that must be null: the port implements none of them. */
  private static final List<String> NULL_OPTIONS = List.of("weight_decay", "clipnorm",
      "global_clipnorm", "clipvalue", "ema_overwrite_frequency", "loss_scale_factor",
      "gradient_accumulation_steps");

  private KerasOptimizerConfig() {}

  /**
   * A fresh optimizer from the {@code optimizer} entry (an object, or a name for Keras's defaults).
   *
   * @param where e.g. {@code xor.keras!config.json: compile_config.optimizer}
   * @throws KerasFileException naming the first unsupported class or option
   */
  static Optimizer read(String where, JsonNode opt) throws KerasFileException {
    String cls = opt.isTextual() ? opt.asText() : opt.path("class_name").asText("");
    String key = cls.toLowerCase(Locale.ROOT);
    JsonNode oc = opt.path("config");
    if (!List.of("adam", "sgd", "rmsprop").contains(key)) {
      throw new KerasFileException(where + ": class_name '" + cls + "' is not supported; expected"
          + " one of Adam, SGD, RMSprop");
    }
    for (String k : NULL_OPTIONS) {
      JsonNode v = oc.path(k);
      if (!v.isMissingNode() && !v.isNull()) {
        throw new KerasFileException(where + ".config." + k + ": expected null (not supported by"
            + " the port), found " + v);
      }
    }
    requireFalse(where, oc, "use_ema");
    JsonNode lr = oc.path("learning_rate");
    if (!lr.isMissingNode() && !lr.isNumber()) {
      throw new KerasFileException(where + ".config.learning_rate: expected a number (schedules"
          + " are not supported), found " + lr);
    }
    try {
      switch (key) {
        case "adam":
          requireFalse(where, oc, "amsgrad");
          return new Adam(lr.asDouble(Adam.LEARNING_RATE_DEFAULT),
              number(where, oc, "beta_1", Adam.BETA_ONE_DEFAULT),
              number(where, oc, "beta_2", Adam.BETA_TWO_DEFAULT),
              number(where, oc, "epsilon", Adam.EPSILON_DEFAULT));
        case "sgd":
          JsonNode nesterov = oc.path("nesterov");
          if (!nesterov.isMissingNode() && !nesterov.isBoolean()) {
            throw new KerasFileException(where + ".config.nesterov: expected true or false, found "
                + nesterov);
          }
          return new SGD(lr.asDouble(SGD.LEARNING_RATE_DEFAULT),
              number(where, oc, "momentum", SGD.MOMENTUM_DEFAULT),
              nesterov.asBoolean(SGD.NESTEROV_DEFAULT));
        default:
          requireFalse(where, oc, "centered");
          if (number(where, oc, "momentum", 0.0) != 0.0) {
            throw new KerasFileException(where + ".config.momentum: expected 0.0 (RMSprop's"
                + " momentum is not supported by the port), found " + oc.get("momentum"));
          }
          return new RMSprop(lr.asDouble(RMSprop.LEARNING_RATE_DEFAULT),
              number(where, oc, "rho", RMSprop.RHO_DEFAULT),
              number(where, oc, "epsilon", RMSprop.EPSILON_DEFAULT));
      }
    } catch (IllegalArgumentException e) {
      throw new KerasFileException(where + ".config: " + e.getMessage());
    }
  }

  private static void requireFalse(String where, JsonNode oc, String k) throws KerasFileException {
    JsonNode v = oc.path(k);
    if (!v.isMissingNode() && !v.isNull() && !(v.isBoolean() && !v.asBoolean())) {
      throw new KerasFileException(where + ".config." + k + ": expected false (not supported by"
          + " the port), found " + v);
    }
  }

  private static double number(String where, JsonNode oc, String k, double dflt)
      throws KerasFileException {
    JsonNode v = oc.path(k);
    if (v.isMissingNode()) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw new KerasFileException(where + ".config." + k + ": expected a number, found " + v);
    }
    return v.asDouble();
  }

  /**
   * The entry Keras 3.15.1 writes for this optimizer.
   *
   * @param learningRate the learning-rate variable's current value (Keras's {@code get_config}
   *     reads the variable), written widened to double as Python does
   * @throws KerasFileException for an optimizer Keras has no class for (FusedAdam)
   */
  static ObjectNode write(Optimizer optimizer, float learningRate) throws KerasFileException {
    String cls;
    if (optimizer instanceof Adam) {
      cls = "Adam";
    } else if (optimizer instanceof SGD) {
      cls = "SGD";
    } else if (optimizer instanceof RMSprop) {
      cls = "RMSprop";
    } else {
      throw new KerasFileException("config.json: compile_config: Keras has no optimizer for the"
          + " port's " + optimizer.getClass().getSimpleName() + "; the .keras writer supports"
          + " Adam, SGD and RMSprop");
    }
    ObjectNode oc = JSON.createObjectNode();
    oc.put("name", optimizer.kerasObjectName());
    oc.put("learning_rate", (double) learningRate);
    for (String key : List.of("weight_decay", "clipnorm", "global_clipnorm", "clipvalue")) {
      oc.putNull(key);
    }
    oc.put("use_ema", false);
    oc.put("ema_momentum", 0.99);
    oc.putNull("ema_overwrite_frequency");
    oc.putNull("loss_scale_factor");
    oc.putNull("gradient_accumulation_steps");
    if (optimizer instanceof Adam) {
      Adam adam = (Adam) optimizer;
      oc.put("beta_1", adam.beta1());
      oc.put("beta_2", adam.beta2());
      oc.put("epsilon", adam.epsilon());
      oc.put("amsgrad", false);
    } else if (optimizer instanceof SGD) {
      SGD sgd = (SGD) optimizer;
      oc.put("momentum", sgd.momentum()); // a double: Keras rejects an int momentum
      oc.put("nesterov", sgd.nesterov());
    } else {
      RMSprop rms = (RMSprop) optimizer;
      oc.put("rho", rms.rho());
      oc.put("momentum", 0.0);
      oc.put("epsilon", rms.epsilon());
      oc.put("centered", false);
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("module", "keras.optimizers");
    o.put("class_name", cls);
    o.set("config", oc);
    o.putNull("registered_name");
    return o;
  }
}
