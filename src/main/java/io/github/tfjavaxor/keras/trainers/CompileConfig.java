package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code compile} configured: the loss, the optimizer and the metrics; mirrors the state
 * {@code Trainer.compile} keeps ({@code keras/src/trainers/trainer.py}).
 *
 * @param loss the loss, e.g. {@link Loss#MEAN_SQUARED_ERROR}
 * @param optimizer the optimizer; a fresh one starts from zero state
 * @param metrics the compiled metrics in order, each once
 * @param jitCompile Keras's {@code jit_compile}; {@link JitCompile#AUTO} by default
 * @param stepsPerExecution Keras's {@code steps_per_execution}: training steps per {@code
 *     session.run}; {@link StepsPerExecution#AUTO} by default. Without XLA it changes no number
 */
public record CompileConfig(Loss loss, Optimizer optimizer, List<Metric> metrics,
    JitCompile jitCompile, StepsPerExecution stepsPerExecution) {

  /** With Keras's default {@code jit_compile="auto"} and {@code steps_per_execution="auto"}. */
  public CompileConfig(Loss loss, Optimizer optimizer, List<Metric> metrics) {
    this(loss, optimizer, metrics, JitCompile.JIT_COMPILE_DEFAULT,
        StepsPerExecution.STEPS_PER_EXECUTION_DEFAULT);
  }

  /** @throws IllegalArgumentException if an argument is null or a metric repeats */
  public CompileConfig {
    if (loss == null) {
      throw new IllegalArgumentException("loss: expected one of " + Loss.names() + ", found null");
    }
    if (optimizer == null) {
      throw new IllegalArgumentException(
          "optimizer: expected one of " + Optimizer.names() + ", found null");
    }
    if (metrics == null || metrics.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("metrics: expected metric names, found " + metrics);
    }
    if (metrics.stream().distinct().count() != metrics.size()) {
      throw new IllegalArgumentException("metrics: each metric may appear once, found " + metrics);
    }
    metrics = List.copyOf(metrics);
    if (jitCompile == null) {
      throw new IllegalArgumentException("jit_compile: expected auto, true or false, found null");
    }
    if (stepsPerExecution == null) {
      throw new IllegalArgumentException(
          "steps_per_execution: expected auto or an integer >= 1, found null");
    }
  }

  /** This configuration with another {@code jit_compile}. */
  public CompileConfig withJitCompile(JitCompile value) {
    return new CompileConfig(loss, optimizer, metrics, value, stepsPerExecution);
  }

  /** This configuration with another {@code steps_per_execution}. */
  public CompileConfig withStepsPerExecution(StepsPerExecution value) {
    return new CompileConfig(loss, optimizer, metrics, jitCompile, value);
  }

  /** From Keras names, e.g. {@code ("mse", "adam", ["binary_accuracy"])}. */
  public static CompileConfig of(String loss, String optimizer, List<String> metrics) {
    if (metrics == null) {
      throw new IllegalArgumentException("metrics: expected a list of metric names, found null");
    }
    List<Metric> ms = new ArrayList<>();
    for (String m : metrics) {
      ms.add(Metric.get(m));
    }
    return new CompileConfig(Loss.get(loss), Optimizer.get(optimizer), ms);
  }

  /** Keras 3's {@code metrics_names}: {@code [loss, compile_metrics]}, or {@code [loss]}. */
  public List<String> metricsNames() {
    return metrics.isEmpty() ? List.of("loss") : List.of("loss", "compile_metrics");
  }

  /** The metrics' own names in compile order, e.g. {@code [binary_accuracy]}. */
  public List<String> metricNames() {
    List<String> names = new ArrayList<>();
    metrics.forEach(m -> names.add(m.kerasName()));
    return names;
  }
}
