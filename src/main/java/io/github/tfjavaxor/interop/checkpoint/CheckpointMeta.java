package io.github.tfjavaxor.interop.checkpoint;

import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.List;

/**
 * The JSON written next to a checkpoint ({@code PREFIX.json}): enough to rebuild the graph and to
 * continue training exactly.
 *
 * @param format {@link #FORMAT}
 * @param model the model description
 * @param featureNames input column names, in model order
 * @param targetNames output column names
 * @param data the data set the model was trained on ({@code xor}, a path, ...)
 * @param epoch epochs completed when saved (Keras's 1-based epoch number)
 * @param batchSize the batch size used, needed to continue with the same steps
 */
public record CheckpointMeta(
    String format,
    ModelSpec model,
    List<String> featureNames,
    List<String> targetNames,
    String data,
    int epoch,
    int batchSize) {
  /** The format tag of this version. */
  public static final String FORMAT = "tfjava-xor-checkpoint/1";

  /**
   * The same description at another epoch.
   *
   * @param completed the epochs completed (1-based epoch number)
   * @return a copy with that epoch
   */
  public CheckpointMeta atEpoch(int completed) {
    return new CheckpointMeta(format, model, featureNames, targetNames, data, completed, batchSize);
  }
}
