package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.backend.ModelGraph;

/**
 * The model's three functions, each built on the model's graph on first need, as Keras's {@code
 * make_predict_function}, {@code make_test_function} and {@code make_train_function}: predict adds
 * nothing to the graph but its scans, evaluate the test step, fit the train step and the
 * optimizer's variables. A new graph (after compiling again) starts without them.
 */
final class StepFunctions {
  private final Sequential model;
  private ModelGraph builtOn;
  private PredictFunction predict;
  private TestFunction test;
  private TrainFunction train;

  StepFunctions(Sequential model) {
    this.model = model;
  }

  /** Drops the test and train functions: the next use builds them for a new configuration. */
  void compiled() {
    test = null;
    train = null;
  }

  /** True if {@code g} holds a test or train function. */
  boolean hasTrainingGraph(ModelGraph g) {
    return test != null && builtOn == g;
  }

  PredictFunction predict() {
    forGraph(model.modelGraph());
    if (predict == null) {
      predict = new PredictFunction(builtOn);
    }
    return predict;
  }

  TestFunction test(CompileConfig config) {
    config.checkOutput(model.outputDim()); // before the graph: Keras resolves "crossentropy" here
    forGraph(model.modelGraph());
    if (test == null) {
      test = new TestFunction(builtOn, config, model.outputDim());
    }
    return test;
  }

  TrainFunction train(CompileConfig config) {
    TestFunction t = test(config);
    if (train == null) {
      train = new TrainFunction(builtOn, t, config);
    }
    return train;
  }

  private void forGraph(ModelGraph g) {
    if (builtOn != g) {
      builtOn = g;
      predict = null;
      test = null;
      train = null;
    }
  }
}
