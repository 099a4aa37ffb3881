package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.initializers.GlorotUniform;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * One set of ops for S models of one architecture, over a leading model axis: each kernel is a
 * float32 [S, in, units] variable, each bias [S, 1, units], and a layer is {@code BatchMatMul →
 * Add → activation} on [S, batch, units]. Model i's initial weights are its single run's
 * (GlorotUniform with {@link Seeds#forLayer}), stacked; the loss is Keras's sum_over_batch_size per
 * model; the optimizer runs element-wise on the stacked variables with one learning rate per model
 * ({@link StackedUpdate}).
 *
 * <p>About 110 ops per step whatever S, so a step costs about what one model's does. But {@code
 * BatchMatMul} and the C++ gradients round differently from the single run's fused {@code MatMul}
 * kernels and Python-rule gradients (docs/development/performance-history.md, "Sweeps side by side"): numbers drift by
 * a few ulps and then as chaotically as any two float32 runs. Hence opt-in ({@code sweep --group
 * batched}).
 */
final class BatchedGroupGraph implements GroupGraph {
  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Operand<TFloat32> logs;
  private final Op trainOp;
  private final List<Variable<TFloat32>> weights = new ArrayList<>();
  private final int size;
  private final int width;

  /** @param specs models that differ only in seed and learning rate ({@link GroupKey}) */
  BatchedGroupGraph(List<ModelSpec> specs, ConfigProto config) {
    graph = new Graph();
    size = specs.size();
    ModelSpec first = specs.get(0);
    width = 1 + first.metrics().size();
    try {
      Ops tf = Ops.create(graph);
      x = tf.withName("x").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(size, -1, first.inputDim())));
      y = tf.withName("y").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(size, -1, first.outputUnits())));
      Operand<TFloat32> h = x;
      Operand<TFloat32> pre = null;
      int in = first.inputDim();
      int layers = first.units().size() + 1;
      for (int j = 0; j < layers; j++) {
        boolean output = j == layers - 1;
        int units = output ? first.outputUnits() : first.units().get(j);
        Activation act = Activation.get(output ? first.outputActivation() : first.activations().get(j));
        List<Operand<TFloat32>> kernels = new ArrayList<>();
        for (ModelSpec s : specs) {
          kernels.add(GlorotUniform.call(tf.withInitScope(), in, units, Seeds.forLayer(s.seed(), j)));
        }
        String name = j == 0 ? "dense" : "dense_" + j;
        Variable<TFloat32> kernel = tf.withName(name + "_kernel").variable(tf.withInitScope().stack(kernels));
        Variable<TFloat32> bias = tf.withName(name + "_bias").variable(
            tf.withInitScope().zeros(tf.constant(new long[] {size, 1, units}), TFloat32.class));
        // Identity: BatchMatMulV3's C++ gradient rejects a ref-typed (VariableV2) input.
        pre = tf.math.add(tf.train.batchMatMul(h, tf.identity(kernel), TFloat32.class), bias);
        h = act.apply(tf, pre);
        weights.add(kernel);
        weights.add(bias);
        in = units;
      }
      Operand<TFloat32> logits =
          Activation.get(first.outputActivation()) == Activation.SIGMOID ? pre : null;
      // Keras's sum_over_batch_size per model: sum over the batch axis / batch rows.
      Operand<TFloat32> rows = tf.dtypes.cast(
          tf.gather(tf.shape(y), tf.constant(1), tf.constant(0)), TFloat32.class);
      Operand<TFloat32> perSample = Loss.get(first.loss()).perSample(tf, y, h, logits);
      Operand<TFloat32> loss = tf.math.divNoNan(tf.reduceSum(perSample, tf.constant(1)), rows);
      List<Operand<TFloat32>> logged = new ArrayList<>();
      logged.add(loss);
      for (String m : first.metrics()) {
        logged.add(tf.reduceSum(Metric.get(m).perSample(tf, y, h, logits), tf.constant(1)));
      }
      logs = tf.withName("group_logs").stack(logged, org.tensorflow.op.core.Stack.axis(1L));
      // Model i's loss depends on model i's slice only, so d(sum)/d(slice i) = d(loss_i).
      Gradients g = tf.gradients(tf.reduceSum(loss, tf.constant(0)), weights);
      List<Output<TFloat32>> grads = new ArrayList<>();
      for (int i = 0; i < weights.size(); i++) {
        grads.add(g.dy(i));
      }
      float[] lrs = new float[size];
      for (int i = 0; i < size; i++) {
        lrs[i] = StackedUpdate.learningRate(specs.get(i));
      }
      trainOp = StackedUpdate.minimize(tf, first.optimizer(), lrs, weights, grads);
      session = new Session(graph, config);
      session.initialize();
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public float[][] step(TFloat32[] xs, TFloat32[] ys, boolean train) {
    try (TFloat32 xb = stack(xs); TFloat32 yb = stack(ys)) {
      Session.Runner runner = session.runner().feed(x, xb).feed(y, yb).fetch(logs);
      if (train) {
        runner.addTarget(trainOp);
      }
      try (Result r = runner.run()) {
        return ExactGroupGraph.unstack((TFloat32) r.get(0), size, width);
      }
    }
  }

  /** Model i's current weights, each flattened, in Keras's order (kernel, bias per layer). */
  List<float[]> weights(int model) {
    Session.Runner runner = session.runner();
    weights.forEach(runner::fetch);
    List<float[]> out = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < weights.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        float[] all = new float[(int) t.shape().size()];
        t.copyTo(DataBuffers.of(all, false, false));
        int per = all.length / size;
        out.add(java.util.Arrays.copyOfRange(all, model * per, (model + 1) * per));
      }
    }
    return out;
  }

  // [b, c] per model to one [S, b, c].
  private static TFloat32 stack(TFloat32[] parts) {
    long b = parts[0].shape().get(0);
    long c = parts[0].shape().get(1);
    int n = (int) (b * c);
    float[] flat = new float[parts.length * n];
    float[] one = new float[n];
    for (int i = 0; i < parts.length; i++) {
      if (i == 0 || parts[i] != parts[i - 1]) {
        parts[i].copyTo(DataBuffers.of(one, false, false));
      }
      System.arraycopy(one, 0, flat, i * n, n);
    }
    return TFloat32.tensorOf(Shape.of(parts.length, b, c), DataBuffers.of(flat, true, false));
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
