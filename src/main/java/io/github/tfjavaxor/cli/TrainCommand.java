package io.github.tfjavaxor.cli;

import io.github.tfjavaxor.datasets.Dataset;
import io.github.tfjavaxor.interop.HistoryCsv;
import io.github.tfjavaxor.interop.checkpoint.CheckpointMeta;
import io.github.tfjavaxor.interop.checkpoint.ModelCheckpoint;
import io.github.tfjavaxor.interop.tensorboard.TensorBoard;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.EarlyStopping;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.callbacks.Monitor;
import io.github.tfjavaxor.keras.callbacks.TerminateOnNaN;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.KeyboardInterrupt;
import io.github.tfjavaxor.keras.utils.PyFormat;
import io.github.tfjavaxor.parity.Comparison;
import io.github.tfjavaxor.plots.BoundaryPlot;
import io.github.tfjavaxor.plots.CurvesPlot;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code train}: fit a model, print its evaluation, and write the requested files. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Train a model on a data set and report loss and metrics.",
    footer = ExitCodes.HELP)
final class TrainCommand implements Callable<Integer> {
  @ParentCommand TfjavaXor parent;
  @Spec CommandSpec spec;
  @Mixin DataOptions data = new DataOptions();
  @Mixin ModelOptions model = new ModelOptions();
  @Mixin FitOptions fit = new FitOptions();

  @Option(names = "--save", paramLabel = "PATH", description = "write the trained model: " + ModelFiles.SAVE_RULE)
  String save;

  @Option(names = {"--from", "--resume"}, paramLabel = "PATH", description = "start from a saved model, with its optimizer state where the file has one, and train up to --epochs in total:"
      + " PATH.keras or PATH.h5 (model and compile settings from the file), PATH.weights.h5 (with the model flags), or a checkpoint prefix (model and batch size from the checkpoint)")
  Path from;

  @Option(names = "--initial-epoch", paramLabel = "K", description = "the epoch to start at, as Keras's fit(initial_epoch=K); --epochs stays the total (default: 0; with --from a checkpoint its epoch, with .keras or .weights.h5 the optimizer's iterations / steps per epoch when that divides exactly, else 0)", converter = Numbers.NonNegativeInt.class)
  Integer initialEpochFlag;

  @Option(names = "--plot", paramLabel = "PNG", description = "loss and metrics per epoch")
  Path plot;

  @Option(names = "--plot-boundary", paramLabel = "PNG", description = "the learned decision surface with the training points (2-input data only)")
  Path plotBoundary;

  @Option(names = "--history-csv", paramLabel = "CSV", description = "per-epoch metrics, as Keras's CSVLogger")
  Path historyCsv;

  @Option(names = "--tensorboard", paramLabel = "DIR", description = "write TensorBoard event files to DIR/train (and the val_ metrics to DIR/validation), as Keras's TensorBoard callback")
  Path tensorboard;

  @Option(names = "--histogram-freq", paramLabel = "N", defaultValue = "0", description = "with --tensorboard: weight histograms every N epochs; 0 for none, Keras's default (default: ${DEFAULT-VALUE})", converter = Numbers.NonNegativeInt.class)
  int histogramFreq;

  @Option(names = "--early-stopping", description = "stop when --monitor stops improving (Keras EarlyStopping)")
  boolean earlyStopping;

  @Option(names = "--monitor", paramLabel = "METRIC", description = "what EarlyStopping and --checkpoint watch (default: val_loss with --validation-split or --validation-data, as Keras; loss without validation)")
  String monitor;

  @Option(names = "--mode", paramLabel = "auto|min|max", defaultValue = "auto", description = "direction of --monitor (default: ${DEFAULT-VALUE})")
  String mode;

  @Option(names = "--min-delta", paramLabel = "X", defaultValue = "0", description = "EarlyStopping min_delta (default: ${DEFAULT-VALUE})", converter = Numbers.Finite.class)
  double minDelta;

  @Option(names = "--patience", paramLabel = "N", defaultValue = "0", description = "EarlyStopping patience (default: ${DEFAULT-VALUE})", converter = Numbers.NonNegativeInt.class)
  int patience;

  @Option(names = "--restore-best-weights", description = "EarlyStopping restore_best_weights")
  boolean restoreBestWeights;

  @Option(names = "--baseline", paramLabel = "X", description = "EarlyStopping baseline: wait resets only on beating it (default: none)", converter = Numbers.Finite.class)
  Double baseline;

  @Option(names = "--start-from-epoch", paramLabel = "N", defaultValue = "0", description = "EarlyStopping start_from_epoch: epochs to ignore first (default: ${DEFAULT-VALUE})", converter = Numbers.NonNegativeInt.class)
  int startFromEpoch;

  @Option(names = "--terminate-on-nan", description = "stop when the loss becomes NaN or infinite (Keras TerminateOnNaN)")
  boolean terminateOnNaN;

  @Option(names = "--checkpoint", paramLabel = "PATH", description = "Keras ModelCheckpoint: save after each epoch; PATH.keras writes a Keras 3 model file, PATH.h5 Keras's legacy HDF5 model, PATH.weights.h5 Keras weights, a name without an extension a TF checkpoint prefix (with optimizer state, for --resume); PATH is formatted as Keras's: {epoch}, {epoch:02d}, {loss:.3f}, {val_loss}")
  String checkpoint;

  @Option(names = "--save-best-only", description = "with --checkpoint: save only when --monitor improves")
  boolean saveBestOnly;

  @Mixin DeviceOptions device = new DeviceOptions();

  @Override
  public Integer call() throws Exception {
    // 1. Usage checks: nothing native yet.
    fit.check();
    device.choice();
    device.jitCompile();
    TrainFrom start = from == null ? null
        : TrainFrom.check(from, spec.commandLine().getParseResult(), save, checkpoint);
    if (saveBestOnly && checkpoint == null) {
      throw new UsageException("--save-best-only: needs --checkpoint PATH");
    }
    // Options of a callback that is not there would be dropped without a word.
    var given = spec.commandLine().getParseResult();
    for (String o : List.of("--restore-best-weights", "--patience", "--baseline",
        "--start-from-epoch")) {
      if (!earlyStopping && given.hasMatchedOption(o)) {
        throw new UsageException(o + ": an EarlyStopping option; needs --early-stopping");
      }
    }
    if (tensorboard == null && given.hasMatchedOption("--histogram-freq")) {
      throw new UsageException("--histogram-freq: a TensorBoard option; needs --tensorboard DIR");
    }
    if (save != null) {
      ModelFiles.checkOutputName("--save", save);
    }
    if (checkpoint != null) {
      ModelFiles.checkOutputName("--checkpoint", checkpoint);
      if (checkpoint.endsWith("/")) { // Keras's ModelCheckpoint writes a file, never a directory
        throw new UsageException("--checkpoint " + checkpoint + ": expected a file path"
            + " (PATH.keras, PATH.h5, PATH.weights.h5 or a checkpoint prefix), found a directory"
            + " path; --save DIR/ writes a SavedModel after the last epoch");
      }
    }
    data.check();
    // 2. Files: outputs writable and apart, inputs fully read and checked.
    TrainOutputs.check(this);
    if (start != null) {
      start.read();
    }
    // A checkpoint names its features: take them by name, as predict does, not by position.
    Dataset d = data.load().inModelOrder(start == null ? null : start.featureNames());
    Dataset validation = fit.loadValidation(d);
    if (monitor == null) {
      monitor = fit.validates() ? "val_loss" : "loss";
    }
    ModelSpec flags = start != null && start.modelFromFile() ? null : model.spec(d.features(), d.targets());
    ModelSpec ms = start == null ? flags : start.spec(flags);
    if (start != null) {
      start.checkData(d, data.data, fit.batchSize);
    } else if (ms.outputUnits() != d.targets()) {
      throw new UsageException("model output size does not match the data");
    }
    if (plotBoundary != null && d.features() != 2) {
      throw new UsageException("--plot-boundary: needs 2-input data, found " + d.features() + " features in " + d.name());
    }
    checkMonitor(start == null ? ms.metrics() : start.metrics(flags));
    CheckpointMeta meta = ms == null ? null : new CheckpointMeta(CheckpointMeta.FORMAT, ms, d.featureNames(),
        d.targetNames(), d.name(), 0, fit.batchSize);
    int initialEpoch = initialEpochFlag != null ? initialEpochFlag : start == null ? 0
        : start.epochsDone(TrainFrom.trainRows(d, fit.validationSplit), fit.batchSize, parent.err);

    // 3. Native work.
    boolean fileModel = start != null && start.modelFromFile();
    try {
      Interrupts.check(initialEpoch, fit.epochs); // the data took long to read
    } catch (KeyboardInterrupt e) {
      throw TrainOutputs.interrupted(e, checkpoint, null, save);
    }
    org.tensorflow.proto.ConfigProto session = fileModel ? null : device.resolve(parent.err);
    try (Sequential m = start != null ? start.open(ms, session) : ms.build()) {
      if (session != null && start == null) {
        m.setSessionConfig(session);
      }
      m.setAcceleratorVisible(device.onGpu());
      m.setJitCompile(device.jitCompile());
      m.setStepsPerExecution(fit.stepsPerExecution);
      m.setProgressStream(parent.out);
      List<Callback> callbacks = new ArrayList<>();
      TerminateOnNaN nan = null;
      if (terminateOnNaN) {
        nan = new TerminateOnNaN(false, parent.err::println);
        callbacks.add(nan);
      }
      if (earlyStopping) {
        callbacks.add(new EarlyStopping(monitor, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch,
            parent.err::println));
      }
      ModelCheckpoint ck = checkpoint == null ? null : new ModelCheckpoint(checkpoint, monitor,
          mode, saveBestOnly, meta, fit.verbose > 0 ? parent.err::println : null);
      if (ck != null) {
        callbacks.add(ck);
      }
      if (tensorboard != null) {
        Files.createDirectories(tensorboard);
        callbacks.add(new TensorBoard(tensorboard, histogramFreq));
      }
      if (initialEpoch > 0 && initialEpoch >= fit.epochs) {
        parent.err.println("train: the model already has " + initialEpoch + " epochs (--epochs " + fit.epochs + "); nothing to train");
      }
      // epochs <= initial epoch trains nothing and returns an empty History, as Keras's fit does.
      History h;
      try {
        h = m.fit(d.x(), d.y(), fit.args(validation).callbacks(callbacks).initialEpoch(initialEpoch).build());
        Interrupts.check(initialEpoch + h.epoch().size(), fit.epochs); // none of the files below
      } catch (KeyboardInterrupt e) {
        throw TrainOutputs.interrupted(e, checkpoint, ck, save);
      }
      int epochsRun = h.epoch().size();
      int lastEpoch = initialEpoch + epochsRun;
      float[] scores = m.evaluate(d.x(), d.y(), fit.batchSize, 0);
      report(m, h, scores, initialEpoch, lastEpoch, nan, d);
      if (save != null) {
        ModelFiles.save(save, m, meta == null ? null : meta.atEpoch(lastEpoch));
      }
      List<Integer> oneBased = h.epoch().stream().map(e -> e + 1).toList();
      if (historyCsv != null) {
        HistoryCsv.write(historyCsv, h.epoch(), h.history());
      }
      if (plot != null) {
        CurvesPlot.write(plot, oneBased, h.history());
      }
      if (plotBoundary != null) {
        BoundaryPlot.write(plotBoundary, d.x(), d.y(), g -> m.predict(g, g.length, 0), d.featureNames());
      }
    }
    return ExitCodes.OK;
  }

  private void checkMonitor(List<String> metrics) {
    if (!earlyStopping && checkpoint == null) {
      return;
    }
    List<String> keys = new ArrayList<>(metrics);
    keys.add("loss");
    if (fit.validates()) {
      new ArrayList<>(keys).forEach(k -> keys.add("val_" + k));
    }
    TrainOutputs.checkFields(checkpoint, keys);
    if (!keys.contains(monitor)) {
      throw new UsageException("--monitor: expected one of the logged metrics " + keys + ", found '" + monitor + "'");
    }
    try {
      new Monitor(monitor, mode, minDelta);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--monitor/--mode: " + e.getMessage());
    }
  }

  private void report(Sequential m, History h, float[] scores, int initialEpoch, int lastEpoch,
      TerminateOnNaN nan, Dataset d) {
    StringBuilder line = new StringBuilder("evaluate: loss: " + PyFormat.metric(scores[0]));
    List<String> names = m.compiledMetricNames();
    for (int i = 0; i < names.size(); i++) {
      line.append(" - ").append(names.get(i)).append(": ").append(PyFormat.metric(scores[i + 1]));
    }
    if (fit.validationSplit > 0) {
      // The tutorial's model.evaluate(x, y) after fit(x, y, validation_split=...): every row.
      int held = d.rows() - FitArgs.splitIndex(d.rows(), fit.validationSplit);
      line.append(" (all ").append(d.rows()).append(" rows: the ").append(held)
          .append(held == 1 ? " validation row" : " validation rows").append(" included)");
    }
    parent.out.println(line);
    parent.out.println("epochs: " + lastEpoch + (initialEpoch > 0 ? " (resumed at " + initialEpoch + ")" : "")
        + (nan != null && nan.terminated() ? " (terminated on NaN)" : ""));
    String accuracy = names.stream().filter(n -> Comparison.isAccuracy(n)
        && h.history().containsKey(n)).findFirst().orElse(null);
    if (accuracy != null) {
      List<Double> acc = h.get(accuracy);
      int first = -1;
      for (int i = 0; i < acc.size(); i++) {
        if (acc.get(i) == 1.0) {
          first = h.epoch().get(i) + 1;
          break;
        }
      }
      parent.out.println("first epoch with " + accuracy + " 1.0: " + (first < 0 ? "none" : first)
          + (initialEpoch > 0 ? " (counting from epoch " + (initialEpoch + 1) + ", where this run resumed)" : ""));
    }
    if (d.rows() <= 16) {
      float[][] p = m.predict(d.x(), fit.batchSize, 0);
      StringBuilder sb = new StringBuilder("predictions:");
      for (float[] row : p) {
        for (float v : row) {
          sb.append(' ').append(PyFormat.fixed(v, 4));
        }
      }
      parent.out.println(sb);
    }
  }
}
