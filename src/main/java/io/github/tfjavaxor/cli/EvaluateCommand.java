package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.Checkpoints;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code evaluate}: Keras's {@code model.evaluate} of a saved model on a data set. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluate a saved model (from train --save) on a data set: loss and metrics.",
    footer = ExitCodes.HELP)
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;

  @Option(names = "--model", paramLabel = "PREFIX", required = true, description = "a checkpoint written by train --save or --checkpoint")
  Path model;

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "samples per step (default: ${DEFAULT-VALUE})")
  int batchSize;

  @Override
  public Integer call() throws Exception {
    if (batchSize < 1) {
      throw new UsageException("--batch-size: expected an integer >= 1, found " + batchSize);
    }
    data.check();
    CheckpointMeta meta = Checkpoints.readMeta(model);
    Dataset d = data.load();
    checkColumns(meta, d);
    try (Sequential m = Checkpoints.restore(model, meta)) {
      float[] scores = m.evaluate(d.x(), d.y(), batchSize, 0);
      StringBuilder line = new StringBuilder("loss: " + PyFormat.metric(scores[0]));
      List<String> names = m.compiledMetricNames();
      for (int i = 0; i < names.size(); i++) {
        line.append(" - ").append(names.get(i)).append(": ").append(PyFormat.metric(scores[i + 1]));
      }
      parent.out.println(line);
    }
    return ExitCodes.OK;
  }

  static void checkColumns(CheckpointMeta meta, Dataset d) throws DataException {
    if (meta.model().inputDim() != d.features() || meta.model().outputUnits() != d.targets()) {
      throw new DataException(d.name(), "the model takes " + meta.model().inputDim() + " features "
          + meta.featureNames() + " and " + meta.model().outputUnits() + " target(s); the data has "
          + d.features() + " " + d.featureNames() + " and " + d.targets());
    }
  }
}
