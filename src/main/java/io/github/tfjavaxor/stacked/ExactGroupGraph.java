package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.backend.WeightVariables;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.steps.PredictStep;
import io.github.tfjavaxor.keras.steps.TestStep;
import io.github.tfjavaxor.keras.transforms.Inline;
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
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Each model's own graph, as {@code Sequential.fit} builds its inline step ({@code PredictStep},
 * {@code TestStep}, {@code Inline.train}), under a name scope {@code model_i} of one shared Graph.
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

  // One model: its weights, the predict and test steps on them, and the inline train step.
  private Operand<TFloat32> model(Ops tf, ModelSpec s) {
    Placeholder<TFloat32> xi =
        tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.inputDim())));
    Placeholder<TFloat32> yi = tf.withName("y")
        .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, s.outputUnits())));
    List<Dense> layers = new ArrayList<>();
    int previous = 0;
    for (int j = 0; j <= s.units().size(); j++) {
      boolean output = j == s.units().size();
      Dense d = new Dense(output ? s.outputUnits() : s.units().get(j),
          output ? s.outputActivation() : s.activations().get(j), j == 0 ? s.inputDim() : 0);
      d.attach(j, previous);
      previous = d.units();
      layers.add(d);
    }
    WeightVariables w = WeightVariables.create(tf, layers, s.seed());
    PredictStep.Prediction p = PredictStep.call(w.scopes(), layers, w.variables(), xi);
    List<Metric> metrics = s.metrics().stream().map(Metric::get).toList();
    TestStep.Logs logs = TestStep.call(tf, Loss.get(s.loss()), metrics, p, yi);
    Optimizer optimizer =
        Optimizer.get(s.optimizer(), s.learningRate() == null ? Double.NaN : s.learningRate());
    trainOps.add(Inline.train(tf, optimizer, w.variables(), logs.loss()).op());
    x.add(xi);
    y.add(yi);
    return logs.logs();
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
