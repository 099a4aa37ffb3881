package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.tutorial.XorTutorial;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code tutorial}: the line-by-line port, as it prints in Keras. The default subcommand. */
@Command(name = "tutorial", mixinStandardHelpOptions = true,
    description = "Run the tutorial: XOR, Dense(16, relu) -> Dense(1, sigmoid), MSE, Adam, 1000 epochs.",
    footer = ExitCodes.HELP)
final class TutorialCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;
  @Mixin TutorialOptions options = new TutorialOptions();

  /** The tutorial's three options. */
  static final class TutorialOptions {
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seeds the initial weights (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000", description = "training epochs, >= 1 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "1", description = "0 silent, 1 progress bar, 2 one line per epoch (default: ${DEFAULT-VALUE})")
    int verbose;

    @Option(names = "--tensorboard", paramLabel = "DIR", description = "write the graph to DIR/train for TensorBoard's Graphs dashboard, as Keras's TensorBoard(write_graph=True)")
    Path tensorboard;

    @Mixin DeviceOptions device = new DeviceOptions();

    void check() {
      if (epochs < 1) {
        throw new UsageException("--epochs: expected an integer >= 1, found " + epochs);
      }
      if (verbose < 0 || verbose > 2) {
        throw new UsageException("--verbose: expected 0, 1 or 2, found " + verbose);
      }
      if (tensorboard != null && Files.exists(tensorboard) && !Files.isDirectory(tensorboard)) {
        throw new UsageException("--tensorboard: expected a directory, found a file: " + tensorboard);
      }
      device.choice();
    }
  }

  @Override
  public Integer call() {
    options.check();
    XorTutorial.run(
        options.seed, options.epochs, options.verbose, parent.out, options.device.resolve(parent.err),
        options.tensorboard);
    return ExitCodes.OK;
  }
}
