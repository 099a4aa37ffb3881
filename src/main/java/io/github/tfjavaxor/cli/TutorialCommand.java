package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.interop.tensorboard.TensorBoard;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.tutorial.ModelTutorial;
import io.github.tfjavaxor.tutorial.XorTutorial;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.tensorflow.proto.ConfigProto;
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
    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "seeds the initial weights (default: ${DEFAULT-VALUE})", converter = Numbers.Seed.class)
    long seed;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000", description = "training epochs, >= 1 (default: ${DEFAULT-VALUE})", converter = Numbers.PositiveInt.class)
    int epochs;

    @Option(names = "--verbose", paramLabel = "0|1|2", defaultValue = "1", description = "0 silent, 1 progress bar, 2 one line per epoch (default: ${DEFAULT-VALUE})", converter = Numbers.Verbose.class)
    int verbose;

    @Option(names = "--tensorboard", paramLabel = "DIR", description = "write the graph to DIR/train for TensorBoard's Graphs dashboard, as Keras's TensorBoard(write_graph=True)")
    Path tensorboard;

    @Mixin DeviceOptions device = new DeviceOptions();

    void check() {
      if (tensorboard != null && Files.exists(tensorboard) && !Files.isDirectory(tensorboard)) {
        throw new UsageException("--tensorboard: expected a directory, found a file: " + tensorboard);
      }
      device.choice();
      device.jitCompile();
    }
  }

  @Override
  public Integer call() {
    return run(options, parent.out, parent.err);
  }

  /**
   * The tutorial as the options ask: the line-by-line port ({@code XorTutorial}), or, when {@code
   * --jit-compile} resolves to true, the same script on the model API compiled with XLA ({@code
   * ModelTutorial}); with {@code --tensorboard}, its graph for TensorBoard.
   */
  static int run(TutorialOptions options, PrintStream out, PrintStream err) {
    options.check();
    ConfigProto config = options.device.resolve(err);
    boolean gpu = options.device.onGpu();
    if (options.device.jitCompile().resolve(gpu)) {
      List<Callback> callbacks = options.tensorboard == null ? List.of()
          : List.of(new TensorBoard(options.tensorboard, 0));
      ModelTutorial.run(options.seed, options.epochs, options.verbose, out, config,
          JitCompile.TRUE, gpu, callbacks);
      return ExitCodes.OK;
    }
    XorTutorial.Run run =
        XorTutorial.run(options.seed, options.epochs, options.verbose, out, config);
    if (options.tensorboard != null) {
      TensorBoard.writeGraph(run.graph(), options.tensorboard);
    }
    return ExitCodes.OK;
  }
}
