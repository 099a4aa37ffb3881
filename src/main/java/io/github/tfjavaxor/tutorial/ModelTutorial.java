package io.github.tfjavaxor.tutorial;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.utils.NumpyFormat;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.io.PrintStream;
import java.util.List;
import org.tensorflow.proto.ConfigProto;

/**
 * The tutorial's script on the model API, line for line as Keras writes it: {@code Sequential},
 * {@code add}, {@code compile}, {@code fit}, {@code evaluate}, {@code predict}. {@code fit} runs
 * many epochs per {@code session.run} (the train step in a While loop), so it is the fast path;
 * without XLA it prints and returns the same numbers as {@link XorTutorial}, bit for bit. The
 * {@code tutorial} command runs it when {@code --jit-compile} resolves to true.
 */
public final class ModelTutorial {
  private ModelTutorial() {}

  /**
   * Runs the tutorial on the model API: Dense(16, relu), Dense(1, sigmoid), MSE, Adam,
   * binary_accuracy, on the XOR table.
   *
   * @param seed seeds the two glorot_uniform kernels
   * @param epochs &gt;= 1
   * @param verbose Keras's fit/evaluate/predict verbosity: 0, 1 or 2
   * @param out where the tutorial prints
   * @param config the session's options
   * @param jitCompile Keras's {@code jit_compile}
   * @param acceleratorVisible true if the session sees a GPU ({@code jit_compile="auto"})
   * @param callbacks extra callbacks for fit, e.g. TensorBoard
   * @return the numbers it printed; the graph is the model's
   * @throws IllegalArgumentException if epochs or verbose is out of range
   */
  public static XorTutorial.Run run(long seed, int epochs, int verbose, PrintStream out,
      ConfigProto config, JitCompile jitCompile, boolean acceleratorVisible,
      List<Callback> callbacks) {
    Options.check(epochs, verbose);
    float[][] trainingData = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
    float[][] targetData = {{0}, {1}, {1}, {0}};
    try (Sequential model = new Sequential(seed)) {
      model.setSessionConfig(config);
      model.setAcceleratorVisible(acceleratorVisible);
      model.setProgressStream(out);
      model.add(new Dense(16, "relu", 2));
      model.add(new Dense(1, "sigmoid"));
      model.compile(CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy"))
          .withJitCompile(jitCompile));
      History h = model.fit(trainingData, targetData,
          FitArgs.builder(epochs).verbose(verbose).callbacks(callbacks).build());
      float[] scores = model.evaluate(trainingData, targetData, 32, verbose);
      out.println("\n" + model.metricsNames().get(1) + ": "
          + PyFormat.fixed(scores[1] * 100.0, 2) + "%");
      float[][] predictions = model.predict(trainingData, 32, verbose);
      float[][] rounded = new float[predictions.length][1];
      for (int i = 0; i < predictions.length; i++) {
        rounded[i][0] = (float) Math.rint(predictions[i][0]);
      }
      out.println(NumpyFormat.format(rounded));
      out.flush();
      return new XorTutorial.Run(floats(h.get("loss")), floats(h.get("binary_accuracy")), scores,
          predictions, model.graph().toGraphDef());
    }
  }

  private static float[] floats(List<Double> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).floatValue();
    }
    return out;
  }
}
