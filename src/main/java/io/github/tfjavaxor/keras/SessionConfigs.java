package io.github.tfjavaxor.keras;

import org.tensorflow.proto.ConfigProto;

/**
 * Session options for small models.
 *
 * <p>One intra-op and one inter-op thread by default: the tutorial's ops are far too small to split,
 * and handing each one to a thread pool costs more than the op (see {@code docs/performance.md}).
 * Values do not depend on the thread count.
 */
public final class SessionConfigs {

  /** One intra-op and one inter-op thread. */
  public static final ConfigProto DEFAULT = threads(1, 1);

  private SessionConfigs() {}

  /**
   * @param intraOp threads inside one op, &gt;= 0 (0 lets TensorFlow choose)
   * @param interOp ops run in parallel, &gt;= 0 (0 lets TensorFlow choose)
   * @throws IllegalArgumentException if a count is negative
   */
  public static ConfigProto threads(int intraOp, int interOp) {
    if (intraOp < 0 || interOp < 0) {
      throw new IllegalArgumentException(
          "threads: expected counts >= 0, found intraOp=" + intraOp + ", interOp=" + interOp);
    }
    return ConfigProto.newBuilder()
        .setIntraOpParallelismThreads(intraOp)
        .setInterOpParallelismThreads(interOp)
        .build();
  }
}
