package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.CallbackList;
import io.github.tfjavaxor.keras.steps.PredictStep;
import io.github.tfjavaxor.keras.steps.TestStep;
import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code test_function}: {@link TestStep} composed two ways on the model's graph. Inline,
 * on the model's forward pass, fed one batch per {@code session.run} ({@code y}, {@code
 * compile_loss/...}, {@code batch_logs}); and scanned over the batches of a data set in one run,
 * built for each data shape on first use. Creates no variables: evaluating never builds optimizer
 * state.
 */
final class TestFunction {
  private final ModelGraph graph;
  private final CompileConfig config;
  private final Placeholder<TFloat32> y;
  private final TestStep.Logs inline;
  private final Map<List<Object>, Scan> scans = new HashMap<>();

  /** Adds y [-1, outputDim] and the test step on the model's forward pass to its graph. */
  TestFunction(ModelGraph g, CompileConfig config, int outputDim) {
    this.graph = g;
    this.config = config;
    y = g.tf().withName("y").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, outputDim)));
    inline = TestStep.call(g.tf(), config.loss(), config.metrics(),
        new PredictStep.Prediction(g.output(), g.logits()), y);
  }

  /** The inline loss, float32 [], for the train function to differentiate. */
  Operand<TFloat32> loss() {
    return inline.loss();
  }

  /** One step without an update: {@code [loss, metric totals...]}. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch) {
    return run(xBatch, yBatch, null);
  }

  /** One step that also runs {@code target} (the train op) after computing the logs. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch, Op target) {
    Session.Runner runner = graph.session().runner().feed(graph.x(), xBatch).feed(y, yBatch)
        .fetch(inline.logs());
    if (target != null) {
      runner.addTarget(target);
    }
    try (Result r = runner.run()) {
      TFloat32 logs = (TFloat32) r.get(0);
      float[] out = new float[(int) logs.shape().size(0)];
      for (int i = 0; i < out.length; i++) {
        out[i] = logs.getFloat(i);
      }
      return out;
    }
  }

  /**
   * Steps {@code [first, first + steps)} of a pass over {@code in}'s data in one run.
   *
   * @return float [steps][1 + metrics], each step's logs
   */
  float[][] scan(ScanInputs in, Scan.DataShape shape, boolean jitCompile, int first, int steps) {
    Scan s = scans.computeIfAbsent(List.of(shape, jitCompile), k -> new Scan(graph.session(),
        graph.tf().withSubScope("test_scan"),
        (tf, state, x, yb) -> new Scan.Traced(state, TestStep.call(tf, config.loss(),
            config.metrics(), PredictStep.call(tf, graph.layers(), weights(state), x), yb).logs()),
        graph.weights(), null, shape, Scan.Layout.PER_STEP, 1 + config.metrics().size(),
        jitCompile));
    return s.run(in, first, steps);
  }

  /**
   * A pass over {@code pass}'s data: each run's step logs into {@code metrics}, and the test hooks
   * of {@code callbacks} per step.
   */
  void run(DataPass pass, boolean jitCompile, CallbackList callbacks, MetricsTracker metrics,
      int verbose) {
    callbacks.onTestBegin(pass.steps(), verbose);
    for (int step = 0; step < pass.steps(); ) {
      int n = pass.stepsAt(step);
      float[][] logs = scan(pass.inputs(), pass.shape(), jitCompile, step, n);
      for (int i = 0; i < n; i++, step++) {
        metrics.update(logs[i], pass.shape().size(step));
        callbacks.onTestBatchEnd(step, metrics.logs());
      }
    }
    callbacks.onTestEnd(metrics.logs());
  }

  @SuppressWarnings("unchecked")
  static List<Operand<TFloat32>> weights(List<? extends Operand<?>> state) {
    return state.stream().map(w -> (Operand<TFloat32>) w).toList();
  }
}
