package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.steps.TrainStep;
import io.github.tfjavaxor.keras.transforms.Inline;
import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.op.Op;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Keras's {@code train_function}: {@link TrainStep} composed two ways on the model's graph.
 *
 * <ul>
 *   <li>{@link Inline}, one {@code session.run} per batch: the test function's forward pass,
 *       loss and logs, then {@link TrainStep#update} (gradients under {@code gradients/}, the
 *       optimizer under {@code adam/}) and every new value assigned back ({@code
 *       adam/apply_gradients}). The reference the other paths are tested against, and the graph
 *       TensorBoard shows.
 *   <li>Scanned ({@link Scan}): the whole step traced into a loop over many batches, one or
 *       several epochs per run, under XLA when {@code jit_compile} resolves to true.
 * </ul>
 *
 * <p>Building it creates the optimizer's variables (Keras's {@code optimizer.build}) and
 * initialises them.
 */
final class TrainFunction {
  private final ModelGraph graph;
  private final TestFunction test;
  private final CompileConfig config;
  private final List<Variable<?>> optimizerVariables;
  private final Op trainOp;
  private final OptimizerState state;
  private final Map<List<Object>, Scan> scans = new HashMap<>();

  TrainFunction(ModelGraph g, TestFunction test, CompileConfig config) {
    this.graph = g;
    this.test = test;
    this.config = config;
    Inline.Train inline = Inline.train(g.tf(), config.optimizer(), g.weights(), test.loss());
    trainOp = inline.op();
    optimizerVariables = inline.optimizerVariables();
    g.session().initialize();
    this.state = new OptimizerState(g, config.optimizer(), optimizerVariables);
  }

  /** The optimizer's variables in Keras's layout. */
  OptimizerState state() {
    return state;
  }

  /** One inline step: {@code [loss, metric totals...]} before the update, then the update. */
  float[] run(TFloat32 xBatch, TFloat32 yBatch) {
    return test.run(xBatch, yBatch, trainOp);
  }

  /**
   * Steps {@code [first, first + steps)} counted from the start of the epoch whose row order is
   * {@code in}'s row 0, in one run; the weights and the optimizer state are written back after.
   *
   * @return float [steps (or more)][1 + metrics], row i the logs of step first + i
   */
  float[][] scan(ScanInputs in, Scan.DataShape shape, boolean jitCompile, int first, int steps) {
    Scan s = scans.computeIfAbsent(List.of(shape, jitCompile), k -> new Scan(graph.session(),
        graph.tf().withSubScope("train_scan"), (tf, st, x, y) -> {
          TrainStep.Result r = TrainStep.call(tf, graph.layers(), config.loss(),
              config.metrics(), config.optimizer(), st, x, y);
          return new Scan.Traced(r.state(), r.logs());
        }, variables(), variables(), shape, Scan.Layout.PER_STEP, 1 + config.metrics().size(),
        jitCompile));
    return s.run(in, first, steps);
  }

  // The train step's state: the weights, then the optimizer's variables.
  private List<Variable<?>> variables() {
    List<Variable<?>> all = new ArrayList<>(graph.weights());
    all.addAll(optimizerVariables);
    return all;
  }
}
