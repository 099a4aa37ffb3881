package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code compile} configured: the loss, the optimizer and the metrics; mirrors the state
 * {@code Trainer.compile} keeps ({@code keras/src/trainers/trainer.py}), with the names as the user
 * wrote them, which Keras logs and saves ({@code compile(metrics=["acc"])} logs {@code acc}).
 *
 * @param loss the loss, e.g. {@link Loss#MEAN_SQUARED_ERROR}
 * @param optimizer the optimizer; a fresh one starts from zero state
 * @param metrics the compiled metrics in order
 * @param jitCompile Keras's {@code jit_compile}; {@link JitCompile#AUTO} by default
 * @param stepsPerExecution Keras's {@code steps_per_execution}: training steps per {@code
 *     session.run}; {@link StepsPerExecution#AUTO} by default. Without XLA it changes no number
 * @param lossName the loss as written, e.g. {@code mse}; what {@code compile_config} saves
 * @param metricNames each metric's name as written, e.g. {@code [accuracy]}, in compile order
 */
public record CompileConfig(Loss loss, Optimizer optimizer, List<Metric> metrics,
    JitCompile jitCompile, StepsPerExecution stepsPerExecution, String lossName,
    List<String> metricNames) {

  /**
   * With Keras's default {@code jit_compile="auto"} and {@code steps_per_execution="auto"}.
   *
   * @param loss the loss
   * @param optimizer the optimizer
   * @param metrics the compiled metrics in order, named by their Keras names
   */
  public CompileConfig(Loss loss, Optimizer optimizer, List<Metric> metrics) {
    this(loss, optimizer, metrics, JitCompile.JIT_COMPILE_DEFAULT,
        StepsPerExecution.STEPS_PER_EXECUTION_DEFAULT, loss == null ? null : loss.kerasName(),
        metrics == null || metrics.stream().anyMatch(Objects::isNull) ? null
            : metrics.stream().map(Metric::kerasName).toList());
  }

  /**
   * Checks every argument and copies the lists.
   *
   * @param loss the loss, e.g. {@link Loss#MEAN_SQUARED_ERROR}
   * @param optimizer the optimizer; a fresh one starts from zero state
   * @param metrics the compiled metrics in order
   * @param jitCompile Keras's {@code jit_compile}; {@link JitCompile#AUTO} by default
   * @param stepsPerExecution Keras's {@code steps_per_execution}: training steps per {@code
   *     session.run}; {@link StepsPerExecution#AUTO} by default. Without XLA it changes no number
   * @param lossName the loss as written, e.g. {@code mse}; what {@code compile_config} saves
   * @param metricNames each metric's name as written, e.g. {@code [accuracy]}, in compile order
   * @throws IllegalArgumentException if an argument is null, a name does not name its loss or
   *     metric, or two metrics' logged names collide
   */
  public CompileConfig {
    if (loss == null) {
      throw new IllegalArgumentException("loss: expected one of " + Loss.names() + ", found null");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "optimizer: expected one of " + Optimizers.names() + ", found null");
    }
    if (metrics == null || metrics.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("metrics: expected metric names, found " + metrics);
    }
    metrics = List.copyOf(metrics);
    if (jitCompile == null) {
      throw new IllegalArgumentException("jit_compile: expected auto, true or false, found null");
    }
    if (stepsPerExecution == null) {
      throw new IllegalArgumentException(
          "steps_per_execution: expected auto or an integer >= 1, found null");
    }
    if (lossName == null || lossName.isBlank()) {
      throw new IllegalArgumentException("loss: expected a name, found " + lossName);
    }
    if (metricNames == null || metricNames.size() != metrics.size()
        || metricNames.stream().anyMatch(n -> n == null || n.isBlank())) {
      throw new IllegalArgumentException("metrics: expected one name per metric (" + metrics
          + "), found " + metricNames);
    }
    metricNames = List.copyOf(metricNames);
    loggedNames(metricNames);
  }

  /**
   * This configuration with another {@code jit_compile}.
   *
   * @param value the new {@code jit_compile}
   * @return a new configuration; this one is unchanged
   */
  public CompileConfig withJitCompile(JitCompile value) {
    return new CompileConfig(loss, optimizer, metrics, value, stepsPerExecution, lossName,
        metricNames);
  }

  /**
   * This configuration with another {@code steps_per_execution}.
   *
   * @param value the new {@code steps_per_execution}
   * @return a new configuration; this one is unchanged
   */
  public CompileConfig withStepsPerExecution(StepsPerExecution value) {
    return new CompileConfig(loss, optimizer, metrics, jitCompile, value, lossName, metricNames);
  }

  /**
   * From Keras names, e.g. {@code ("mse", "adam", ["accuracy"])}.
   *
   * @param loss a Keras loss name or alias, e.g. {@code mse}
   * @param optimizer a Keras optimizer name, e.g. {@code adam}, with its default learning rate
   * @param metrics Keras metric names or aliases, e.g. {@code accuracy}
   * @return the configuration with the names as written
   * @throws IllegalArgumentException for a name Keras or the port does not have
   */
  public static CompileConfig of(String loss, String optimizer, List<String> metrics) {
    return of(loss, Optimizers.get(optimizer), metrics);
  }

  /**
   * A loss and metrics by their Keras names, kept as written, e.g. {@code ("mse", adam, ["acc"])}.
   *
   * @param loss a Keras loss name or alias, e.g. {@code mse}
   * @param optimizer the optimizer
   * @param metrics Keras metric names or aliases, e.g. {@code acc}
   * @return the configuration with the names as written
   * @throws IllegalArgumentException for a name Keras or the port does not have
   */
  public static CompileConfig of(String loss, Optimizer optimizer, List<String> metrics) {
    if (metrics == null) {
      throw new IllegalArgumentException("metrics: expected a list of metric names, found null");
    }
    List<Metric> ms = new ArrayList<>();
    for (String m : metrics) {
      ms.add(Metric.get(m));
    }
    return new CompileConfig(Loss.get(loss), optimizer, ms, JitCompile.JIT_COMPILE_DEFAULT,
        StepsPerExecution.STEPS_PER_EXECUTION_DEFAULT, loss, metrics);
  }

  /**
   * Checks the names that Keras resolves by the output's shape against a model's output units:
   * the loss {@code crossentropy} needs one ({@link Loss#get(String, long)}).
   *
   * @param units the model's output units
   * @throws IllegalArgumentException if Keras would resolve the loss to one the port lacks
   */
  public void checkOutput(long units) {
    Loss.get(lossName, units);
  }

  /**
   * Keras 3's {@code metrics_names}: {@code [loss, compile_metrics]}, or {@code [loss]} without
   * metrics (Keras's {@code metrics=None}; its {@code metrics=[]} would add compile_metrics).
   *
   * @return {@code [loss, compile_metrics]} or {@code [loss]}
   */
  public List<String> metricsNames() {
    return metrics.isEmpty() ? List.of("loss") : List.of("loss", "compile_metrics");
  }

  /**
   * The names the metrics are logged under, in compile order: as written, a repeated name with
   * {@code _1}, {@code _2}, ... as Keras's {@code CompileMetrics.result} numbers them.
   *
   * @return the logged names, one per metric
   */
  public List<String> loggedNames() {
    return loggedNames(metricNames);
  }

  private static List<String> loggedNames(List<String> names) {
    Map<String, Integer> counters = new HashMap<>();
    List<String> logged = new ArrayList<>();
    for (String name : names) {
      Integer index = counters.get(name);
      String key = name;
      if (index == null) {
        counters.put(name, 1);
      } else {
        counters.put(name, index + 1);
        key = name + "_" + index;
      }
      if (key.equals("loss") || logged.contains(key)) {
        // Keras would overwrite one value with another in its logs.
        throw new IllegalArgumentException("metrics: " + names + " log two values as '" + key
            + "'; expected names that stay apart");
      }
      logged.add(key);
    }
    return logged;
  }
}
