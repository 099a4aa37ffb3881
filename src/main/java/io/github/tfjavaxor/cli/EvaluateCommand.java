package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.DataException;
import io.github.tfjavaxor.datasets.Dataset;
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
    description = "Evaluate a saved model (a .keras or .h5 file, or a checkpoint from train --save) on a data"
        + " set: loss and metrics, as Keras's model.evaluate.",
    footer = ExitCodes.HELP)
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;

  @Option(names = "--model", paramLabel = "PATH", required = true, description = "a Keras 3 .keras file or a legacy Keras .h5 model file (compiled: it has a compile_config), or a checkpoint prefix written by train --save or --checkpoint")
  Path model;

  @Mixin DataOptions data = new DataOptions();

  @Option(names = "--batch-size", paramLabel = "N", defaultValue = "32", description = "samples per step (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
  int batchSize;

  @Override
  public Integer call() throws Exception {
    data.check();
    ModelFiles.Source source = ModelFiles.read(model, false);
    if (!source.compiled()) {
      throw new DataException(model.toString(), "no compile_config: the model was saved before"
          + " compile(), so it has no loss to evaluate (Keras: \"You must call compile() before"
          + " using the model\")");
    }
    if (source.compileError() != null && source.evaluation() == null) {
      throw new DataException(model.toString(), source.compileError().getMessage()
          + "; evaluate needs the loss and metrics");
    }
    // A checkpoint names its features: take them by name, as predict does, not by position.
    Dataset d = data.load().inModelOrder(source.featureNames());
    checkColumns(source, d);
    try (Sequential m = source.openForEvaluation()) {
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

  static void checkColumns(ModelFiles.Source source, Dataset d) throws DataException {
    if (source.inputDim() != d.features() || source.outputDim() != d.targets()) {
      throw new DataException(d.name(), "the model takes " + source.inputDim() + " features "
          + (source.featureNames() == null ? "" : source.featureNames() + " ") + "and "
          + source.outputDim() + " target(s); the data has " + d.features() + " "
          + d.featureNames() + " and " + d.targets());
    }
  }
}
