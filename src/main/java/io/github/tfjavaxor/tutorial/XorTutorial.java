package io.github.tfjavaxor.tutorial;

// import numpy as np                      -> float[][] arrays and TF Java tensors
// from keras.models import Sequential     -> a Graph; the model is built op by op below
// from keras.layers.core import Dense     -> variables + matMul/biasAdd (add)/activation below
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.ProgbarLogger;
import io.github.tfjavaxor.keras.initializers.GlorotUniform;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.optimizers.KerasGradients;
import io.github.tfjavaxor.keras.trainers.MetricsTracker;
import io.github.tfjavaxor.keras.utils.Interrupts;
import io.github.tfjavaxor.keras.utils.NumpyFormat;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.io.PrintStream;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;

/**
 * The Keras XOR tutorial, translated statement by statement to TensorFlow Java's graph API. Each
 * Python line is a comment with its translation directly under it; {@code docs/tutorial.md}
 * explains each step. Training is a plain Java loop, one {@code session.run} per epoch.
 *
 * <p>Run: {@code mvn -q compile exec:java} (options: {@code -Dexec.args="--seed 7 --epochs 500"}).
 * For the default seed 42 it prints the Keras-style log, {@code compile_metrics: 100.00%} and the
 * predictions {@code [[0.] [1.] [1.] [0.]]}.
 *
 * <p>The same script on the model API is {@code Sequential.fit}, which runs many epochs per
 * {@code session.run} (a While loop over the train step), under XLA when asked, with the same
 * numbers: see {@link ModelTutorial}. The {@code tutorial} command adds devices, XLA and
 * TensorBoard around this class.
 */
public final class XorTutorial {
  /** The tutorial's epochs. */
  public static final int EPOCHS_DEFAULT = 1000;

  /**
   * What one run produced: the per-epoch log, the evaluation, the predictions and the graph.
   *
   * @param epochLoss the loss logged per epoch, float32
   * @param epochAccuracy the binary accuracy logged per epoch
   * @param scores evaluate's {@code [loss, binary_accuracy]}
   * @param predictions predict's float [4][1], unrounded
   * @param graph the graph it built, for TensorBoard's Graphs dashboard
   */
  public record Run(float[] epochLoss, float[] epochAccuracy, float[] scores,
      float[][] predictions, GraphDef graph) {}

  /**
   * Entry point: {@code [--seed N] [--epochs N] [--verbose 0|1|2]}; exit code 2 for bad options,
   * 1 for a failure while running. Devices, XLA and TensorBoard: {@code ./tfjava-xor tutorial}.
   *
   * @param args the options
   */
  public static void main(String[] args) {
    Options.main(args, o -> run(o.seed(), o.epochs(), o.verbose(), System.out));
  }

  /**
   * Runs the tutorial.
   *
   * @param seed seeds the two glorot_uniform kernels
   * @param epochs &gt;= 1
   * @param verbose Keras's fit/evaluate/predict verbosity: 0, 1 or 2
   * @param out where the tutorial prints
   * @param config the session's options, e.g. a device's from {@code DeviceResolver.resolve}
   * @return the numbers it printed, unrounded
   * @throws IllegalArgumentException if epochs or verbose is out of range
   */
  public static Run run(long seed, int epochs, int verbose, PrintStream out, ConfigProto config) {
    Options.check(epochs, verbose);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);

      // training_data = np.array([[0,0],[0,1],[1,0],[1,1]], "float32")
      float[][] trainingData = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

      // target_data = np.array([[0],[1],[1],[0]], "float32")
      float[][] targetData = {{0}, {1}, {1}, {0}};

      // model = Sequential()
      //   the model's input and target batches: float32 [batch, 2] and [batch, 1]
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, 2)));
      Placeholder<TFloat32> y = tf.withName("y").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, 1)));

      // model.add(Dense(16, input_dim=2, activation='relu'))
      //   kernel [2,16] ~ glorot_uniform U(±sqrt(6/18)), bias [16] = 0; relu(x·kernel + bias).
      //   Every op goes under the layer's name scope, dense/ (dense/kernel, dense/MatMul, ...),
      //   the initial values under dense/kernel_initializer/ and dense/bias_initializer/.
      Ops dense = tf.withSubScope("dense");
      Ops kernelInit = dense.withSubScope("kernel_initializer").withInitScope();
      Variable<TFloat32> kernel = dense.withName("kernel")
          .variable(GlorotUniform.call(kernelInit, 2, 16, Seeds.forLayer(seed, 0)));
      Ops biasInit = dense.withSubScope("bias_initializer").withInitScope();
      Variable<TFloat32> bias = dense.withName("bias")
          .variable(biasInit.zeros(biasInit.constant(new long[] {16}), TFloat32.class));
      Operand<TFloat32> hidden =
          dense.nn.relu(dense.nn.biasAdd(dense.linalg.matMul(x, kernel), bias));

      // model.add(Dense(1, activation='sigmoid'))
      //   kernel [16,1] ~ U(±sqrt(6/17)), bias [1] = 0; sigmoid(hidden·kernel + bias); dense_1/
      //   Keras adds a 1-unit bias with Add, not BiasAdd (which Grappler would fuse into MatMul).
      Ops dense1 = tf.withSubScope("dense_1");
      Ops kernelInit1 = dense1.withSubScope("kernel_initializer").withInitScope();
      Variable<TFloat32> kernel1 = dense1.withName("kernel")
          .variable(GlorotUniform.call(kernelInit1, 16, 1, Seeds.forLayer(seed, 1)));
      Ops biasInit1 = dense1.withSubScope("bias_initializer").withInitScope();
      Variable<TFloat32> bias1 = dense1.withName("bias")
          .variable(biasInit1.zeros(biasInit1.constant(new long[] {1}), TFloat32.class));
      Operand<TFloat32> output =
          dense1.math.sigmoid(dense1.math.add(dense1.linalg.matMul(hidden, kernel1), bias1));

      // model.compile(loss='mean_squared_error', optimizer='adam', metrics=['binary_accuracy'])
      //   loss: mean over the last axis of (y - p)^2, then summed and divided by the batch size
      Ops mse = tf.withSubScope("compile_loss").withSubScope("mean_squared_error");
      Operand<TFloat32> perSampleLoss =
          mse.math.mean(mse.math.square(mse.math.sub(y, output)), mse.constant(-1));
      Operand<TFloat32> loss = mse.math.divNoNan(mse.reduceSum(perSampleLoss, mse.constant(0)),
          mse.dtypes.cast(mse.size(perSampleLoss), TFloat32.class));
      //   optimizer: Keras 3's Adam (lr 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7), this
      //   project's, from raw ops; not org.tensorflow.framework.optimizers.Adam (used as new
      //   Adam(graph).minimize(loss)), whose epsilon is 1e-8 and whose beta powers race
      //   (docs/development/framework-defects.md §2)
      var adam = new io.github.tfjavaxor.keras.optimizers.Adam();
      //   train_step: grads = tape.gradient(loss, trainable_variables), as tf.gradients but with
      //   Python's rules for the Dense ops so Grappler fuses as for Keras (defects §5); gradients/
      List<Variable<TFloat32>> trainableVariables = List.of(kernel, bias, kernel1, bias1);
      List<Output<TFloat32>> grads = KerasGradients.of(tf, loss, trainableVariables);
      //   then optimizer.apply(grads, trainable_variables): m, v, the weights, adam/iteration
      Op train = adam.applyGradients(tf, grads, trainableVariables);
      //   metric: binary_accuracy, 1 where (p > 0.5) equals y; summed over the batch here
      Ops accuracy = tf.withSubScope("compile_metrics").withSubScope("binary_accuracy");
      Operand<TFloat32> predictedClass = accuracy.dtypes.cast(
          accuracy.math.greater(output, accuracy.constant(0.5f)), TFloat32.class);
      Operand<TFloat32> correct = accuracy.reduceSum(accuracy.math.mean(
          accuracy.dtypes.cast(accuracy.math.equal(y, predictedClass), TFloat32.class),
          accuracy.constant(-1)), accuracy.constant(0));

      // The variables have no values yet: the session's first run() (or session.initialize())
      // runs the init-scope ops (the glorot draws and zeros above) once, before that run's ops.
      try (Session session = new Session(graph, config);
          TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
          TFloat32 yData = TFloat32.tensorOf(StdArrays.ndCopyOf(targetData))) {
        ProgbarLogger progress = new ProgbarLogger(out);
        // Keras's loss tracker and binary_accuracy's Mean: float32 means weighted by batch size
        MetricsTracker metrics = new MetricsTracker(List.of("binary_accuracy"));

        // model.fit(training_data, target_data, epochs=1000)
        //   batch_size defaults to 32 > 4 rows: one full-batch Adam step per epoch, one
        //   session.run: feed the data, run the train op (a target: nothing comes back), fetch
        //   the loss and the correct count. They come from the forward pass before the update,
        //   which is what Keras logs for the epoch.
        float[] epochLoss = new float[epochs];
        float[] epochAccuracy = new float[epochs];
        progress.onTrainBegin(epochs, 1, verbose);
        for (int epoch = 0; epoch < epochs; epoch++) {
          Interrupts.check(epoch, epochs); // Ctrl-C: Python's KeyboardInterrupt between epochs
          progress.onEpochBegin(epoch);
          metrics.reset();
          try (Result r = session.runner().feed(x, xData).feed(y, yData)
              .addTarget(train).fetch(loss).fetch(correct).run()) {
            metrics.update(new float[] {((TFloat32) r.get(0)).getFloat(),
                ((TFloat32) r.get(1)).getFloat()}, trainingData.length);
          }
          epochLoss[epoch] = metrics.results()[0];
          epochAccuracy[epoch] = metrics.results()[1];
          progress.onTrainBatchEnd(0, metrics.logs());
          progress.onEpochEnd(epoch, metrics.logs());
        }

        // scores = model.evaluate(training_data, target_data)
        //   the same forward pass without the train op; scores = [loss, binary_accuracy]
        float[] scores;
        progress = new ProgbarLogger(out); // evaluate has a progress bar of its own, as in Keras
        progress.onTestBegin(1, verbose);
        metrics.reset();
        try (Result r =
            session.runner().feed(x, xData).feed(y, yData).fetch(loss).fetch(correct).run()) {
          metrics.update(new float[] {((TFloat32) r.get(0)).getFloat(),
              ((TFloat32) r.get(1)).getFloat()}, trainingData.length);
        }
        scores = metrics.results();
        progress.onTestBatchEnd(0, metrics.logs());
        progress.onTestEnd(metrics.logs());

        // print("\n%s: %.2f%%" % (model.metrics_names[1], scores[1]*100))
        //   Keras 3's metrics_names is ['loss', 'compile_metrics'] (Keras 2: 'binary_accuracy')
        String[] metricsNames = {"loss", "compile_metrics"};
        out.println("\n" + metricsNames[1] + ": " + PyFormat.fixed(scores[1] * 100.0, 2) + "%");

        // print (model.predict(training_data).round())
        //   numpy's round() is half-to-even, as Math.rint
        progress.onPredictBegin(1, verbose);
        float[][] predictions;
        try (Result r = session.runner().feed(x, xData).fetch(output).run()) {
          predictions = StdArrays.array2dCopyOf((TFloat32) r.get(0));
        }
        progress.onPredictBatchEnd(0);
        progress.onPredictEnd();
        float[][] rounded = new float[predictions.length][1];
        for (int i = 0; i < predictions.length; i++) {
          rounded[i][0] = (float) Math.rint(predictions[i][0]);
        }
        out.println(NumpyFormat.format(rounded));
        out.flush();
        return new Run(epochLoss, epochAccuracy, scores, predictions, graph.toGraphDef());
      }
    }
  }

  /**
   * {@link #run(long, int, int, PrintStream, ConfigProto)} with the default session options.
   *
   * @param seed seeds the two glorot_uniform kernels
   * @param epochs &gt;= 1
   * @param verbose Keras's fit/evaluate/predict verbosity: 0, 1 or 2
   * @param out where the tutorial prints
   * @return the numbers it printed, unrounded
   */
  public static Run run(long seed, int epochs, int verbose, PrintStream out) {
    return run(seed, epochs, verbose, out, SessionConfigs.DEFAULT);
  }

  private XorTutorial() {}
}
