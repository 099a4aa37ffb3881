package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code summary}: Keras's {@code model.summary()} for the model flags or a saved model. */
@Command(name = "summary", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print Keras's model.summary() table for the model flags (sized for --data) or a saved model.",
    footer = ExitCodes.HELP)
final class SummaryCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();
  @Mixin ModelOptions model = new ModelOptions();

  @Option(names = "--model", paramLabel = "PATH", description = "summarise a Keras 3 .keras file or a legacy Keras .h5 model file (the table Keras prints for it) or a checkpoint prefix instead of the flags")
  Path saved;

  @Override
  public Integer call() throws Exception {
    if (saved != null) {
      for (String name : ModelOptions.NAMES) {
        if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
          throw new UsageException(name + ": not allowed with --model; the model comes from the file");
        }
      }
      ModelFiles.Source source = ModelFiles.read(saved, false);
      // Loaded with its optimizer state, as keras.models.load_model(...).summary() shows it;
      // compile settings the port cannot use are left out, as load_model(compile=False).
      if (source.compileError() != null) {
        parent.err.println("summary: " + source.compileError().getMessage() + "; the model is"
            + " shown uncompiled, without optimizer params");
      }
      try (Sequential m = source.open(source.compileError() == null)) {
        parent.out.print(m.summary());
      }
      return ExitCodes.OK;
    }
    data.check();
    Dataset d = data.load();
    ModelSpec ms = model.spec(d.features(), d.targets());
    // summary() needs only the layer list, no graph.
    try (Sequential m = ms.build()) {
      parent.out.print(m.summary());
    }
    return ExitCodes.OK;
  }
}
