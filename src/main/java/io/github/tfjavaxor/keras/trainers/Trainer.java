package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.callbacks.CallbackList;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.callbacks.ProgbarLogger;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import io.github.tfjavaxor.keras.optimizers.OptimizerVariable;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;

/**
 * The fit, evaluate and predict loops over the three graph functions, each built lazily on the
 * model's graph; mirrors {@code keras/src/trainers/trainer.py} (compile state) and {@code
 * keras/src/backend/tensorflow/trainer.py} ({@code fit}, {@code evaluate}, {@code predict}).
 *
 * <p>Every argument is checked ({@link TrainerChecks}) before the first native call. Predict needs
 * only the forward graph, evaluate adds the loss and metrics, and only fit adds the optimizer.
 */
public final class Trainer {
  private final Sequential model;
  private final StepFunctions functions;
  private CompileConfig config;

  /** @param model the model whose graph the functions are added to */
  public Trainer(Sequential model) {
    this.model = model;
    this.functions = new StepFunctions(model);
  }

  /**
   * Sets the configuration and drops the test and train functions built for the previous one.
   *
   * @param config the loss, optimizer, metrics and their options
   * @throws IllegalArgumentException if the optimizer already holds state from another compile
   */
  public void compile(CompileConfig config) {
    if (config.optimizer().built()) {
      throw new IllegalArgumentException("optimizer: this " + config.optimizer().kerasName()
          + " instance already holds the state of an earlier compile; pass a new optimizer, or"
          + " its name, to compile again");
    }
    this.config = config;
    functions.compiled();
  }

  /**
   * Keras's {@code jit_compile} and {@code steps_per_execution} setters, for later calls; the
   * weights, the optimizer state and the graph stay.
   *
   * @param value the new {@code jit_compile}
   * @throws IllegalStateException if not compiled
   * @throws IllegalArgumentException if a value is null
   */
  public void setJitCompile(JitCompile value) {
    TrainerChecks.compiled(config, "setJitCompile");
    config = config.withJitCompile(value);
  }

  /**
   * As {@link #setJitCompile}, for {@code steps_per_execution}.
   *
   * @param value the new {@code steps_per_execution}
   */
  public void setStepsPerExecution(StepsPerExecution value) {
    TrainerChecks.compiled(config, "setStepsPerExecution");
    config = config.withStepsPerExecution(value);
  }

  /** {@return the configuration, or null before compile} */
  public CompileConfig config() {
    return config;
  }

  /**
   * {@return true if {@code g} holds a test or train function, which compiling again rebuilds}
   *
   * @param g a model graph
   */
  public boolean hasTrainingGraph(ModelGraph g) {
    return functions.hasTrainingGraph(g);
  }

  /**
   * Trains; mirrors Keras 3's {@code model.fit}. Each epoch resets the metrics, runs one train step
   * per batch and logs the batch-size-weighted means of the pre-update losses and metrics, then
   * evaluates the validation rows, if any, as {@code val_} entries.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param args epochs, batch size, verbosity, shuffle, validation, callbacks, initial epoch
   * @param progress where the progress bar goes
   * @return the per-epoch logs; empty if {@code epochs <= initialEpoch}
   */
  public History fit(float[][] x, float[][] y, FitArgs args, PrintStream progress) {
    TrainerChecks.compiled(config, "fit");
    TrainerChecks.xy(model, "", x, y);
    float[][][] split = TrainerChecks.validation(model, x, y, args);
    float[][] trainX = split[0];
    float[][] trainY = split[1];
    TrainerChecks.orders(args.shuffleOrders(), trainX.length, args.epochs());

    TrainFunction train = functions.train(config);
    MetricsTracker metrics = tracker();
    StepClock clock = new StepClock();
    CallbackList callbacks = new CallbackList(args.callbacks(), true,
        args.verbose() == 0 ? null : clock.progbar(progress));
    boolean jit = jitCompile();
    int steps = (trainX.length + args.batchSize() - 1) / args.batchSize();
    ExecutionPlan plan = new ExecutionPlan(config.stepsPerExecution(), callbacks,
        split[2] != null, args.verbose(), jit, steps, args.epochs() - args.initialEpoch(),
        trainX.length, logsWidth());
    try (EpochIterator epochs = new EpochIterator(trainX, trainY, args.batchSize(),
            args.shuffle(), args.shuffleOrders(), model.seed(), args.initialEpoch(),
            args.epochs(), train, jit, plan);
        DataPass validation = split[2] == null ? null
            : DataPass.test(split[2], split[3], args.batchSize(), logsWidth())) {
      callbacks.setModel(model);
      callbacks.onTrainBegin(args.epochs(), epochs.steps(), args.verbose());
      boolean batchHooks = callbacks.hasTrainBatchHooks();
      Map<String, Double> trainingLogs = null;
      for (int epoch = args.initialEpoch(); epoch < args.epochs(); epoch++) {
        metrics.reset();
        clock.set(epochs.ranBefore(epoch) ? epochs.began(epoch) : StepClock.LIVE);
        callbacks.onEpochBegin(epoch);
        epochs.trainEpoch(epoch, metrics, callbacks, clock, batchHooks);
        Map<String, Double> epochLogs = metrics.logs(); // a fresh map, val_ entries added
        if (validation != null) {
          epochLogs.putAll(test(validation, callbacks, "val_"));
        }
        callbacks.onEpochEnd(epoch, epochLogs);
        trainingLogs = epochLogs;
        if (callbacks.stopTraining()) {
          break;
        }
      }
      clock.set(StepClock.LIVE);
      callbacks.onTrainEnd(trainingLogs == null ? Map.of() : trainingLogs);
    }
    return callbacks.history();
  }

  /**
   * Loss and metrics without training; mirrors Keras 3's {@code model.evaluate}. Builds no
   * optimizer state.
   *
   * @param x float [n][inputDim], finite
   * @param y float [n][outputDim], finite
   * @param batchSize rows per step, &gt;= 1
   * @param verbose 0 silent, 1 progress bar, 2 one line
   * @param progress where the progress bar goes
   * @return {@code [loss, metric1, ...]} in compile order
   */
  public float[] evaluate(float[][] x, float[][] y, int batchSize, int verbose,
      PrintStream progress) {
    TrainerChecks.compiled(config, "evaluate");
    TrainerChecks.xy(model, "", x, y);
    TrainerChecks.batchSizeAndVerbose(batchSize, verbose);
    CallbackList callbacks = new CallbackList(List.of(), false,
        verbose == 0 ? null : new ProgbarLogger(progress));
    try (DataPass pass = DataPass.test(x, y, batchSize, logsWidth())) {
      MetricsTracker metrics = tracker();
      runTest(pass, callbacks, metrics, verbose);
      return metrics.results();
    }
  }

  /**
   * The model output; mirrors Keras 3's {@code model.predict}. Needs no compile.
   *
   * @param x float [n][inputDim]
   * @param batchSize rows per step, &gt;= 1
   * @param verbose 0 silent, 1 progress bar, 2 one line
   * @param progress where the progress bar goes
   * @return float [n][outputDim]
   */
  public float[][] predict(float[][] x, int batchSize, int verbose, PrintStream progress) {
    Arrays2d.check("x", x, model.inputDim(), "the first layer's inputDim");
    TrainerChecks.batchSizeAndVerbose(batchSize, verbose);
    CallbackList callbacks = new CallbackList(List.of(), false,
        verbose == 0 ? null : new ProgbarLogger(progress));
    try (DataPass pass = DataPass.predict(x, batchSize, model.outputDim())) {
      return functions.predict().run(pass, jitCompile(), callbacks, verbose);
    }
  }

  /**
   * Builds the train function (and with it the optimizer's variables) if it is not built; Keras's
   * {@code make_train_function}. A checkpoint restore needs those variables to exist.
   *
   * @throws IllegalStateException if not compiled
   */
  public void makeTrainFunction() {
    TrainerChecks.compiled(config, "makeTrainFunction");
    functions.train(config);
  }

  /**
   * The values of Keras's {@code optimizer.variables}: {@code iteration} (int64 scalar as a {@code
   * LongNdArray}), {@code learning_rate} (float32 scalar), then once built each model variable's
   * slots ({@code Optimizer.slotNames()} order) shaped like it. Before the train function is built
   * only the first two, as in Keras: {@code [0, learning_rate]}.
   *
   * @return the values, in {@link #optimizerLayout}'s order
   * @throws IllegalStateException if not compiled
   */
  public List<NdArray<?>> optimizerVariables() {
    TrainerChecks.compiled(config, "optimizerVariables");
    Optimizer opt = config.optimizer();
    if (!opt.built()) {
      return List.of(NdArrays.scalarOf(0L), NdArrays.scalarOf(opt.learningRate()));
    }
    return functions.train(config).state().read();
  }

  /**
   * Assigns every optimizer variable, building the train function first if needed (Keras's {@code
   * load_model} builds the optimizer before it loads its variables).
   *
   * @param values the built layout, in {@link #optimizerVariables()}'s order and types
   * @throws IllegalArgumentException if the count, a type or a shape differs from the layout
   * @throws IllegalStateException if not compiled
   */
  public void setOptimizerVariables(List<NdArray<?>> values) {
    TrainerChecks.compiled(config, "setOptimizerVariables");
    TrainerChecks.optimizerValues(config.optimizer().kerasName(), optimizerLayout(true), values);
    functions.train(config).state().write(values);
  }

  /**
   * Names, shapes and dtypes of Keras's {@code optimizer.variables} for this model, without native
   * work: the built layout, or, if {@code built} is false, {@code iteration} and {@code
   * learning_rate} only.
   *
   * @param built false for the layout before the optimizer is built
   * @return one entry per variable, in Keras's order
   * @throws IllegalStateException if not compiled
   */
  public List<OptimizerVariable> optimizerLayout(boolean built) {
    TrainerChecks.compiled(config, "optimizerLayout");
    List<String> paths = new java.util.ArrayList<>();
    for (int i = 0; i < model.weightShapes().size(); i++) {
      paths.add(model.weightName(i));
    }
    List<OptimizerVariable> all =
        OptimizerVariable.keras(config.optimizer(), paths, model.weightShapes());
    return built ? all : all.subList(0, OptimizerVariable.UNBUILT_COUNT);
  }

  /** {@return true once the optimizer's variables exist (the train function is built)} */
  public boolean optimizerBuilt() {
    return config != null && config.optimizer().built();
  }

  private MetricsTracker tracker() {
    return new MetricsTracker(config.loggedNames());
  }

  // The validation pass inside fit: a fresh tracker, the callbacks' test hooks, prefixed logs.
  private Map<String, Double> test(DataPass pass, CallbackList callbacks, String prefix) {
    MetricsTracker metrics = tracker();
    runTest(pass, callbacks, metrics, 0);
    return metrics.logs(prefix);
  }

  private void runTest(DataPass pass, CallbackList callbacks, MetricsTracker metrics,
      int verbose) {
    functions.test(config).run(pass, jitCompile(), callbacks, metrics, verbose);
  }

  // Keras's jit_compile, resolved for the model's devices.
  private boolean jitCompile() {
    return config != null && config.jitCompile().resolve(model.acceleratorVisible());
  }

  // A step's logs: [loss, metric totals...].
  private int logsWidth() {
    return 1 + config.metrics().size();
  }
}
