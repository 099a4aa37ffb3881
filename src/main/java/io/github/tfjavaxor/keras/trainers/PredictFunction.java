package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.CallbackList;
import io.github.tfjavaxor.keras.steps.PredictStep;
import io.github.tfjavaxor.keras.transforms.Scan;
import io.github.tfjavaxor.keras.transforms.ScanInputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keras's {@code predict_function}: {@link PredictStep} scanned over the batches of the rows to
 * predict, in one {@code session.run} for all of them (the inline forward pass is the model
 * graph's own, {@code x} to the output, which SavedModel export and the graph tour use). Forward
 * only; needs no compile.
 */
final class PredictFunction {
  private final ModelGraph graph;
  private final Map<List<Object>, Scan> scans = new HashMap<>();

  PredictFunction(ModelGraph g) {
    this.graph = g;
  }

  /**
   * The outputs of steps {@code [first, first + steps)} written into their rows of the buffer.
   *
   * @return float [n][outputDim], the buffer after the run
   */
  float[][] scan(ScanInputs in, Scan.DataShape shape, boolean jitCompile, int first, int steps) {
    Scan s = scans.computeIfAbsent(List.of(shape, jitCompile), k -> new Scan(graph.session(),
        graph.tf().withSubScope("predict_scan"),
        (tf, state, x, y) -> new Scan.Traced(state,
            PredictStep.call(tf, graph.layers(), TestFunction.weights(state), x).output()),
        graph.weights(), null, shape, Scan.Layout.ROWS,
        graph.layers().get(graph.layers().size() - 1).units(), jitCompile));
    return s.run(in, first, steps);
  }

  /**
   * Predicts every row of {@code pass}'s data; the predict hooks of {@code callbacks} per step.
   *
   * @return float [n][outputDim]
   */
  float[][] run(DataPass pass, boolean jitCompile, CallbackList callbacks, int verbose) {
    float[][] result = new float[pass.shape().rows()][];
    callbacks.onPredictBegin(pass.steps(), verbose);
    for (int step = 0; step < pass.steps(); ) {
      int n = pass.stepsAt(step);
      float[][] rows = scan(pass.inputs(), pass.shape(), jitCompile, step, n);
      for (int end = step + n; step < end; step++) {
        int from = step * pass.shape().batchSize();
        System.arraycopy(rows, from, result, from, pass.shape().size(step));
        callbacks.onPredictBatchEnd(step);
      }
    }
    callbacks.onPredictEnd();
    return result;
  }
}
