package io.github.tfjavaxor.keras;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;

/**
 * Session options for small models.
 *
 * <p>By default ops run one at a time in the calling thread ({@code inter_op_parallelism_threads =
 * -1}) with one intra-op thread: the tutorial's ops are far too small to split, and handing each
 * step to a thread pool costs more than the step's arithmetic (see {@code docs/development/performance-history.md}).
 * Values do not depend on these settings.
 */
public final class SessionConfigs {

  /** One intra-op thread; ops run in the caller's thread. */
  public static final ConfigProto DEFAULT =
      ConfigProto.newBuilder()
          .setIntraOpParallelismThreads(1)
          .setInterOpParallelismThreads(-1)
          .build();

  /**
   * {@link #DEFAULT} for a graph of many stacked models (a sweep's group): Grappler optimizes once
   * instead of twice and skips its memory optimizer. On S copies of the step the second pass and the
   * memory optimizer change no kernel (each run's bits stay those of its single fit, {@code
   * GroupFitTest}) and cost about a fifth of the group's compile time.
   */
  public static final ConfigProto STACKED =
      DEFAULT.toBuilder()
          .setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder()
              .setMetaOptimizerIterations(RewriterConfig.NumIterationsType.ONE)
              .setMemoryOptimization(RewriterConfig.MemOptType.NO_MEM_OPT)))
          .build();

  private SessionConfigs() {}

  /**
   * Session options with these thread pools, TensorFlow's {@code ConfigProto} thread counts.
   *
   * @param intraOp threads inside one op, &gt;= 0 (0 lets TensorFlow choose)
   * @param interOp ops run in parallel, &gt;= 0 (0 lets TensorFlow choose), or -1 to run every op
   *     in the calling thread
   * @return the options, nothing else set
   * @throws IllegalArgumentException if a count is out of range
   */
  public static ConfigProto threads(int intraOp, int interOp) {
    if (intraOp < 0 || interOp < -1) {
      throw new IllegalArgumentException(
          "threads: expected counts >= 0, found intraOp=" + intraOp + ", interOp=" + interOp);
    }
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOp)
        .setInterOpParallelismThreads(interOp)
        .build();
  }
}
