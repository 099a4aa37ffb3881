// GENERATED from notebooks-equivalent/xor.cells by notebooks-equivalent/generate.sh; do not edit.
// Run with notebooks-equivalent/jshell.sh, which puts the project's classpath on jshell.

// ---- cell 0 ----
// # XOR with TensorFlow Java, cell by cell
//
// This notebook walks through the classic Keras XOR tutorial: a network with 16 hidden units learns
// the XOR truth table. Every step is written in Java on TensorFlow Java 1.1; the Python notebook
// `xor-python.ipynb` beside it does the same step with Keras 3 in the same cell number, so you can
// read them side by side.
//
// This first cell gets the project's own classes and its Maven dependencies (TensorFlow Java, XChart)
// onto the classpath. `mvn compile` writes the list of dependency jars to `target/classpath.txt`; the
// notebook reads that list instead of naming any jar itself. On the Python side the cell makes sure
// TensorFlow's start-up log stays quiet.
// ---- cell 1 ----
// (Java notebook only; jshell.sh has already put the classpath on jshell.)

// ---- cell 2 ----
// ## 1. Imports
//
// Python needs numpy for the arrays and Keras for the model. In Java the arrays are plain
// `float[][]`; the model classes come from this project's Keras-shaped core
// (`io.github.tfjavaxor.keras`), and the low-level graph classes from TensorFlow Java itself. Both
// sides print the TensorFlow version underneath: TF Java 1.1 runs the same native TensorFlow 2.18.0
// as the pinned Python package.
// ---- cell 3 ----
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.initializers.GlorotUniform;
import io.github.tfjavaxor.keras.initializers.Seeds;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.utils.NumpyFormat;
import io.github.tfjavaxor.keras.utils.PyFormat;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

System.out.println("TensorFlow " + TensorFlow.version());

// ---- cell 4 ----
// ## 2. The data
//
// The four rows of the XOR truth table are the inputs; the target is 1 exactly when the two inputs
// differ. Both arrays are float32, one row per example.
// ---- cell 5 ----
float[][] trainingData = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
float[][] targetData = {{0}, {1}, {1}, {0}};
System.out.println(NumpyFormat.format(trainingData));
System.out.println(NumpyFormat.format(targetData));

// ---- cell 6 ----
// ## 3. The hidden layer, by hand
//
// Before using the model API, build what `Dense(16, activation='relu')` stands for. In TF Java this
// is a *graph*: nothing runs yet, every call only adds an operation. A placeholder stands for the
// input batch (any number of rows, 2 columns), two variables hold the kernel and the bias, and
// `relu(x·kernel + bias)` is the layer. The initial values live in the graph's *init scope* and only
// run when a session starts. Watch the graph grow: the cell prints its operations.
//
// (In JShell and in these cells a line that is already a complete statement ends the statement,
// so continued lines here break after an open parenthesis or an operator, never before a `.`.)
//
// Python's Keras 3 runs eagerly, so its by-hand version computes values straight away with
// `keras.ops`.
// ---- cell 7 ----
Graph graph = new Graph();
Ops tf = Ops.create(graph);
Placeholder<TFloat32> x =
    tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
Variable<TFloat32> kernel = tf.withName("dense_kernel").variable(
    GlorotUniform.call(tf.withInitScope(), 2, 16, Seeds.forLayer(42, 0)));
Variable<TFloat32> bias = tf.withName("dense_bias").variable(
    tf.withInitScope().zeros(tf.constant(new long[] {16}), TFloat32.class));
Operand<TFloat32> hidden = tf.nn.relu(tf.nn.biasAdd(tf.linalg.matMul(x, kernel), bias));

System.out.println("hidden: " + hidden.shape());
graph.operations().forEachRemaining(op -> System.out.println("  " + op.name() + " (" + op.type() + ")"));

// ---- cell 8 ----
// ## 4. The output layer, and one forward pass
//
// `Dense(1, activation='sigmoid')` is the same pattern with one unit. To get numbers out of a graph
// we need a `Session`: its runner *feeds* the input tensor into the placeholder and *fetches* the
// output. The session's first run also runs the initializers. The input tensor, the fetched `Result`
// and the session hold native memory, so they are closed by try-with-resources; the graph itself we
// close by hand, because it lived across two cells. The predictions are untrained, so close to 0.5.
// ---- cell 9 ----
Variable<TFloat32> kernel1 = tf.withName("dense_1_kernel").variable(
    GlorotUniform.call(tf.withInitScope(), 16, 1, Seeds.forLayer(42, 1)));
Variable<TFloat32> bias1 = tf.withName("dense_1_bias").variable(
    tf.withInitScope().zeros(tf.constant(new long[] {1}), TFloat32.class));
Operand<TFloat32> output = tf.math.sigmoid(tf.nn.biasAdd(tf.linalg.matMul(hidden, kernel1), bias1));

try (Session session = new Session(graph);
    TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
    Result result = session.runner().feed(x, xData).fetch(output).run()) {
  System.out.println(NumpyFormat.format(StdArrays.array2dCopyOf((TFloat32) result.get(0))));
}
graph.close();

// ---- cell 10 ----
// ## 5. The same model with the model API
//
// This is the tutorial's code: a `Sequential` model with two `Dense` layers. The Java `Sequential`
// builds exactly the graph of the two cells above (it names the variables `dense/kernel`, ...,
// as Keras does) and owns its graph and session, so it is closed at the end of the notebook. Both
// sides fix the seed 42; the two random generators differ, so the starting weights, and therefore
// the loss values below, differ in the later digits between Java and Python. The summary is
// the same: 65 trainable parameters.
// ---- cell 11 ----
Sequential model = new Sequential(42);
model.add(new Dense(16, "relu", 2));
model.add(new Dense(1, "sigmoid"));
System.out.println(model.summary());

// ---- cell 12 ----
// ## 6. Compile
//
// The loss is the mean squared error, the optimizer Adam with Keras's defaults (learning rate
// 0.001, epsilon 1e-7), and the metric binary accuracy: a prediction counts as 1 when it is above
// 0.5.
// ---- cell 13 ----
model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
System.out.println("metrics: " + model.compiledMetricNames());

// ---- cell 14 ----
// ## 7. Train
//
// 1000 epochs. With 4 examples and the default batch size of 32, each epoch is one Adam step on the
// whole batch. The log is Keras's: one progress bar per epoch with the loss and the accuracy of that
// epoch, measured on the forward pass *before* the step's update.
// ---- cell 15 ----
History history = model.fit(trainingData, targetData, 1000);

// ---- cell 16 ----
// ## 8. Evaluate
//
// One more forward pass over the four examples, without training. Keras 3 calls the metrics entry
// `compile_metrics` (Keras 2 printed `binary_accuracy` here). Expect 100.00%.
// ---- cell 17 ----
float[] scores = model.evaluate(trainingData, targetData);
System.out.println("\n" + model.metricsNames().get(1) + ": " + PyFormat.fixed(scores[1] * 100.0, 2) + "%");

// ---- cell 18 ----
// ## 9. Predict
//
// The network's outputs rounded to 0 or 1 (half to even, as numpy rounds). Expect the XOR column:
// 0, 1, 1, 0.
// ---- cell 19 ----
float[][] predictions = model.predict(trainingData);
float[][] rounded = new float[predictions.length][1];
for (int i = 0; i < predictions.length; i++) {
  rounded[i][0] = (float) Math.rint(predictions[i][0]);
}
System.out.println(NumpyFormat.format(rounded));

// ---- cell 20 ----
// ## 10. The learning curve
//
// `fit` returned a history with one loss and one accuracy value per epoch. Plotted against the
// epoch, the loss falls from about 0.25 (a network answering 0.5 everywhere) while the accuracy
// climbs in steps of 0.25, one example at a time. Java draws with XChart, Python with matplotlib.
// ---- cell 21 ----
List<Integer> epochNumbers = history.epoch().stream().map(e -> e + 1).toList();
XYChart chart = new XYChart(600, 400);
chart.setTitle("Learning curve");
chart.setXAxisTitle("epoch");
chart.setYAxisTitle("value");
chart.getStyler().setMarkerSize(0);
chart.addSeries("loss", epochNumbers, history.get("loss"));
chart.addSeries("binary_accuracy", epochNumbers, history.get("binary_accuracy"));
BufferedImage chartImage = BitmapEncoder.getBufferedImage(chart);
chartImage
// JShell cannot show images: save the chart next to the build output instead.
java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/notebooks"));
BitmapEncoder.saveBitmap(chart, "target/notebooks/learning-curve-jshell", BitmapEncoder.BitmapFormat.PNG);
System.out.println("chart: target/notebooks/learning-curve-jshell.png");

// ---- cell 22 ----
// ## 11. Tuning
//
// Change the hidden layer and train again. Edit the two settings at the top and rerun the cell: it
// trains a fresh model silently (`verbose` 0) and reports the final loss and accuracy, the first
// epoch at which all four examples were right, and the rounded predictions. Try fewer units, or the
// `tanh` or `sigmoid` activations, and see how the number of epochs changes.
// ---- cell 23 ----
int hiddenUnits = 8;
String activation = "tanh";

try (Sequential tuned = new Sequential(42)) {
  tuned.add(new Dense(hiddenUnits, activation, 2));
  tuned.add(new Dense(1, "sigmoid"));
  tuned.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
  History tunedHistory = tuned.fit(trainingData, targetData, 1000, 32, 0);
  float[] tunedScores = tuned.evaluate(trainingData, targetData, 32, 0);
  int firstPerfectEpoch = tunedHistory.get("binary_accuracy").indexOf(1.0) + 1;
  float[][] tunedPredictions = tuned.predict(trainingData, 32, 0);
  float[][] tunedRounded = new float[tunedPredictions.length][1];
  for (int i = 0; i < tunedPredictions.length; i++) {
    tunedRounded[i][0] = (float) Math.rint(tunedPredictions[i][0]);
  }
  System.out.println("Dense(" + hiddenUnits + ", " + activation + "): loss "
      + PyFormat.fixed(tunedScores[0], 4) + ", binary_accuracy " + PyFormat.fixed(tunedScores[1] * 100.0, 2)
      + "%, first epoch at 100%: " + firstPerfectEpoch);
  System.out.println(NumpyFormat.format(tunedRounded));
}

// ---- cell 24 ----
// ## 12. What next
//
// The Java model still holds a graph and a session in native memory: close it when you are done
// (Python frees its model by garbage collection; `clear_session` resets Keras's global state).
//
// Things to try next: add a third `Dense` layer; swap `"adam"` for `"sgd"` or `"rmsprop"` in
// compile and watch how many epochs the curve needs; lower the epochs until the predictions stop
// being right; read `docs/teaching.md` for what each step of the by-hand graph does in TF Java.
// ---- cell 25 ----
model.close();
System.out.println("model closed");
