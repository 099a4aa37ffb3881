package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.keras.transforms.StackedModels;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Which runs may train in one graph, and how many at once.
 *
 * <p>A group is one configuration ({@link io.github.tfjavaxor.keras.transforms.Stack}): the same
 * data, batch size, epochs, metrics, architecture, loss and optimizer; the seeds differ, and in the
 * exact mode the learning rates may too (the batched mode runs one optimizer over all its models,
 * so its groups share one). A group holds at most {@link #GROUP_SIZE_DEFAULT} runs, or fewer when S
 * copies of the model's weights, optimizer state and activations would pass {@link
 * #MEMORY_BUDGET_BYTES}: a sweep of 10,000 runs builds groups one after another, never 10,000
 * models at once.
 */
public final class GroupKey {
  /** Runs per group unless given: enough to amortise the graph, small enough to build quickly. */
  public static final int GROUP_SIZE_DEFAULT = 64;
  /** Memory one group's tensors may take, estimated as in {@link #bytesPerModel}. */
  public static final long MEMORY_BUDGET_BYTES = 256L << 20;

  private GroupKey() {}

  /**
   * The grouping key of a run: equal keys may share a graph.
   *
   * @param s the run's model
   * @param batchSize the run's batch size
   * @param epochs the run's epochs
   * @param batched true if the group will run batched (then the learning rate is part of the key)
   * @return the key, readable in messages
   */
  public static String of(ModelSpec s, int batchSize, int epochs, boolean batched) {
    String key = "batch " + batchSize + " | epochs " + epochs + " | " + s.metrics() + " | "
        + s.inputDim() + " " + s.units() + " " + s.activations() + " " + s.outputUnits() + " "
        + s.outputActivation() + " " + s.loss() + " " + s.optimizer().trim().toLowerCase(Locale.ROOT);
    return batched ? key + " | learning rate " + s.learningRate() : key;
  }

  /**
   * Float32 bytes one model holds while training: weights, gradients and up to two optimizer slots
   * per parameter, plus a forward and a backward value per unit and batch row.
   *
   * @param s the model
   * @param batchSize its batch size
   * @return the estimate, in bytes
   */
  public static long bytesPerModel(ModelSpec s, int batchSize) {
    long params = 0;
    long units = s.outputUnits();
    int in = s.inputDim();
    for (int u : s.units()) {
      params += (long) in * u + u;
      units += u;
      in = u;
    }
    params += (long) in * s.outputUnits() + s.outputUnits();
    return 4 * (4 * params + 2 * units * batchSize);
  }

  /**
   * Splits runs into groups: runs with one key, in order, in chunks of at most {@code groupSize}
   * (and the memory budget), and no larger than needed to give each of {@code jobs} threads work.
   *
   * @param bytesPerModel a run's {@link #bytesPerModel}
   * @param groupSize &gt;= 1
   * @param jobs &gt;= 1
   * @param <R> the run type
   * @param runs the runs, in order
   * @param key a run's {@link #of} key
   * @return the groups; together they hold every run once
   */
  public static <R> List<List<R>> groups(List<R> runs, Function<R, String> key,
      ToLongFunction<R> bytesPerModel, int groupSize, int jobs) {
    int share = Math.max(1, (runs.size() + jobs - 1) / jobs);
    Map<String, List<R>> byKey = new LinkedHashMap<>();
    runs.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
    List<List<R>> out = new ArrayList<>();
    for (List<R> same : byKey.values()) {
      long perModel = bytesPerModel.applyAsLong(same.get(0));
      int cap = (int) Math.max(1, Math.min(Math.min(groupSize, share), MEMORY_BUDGET_BYTES / perModel));
      for (int from = 0; from < same.size(); from += cap) {
        out.add(same.subList(from, Math.min(same.size(), from + cap)));
      }
    }
    return out;
  }

  /** The group's models: the first spec's architecture, loss, metrics and optimizer, every seed. */
  static StackedModels models(List<ModelSpec> specs) {
    ModelSpec first = specs.get(0);
    List<Dense> layers = new ArrayList<>();
    int previous = 0;
    for (int j = 0; j <= first.units().size(); j++) {
      boolean output = j == first.units().size();
      Dense d = new Dense(output ? first.outputUnits() : first.units().get(j),
          output ? first.outputActivation() : first.activations().get(j),
          j == 0 ? first.inputDim() : 0);
      d.attach(j, previous);
      previous = d.units();
      layers.add(d);
    }
    long[] seeds = new long[specs.size()];
    float[] rates = new float[specs.size()];
    for (int i = 0; i < seeds.length; i++) {
      seeds[i] = specs.get(i).seed();
      rates[i] = optimizer(specs.get(i)).learningRate();
    }
    List<Metric> metrics = first.metrics().stream().map(Metric::get).toList();
    return new StackedModels(layers, Loss.get(first.loss()), metrics, optimizer(first), seeds,
        rates);
  }

  private static Optimizer optimizer(ModelSpec s) {
    return Optimizers.get(s.optimizer(), s.learningRate() == null ? Double.NaN : s.learningRate());
  }
}
