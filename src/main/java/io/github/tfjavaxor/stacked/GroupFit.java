package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.trainers.ExecutionPlan;
import io.github.tfjavaxor.keras.trainers.MetricsTracker;
import io.github.tfjavaxor.keras.trainers.RowOrders;
import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.keras.transforms.StackedModels;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ConfigProto;

/**
 * Trains S models of one configuration side by side in one graph, as S calls of {@code
 * Sequential.fit(x, y, FitArgs(epochs, batchSize, shuffle))} without validation or callbacks
 * would: the models' train step {@link Stack stacked}, {@link Scan scanned} over the batches and
 * epochs (all of them per {@code session.run} where the buffers allow), under XLA when asked.
 * Each model draws its own row orders ({@link RowOrders}) and keeps its own metrics tracker, as
 * its single fit does. JAX's {@code vmap} of a {@code lax.scan} training loop.
 *
 * <p>Example: 50 seeds of the tutorial ({@code ModelSpec.tutorial(2, 1)} with seeds 1..50, 1000
 * epochs, batch 32), exact: each model's logs are its own {@code Sequential.fit}'s, bit for bit.
 */
public final class GroupFit implements AutoCloseable {

  /**
   * What one model logged.
   *
   * @param epochs {@code epochs[e] = [loss, metrics...]}, float32 values
   * @param evaluate evaluate's {@code [loss, metrics...]}, or null if not asked
   */
  public record Log(float[][] epochs, float[] evaluate) {
    /**
     * {@return the 1-based first epoch whose column {@code column} equals {@code value}, or 0}
     *
     * @param column 0 for the loss, 1 + i for metric i
     * @param value e.g. 1f for 100% accuracy
     */
    public int firstEpoch(int column, float value) {
      for (int e = 0; e < epochs.length; e++) {
        if (epochs[e][column] == value) {
          return e + 1;
        }
      }
      return 0;
    }
  }

  /**
   * fit's arguments shared by the group.
   *
   * @param epochs &gt;= 1
   * @param batchSize &gt;= 1
   * @param shuffle Keras's {@code shuffle}
   * @param evaluate true to run Keras's {@code evaluate(x, y, batchSize)} after training
   * @param mode exact (each model's own bits) or batched (faster, drifts)
   * @param jitCompile run the scans under XLA
   */
  public record Plan(int epochs, int batchSize, boolean shuffle, boolean evaluate,
      Stack.Mode mode, boolean jitCompile) {}

  /**
   * The group's logs and where its time went.
   *
   * @param logs one per model, in order
   * @param compileNanos building the graph and compiling its loops (a run of no steps)
   * @param trainNanos training and evaluating
   */
  public record Result(List<Log> logs, long compileNanos, long trainNanos) {}

  /**
   * Most model-steps (models × steps) per {@code session.run}: about 0.7 s of the exact path on
   * one core here (40 µs each), so a signal stops the group within that, after a whole run, as
   * fit stops after its running step; a run's own cost stays small beside it.
   */
  static final int MODEL_STEPS_PER_RUN_MAX = 16384;

  /** Steps a compiled XLA loop runs, its results dropped, before it trains. */
  static final int WARM_STEPS = 16;

  private final StackedModels models;
  private final float[][] x;
  private final Plan plan;
  private final Scan.DataShape shape;
  private final int span;
  private final int perRun;
  private final Graph graph;
  private final Session session;
  private final Stack stack;
  private final ScanInputs inputs;
  private final Scan train;
  private final Scan test;

  private GroupFit(StackedModels models, float[][] x, float[][] y, Plan plan,
      ConfigProto config) {
    this.models = models;
    this.x = x;
    this.plan = plan;
    int s = models.seeds().length;
    int width = s * (1 + models.metrics().size());
    shape = new Scan.DataShape(x.length, x[0].length, y[0].length, plan.batchSize(), s);
    int steps = shape.steps();
    span = Math.max(1, Math.min(
        Math.min(plan.epochs(), ExecutionPlan.STEPS_CAPACITY_DEFAULT / steps),
        Math.min(ExecutionPlan.ORDER_CAPACITY_DEFAULT / (s * x.length),
            MODEL_STEPS_PER_RUN_MAX / (s * steps))));
    perRun = Math.min(span * steps, ExecutionPlan.STEPS_CAPACITY_DEFAULT);
    graph = new Graph();
    session = new Session(graph, config);
    try {
      stack = new Stack(Ops.create(graph), plan.mode(), models);
      inputs = new ScanInputs(x, y, span, s, perRun, width);
      Ops tf = Ops.create(graph);
      train = new Scan(session, tf.withSubScope("train_scan"), stack.train(), stack.state(),
          stack.state(), shape, Scan.Layout.PER_STEP, width, plan.jitCompile());
      test = !plan.evaluate() ? null : new Scan(session, tf.withSubScope("test_scan"),
          stack.test(), stack.state(), null, shape, Scan.Layout.PER_STEP, width,
          plan.jitCompile());
      session.initialize();
      // Runs of no steps: the session optimizes the graph (and XLA compiles) now, not in fit.
      train.run(inputs, 0, 0);
      if (plan.jitCompile()) {
        // XLA's first executions of a loop are slower than the next; a few steps whose state is
        // dropped pay for that here (docs/development/train-step.md#stacked).
        train.warm(inputs, Math.min(perRun, WARM_STEPS));
      }
      if (test != null) {
        test.run(inputs, 0, 0);
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Builds and compiles one graph for {@code specs}: JAX's {@code jit} before the first call.
   *
   * @param specs checked models of one {@link GroupKey}
   * @param x float [n][inputDim], checked
   * @param y float [n][outputDim], checked
   * @param plan fit's shared arguments
   * @param config the session's options
   * @return the compiled group; the caller closes it
   * @throws IllegalArgumentException if the specs differ in more than seed and learning rate (and,
   *     batched, the learning rate too)
   */
  public static GroupFit compile(List<ModelSpec> specs, float[][] x, float[][] y, Plan plan,
      ConfigProto config) {
    boolean batched = plan.mode() == Stack.Mode.BATCHED;
    String key = GroupKey.of(specs.get(0), plan.batchSize(), plan.epochs(), batched);
    for (ModelSpec s : specs) {
      if (!GroupKey.of(s, plan.batchSize(), plan.epochs(), batched).equals(key)) {
        throw new IllegalArgumentException("group: expected models of one configuration (" + key
            + "), found " + GroupKey.of(s, plan.batchSize(), plan.epochs(), batched));
      }
    }
    return compile(GroupKey.models(specs), x, y, plan, config);
  }

  /**
   * Builds and compiles one graph for the stacked models, any optimizer with its options.
   *
   * @param models the stacked models
   * @param x float [n][inputDim], checked
   * @param y float [n][outputDim], checked
   * @param plan fit's shared arguments
   * @param config the session's options
   * @return the compiled group; the caller closes it
   * @throws IllegalArgumentException if BATCHED models' learning rates differ
   */
  public static GroupFit compile(StackedModels models, float[][] x, float[][] y, Plan plan,
      ConfigProto config) {
    return new GroupFit(models, x, y, plan, config);
  }

  /**
   * {@link #compile}, then {@link #fit()}, timed.
   *
   * @param specs checked models of one {@link GroupKey}
   * @param x float [n][inputDim], checked
   * @param y float [n][outputDim], checked
   * @param plan fit's shared arguments
   * @param config the session's options
   * @return the logs and the time spent compiling and training
   */
  public static Result fit(List<ModelSpec> specs, float[][] x, float[][] y, Plan plan,
      ConfigProto config) {
    long start = System.nanoTime();
    try (GroupFit g = compile(specs, x, y, plan, config)) {
      long compiled = System.nanoTime();
      List<Log> logs = g.fit();
      return new Result(logs, compiled - start, System.nanoTime() - compiled);
    }
  }

  /**
   * Trains every model for the plan's epochs from its initial weights, then evaluates if asked.
   * Call once.
   *
   * @return one log per model, in order
   */
  public List<Log> fit() {
    int s = models.seeds().length;
    int steps = shape.steps();
    List<String> names = models.metrics().stream().map(Metric::kerasName).toList();
    List<RowOrders> orders = new ArrayList<>();
    List<MetricsTracker> trackers = new ArrayList<>();
    for (long seed : models.seeds()) {
      orders.add(new RowOrders(x.length, steps, plan.shuffle(), null, seed, 0));
      trackers.add(new MetricsTracker(names));
    }
    float[][][] epochLogs = new float[s][plan.epochs()][];
    for (int epoch = 0; epoch < plan.epochs(); epoch += span) {
      Interrupts.check(); // between runs, as fit checks: the group's logs are dropped
      int epochs = Math.min(span, plan.epochs() - epoch);
      for (int e = 0; e < epochs; e++) {
        for (int i = 0; i < s; i++) {
          inputs.setOrder(e, i, orders.get(i).order(epoch + e));
        }
      }
      // Whole epochs in one run; an epoch longer than a run's buffer, in runs of its steps.
      float[][] rows = epochs * steps <= perRun ? train.run(inputs, 0, epochs * steps) : null;
      for (int e = 0; e < epochs; e++) {
        trackers.forEach(MetricsTracker::reset);
        if (rows != null) {
          track(rows, e * steps, 0, steps, trackers);
        } else {
          pass(train, trackers);
        }
        for (int i = 0; i < s; i++) {
          epochLogs[i][epoch + e] = trackers.get(i).results();
        }
      }
    }
    List<Log> logs = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      logs.add(new Log(epochLogs[i], null));
    }
    if (test != null) {
      trackers.forEach(MetricsTracker::reset);
      for (int i = 0; i < s; i++) {
        inputs.setOrder(0, i, null);
      }
      pass(test, trackers);
      for (int i = 0; i < s; i++) {
        logs.set(i, new Log(epochLogs[i], trackers.get(i).results()));
      }
    }
    return logs;
  }

  // One epoch in runs of at most perRun steps, in the orders' row 0.
  private void pass(Scan scan, List<MetricsTracker> trackers) {
    for (int step = 0; step < shape.steps(); step += perRun) {
      int count = Math.min(perRun, shape.steps() - step);
      track(scan.run(inputs, step, count), 0, step, count, trackers);
    }
  }

  /** The group's session, for tests that look at what it runs. */
  Session session() {
    return session;
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {inputs, stack, session, graph}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  // Steps [step, step + count) of an epoch from rows[at...]: each row holds every model's logs
  // side by side.
  private void track(float[][] rows, int at, int step, int count, List<MetricsTracker> trackers) {
    int s = trackers.size();
    int width = rows[0].length / s;
    for (int r = 0; r < count; r++) {
      for (int i = 0; i < s; i++) {
        float[] logs = new float[width];
        System.arraycopy(rows[at + r], i * width, logs, 0, width);
        trackers.get(i).update(logs, shape.size(step + r));
      }
    }
  }
}
