package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Each model's own graph, as {@code Sequential.fit} builds it ({@code ModelGraph}, {@code
 * TestFunction}, {@code TrainFunction}), under a name scope {@code model_i} of one shared Graph.
 * Same ops, same shapes and the same Grappler rewrites per model, so every number is the single
 * run's bit for bit; what is saved is the graph and session set-up and the per-run Java loop. The
 * models may differ in anything but their data and batch size.
 */
final class ExactGroupGraph implements GroupGraph {
  private final Graph graph;
  private final Session session;
  private final List<Placeholder<TFloat32>> x = new ArrayList<>();
  private final List<Placeholder<TFloat32>> y = new ArrayList<>();
  private final List<Op> trainOps = new ArrayList<>();
  private final Operand<TFloat32> logs;
  private final int width;

  /**
   * @param specs checked models with the same metrics count
   * @param config the session options
   */
  ExactGroupGraph(List<ModelSpec> specs, ConfigProto config) {
    graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      List<Operand<TFloat32>> perModel = new ArrayList<>();
      for (int i = 0; i < specs.size(); i++) {
        perModel.add(model(tf.withSubScope("model_" + i), specs.get(i)));
      }
      width = 1 + specs.get(0).metrics().size();
      logs = tf.withName("group_logs").stack(perModel);
      session = new Session(graph, config);
      session.initialize();
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  // ModelGraph's forward pass, TestFunction's logs and TrainFunction's update for one model.
  private Operand<TFloat32> model(Ops tf, ModelSpec s) {
    Placeholder<TFloat32> xi =
        tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.inputDim())));
    Placeholder<TFloat32> yi = tf.withName("y")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.outputUnits())));
    List<Variable<TFloat32>> weights = new ArrayList<>();
    Operand<TFloat32> h = xi;
    Dense last = null;
    int previous = 0;
    for (int j = 0; j <= s.units().size(); j++) {
      boolean output = j == s.units().size();
      Dense d = new Dense(output ? s.outputUnits() : s.units().get(j),
          output ? s.outputActivation() : s.activations().get(j), j == 0 ? s.inputDim() : 0);
      d.attach(j, previous);
      d.build(tf, Seeds.forLayer(s.seed(), j));
      h = d.call(tf, h);
      weights.add(d.kernel());
      weights.add(d.bias());
      previous = d.units();
      last = d;
    }
    Operand<TFloat32> logits = last.activation() == Activation.SIGMOID ? last.preActivation() : null;
    Operand<TFloat32> loss = Loss.get(s.loss()).call(tf, yi, h, logits);
    List<Operand<TFloat32>> logged = new ArrayList<>();
    logged.add(loss);
    for (String m : s.metrics()) {
      logged.add(Metric.get(m).batchTotal(tf, yi, h));
    }
    Operand<TFloat32> stepLogs = tf.withName("batch_logs").stack(logged);
    Optimizer optimizer =
        Optimizer.get(s.optimizer(), s.learningRate() == null ? Double.NaN : s.learningRate());
    trainOps.add(optimizer.minimize(tf, loss, weights));
    x.add(xi);
    y.add(yi);
    return stepLogs;
  }

  @Override
  public int size() {
    return x.size();
  }

  @Override
  public float[][] step(TFloat32[] xs, TFloat32[] ys, boolean train) {
    Session.Runner runner = session.runner().fetch(logs);
    for (int i = 0; i < x.size(); i++) {
      runner.feed(x.get(i), xs[i]).feed(y.get(i), ys[i]);
      if (train) {
        runner.addTarget(trainOps.get(i));
      }
    }
    try (Result r = runner.run()) {
      return unstack((TFloat32) r.get(0), x.size(), width);
    }
  }

  /** A float32 [s, w] tensor as s rows. */
  static float[][] unstack(TFloat32 t, int s, int w) {
    float[] flat = new float[s * w];
    t.copyTo(DataBuffers.of(flat, false, false));
    float[][] out = new float[s][w];
    for (int i = 0; i < s; i++) {
      System.arraycopy(flat, i * w, out[i], 0, w);
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
