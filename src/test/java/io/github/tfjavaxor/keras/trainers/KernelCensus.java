package io.github.tfjavaxor.keras.trainers;

import java.util.Map;
import java.util.TreeMap;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.RunOptions;

/**
 * The kernels that do a step's math, by op type, in a run's partition graphs: what the executor
 * really ran, after Grappler and the oneDNN rewrite. Two paths that run the same kernels round
 * alike on every CPU.
 */
public final class KernelCensus {
  private KernelCensus() {}

  /** Runs {@code runner} and counts its MatMul, BiasAdd and activation kernels. */
  public static Map<String, Integer> of(Session.Runner runner) {
    RunOptions options = RunOptions.newBuilder().setOutputPartitionGraphs(true).build();
    Map<String, Integer> census = new TreeMap<>();
    try (Result r = runner.setOptions(options).runAndFetchMetadata()) {
      for (GraphDef g : r.getMetadata().orElseThrow().getPartitionGraphsList()) {
        for (NodeDef n : g.getNodeList()) {
          if (n.getOp().matches(".*(MatMul|BiasAdd|Relu|Sigmoid|Tanh).*")) {
            census.merge(n.getOp(), 1, Integer::sum);
          }
        }
      }
    }
    return census;
  }
}
