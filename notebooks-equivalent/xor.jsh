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
// `relu(x·kernel + bias)` is the layer. Its ops go under the name scope `dense/`, as Keras names
// them (`dense/kernel`, `dense/MatMul`, ...). The initial values live in the graph's *init scope*
// and only run when a session starts. Watch the graph grow: the cell prints its operations.
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
Ops dense = tf.withSubScope("dense");
Variable<TFloat32> kernel = dense.withName("kernel").variable(
    GlorotUniform.call(dense.withSubScope("kernel_initializer").withInitScope(), 2, 16, Seeds.forLayer(42, 0)));
Variable<TFloat32> bias = dense.withName("bias").variable(
    dense.withInitScope().zeros(dense.constant(new long[] {16}), TFloat32.class));
Operand<TFloat32> hidden = dense.nn.relu(dense.nn.biasAdd(dense.linalg.matMul(x, kernel), bias));

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
Ops dense1 = tf.withSubScope("dense_1");
Variable<TFloat32> kernel1 = dense1.withName("kernel").variable(
    GlorotUniform.call(dense1.withSubScope("kernel_initializer").withInitScope(), 16, 1, Seeds.forLayer(42, 1)));
Variable<TFloat32> bias1 = dense1.withName("bias").variable(
    dense1.withInitScope().zeros(dense1.constant(new long[] {1}), TFloat32.class));
Operand<TFloat32> output = dense1.math.sigmoid(dense1.math.add(dense1.linalg.matMul(hidden, kernel1), bias1));

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
// builds exactly the graph of the two cells above (with the same names, `dense/kernel`, ..., as
// Keras's) and owns its graph and session, so it is closed at the end of the notebook. Both
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
// ## 12. A tour of the graph: its ops by name scope
//
// The model API built one TensorFlow graph: the layers, the loss and the metric, the gradients and
// Adam. Its ops are named by scope as in Keras's TensorFlow backend: `dense/` and `dense_1/` for the
// layers, `compile_loss/` and `compile_metrics/`, `gradients/` for the backward pass and `adam/` for
// the optimizer's state and update. That is the train step inline, one `session.run` per batch.
// `train_scan/` holds the same step in a While loop over the batches, through which `fit` runs many
// epochs in one `session.run`; `test_scan/` and `predict_scan/` do the same for `evaluate` and
// `predict`. `train --tensorboard DIR` writes this graph for TensorBoard's Graphs dashboard
// (`docs/tutorial.md` shows it). The cell counts the ops under each top-level scope.
//
// Keras 3 runs eagerly; its train step becomes a graph when traced with `tf.function`, and the Python
// cell counts that graph's ops the same way (there the layers are under `sequential/`, the gradients
// under `gradient_tape/`, and many small ops have no scope).
// ---- cell 25 ----
var opsByScope = new java.util.TreeMap<String, Integer>();
model.graph().operations().forEachRemaining(op ->
    opsByScope.merge(op.name().contains("/") ? op.name().split("/")[0] : "(no scope)", 1, Integer::sum));
opsByScope.forEach((scope, count) -> System.out.println(scope + ": " + count));
System.out.println("total: " + opsByScope.values().stream().mapToInt(Integer::intValue).sum());

// ---- cell 26 ----
// ## 13. Run only the forward pass
//
// A session run computes only what its fetches need. Feeding `x` and fetching the output layer's
// `dense_1/Sigmoid` runs the two layers and nothing else: no `y` is fed because no loss is needed,
// and no gradient or update runs. That is all `predict` does. Any tensor can be fetched by the name
// TensorBoard shows for it; here the hidden layer's `dense/Relu` as well. Python calls the layers.
// ---- cell 27 ----
float[][] hiddenValues;
float[][] outputValues;
try (TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
    Result forward = model.session().runner().feed("x", xData).fetch("dense/Relu").fetch("dense_1/Sigmoid").run()) {
  hiddenValues = StdArrays.array2dCopyOf((TFloat32) forward.get(0));
  outputValues = StdArrays.array2dCopyOf((TFloat32) forward.get(1));
}
System.out.println("dense/Relu: " + hiddenValues.length + " x " + hiddenValues[0].length);
System.out.println("dense_1/Sigmoid:");
System.out.println(NumpyFormat.format(outputValues));

// ---- cell 28 ----
// ## 14. A gradient, and the chain rule by hand
//
// `gradients/dense_1/MatMul/MatMul_1` is the gradient of the loss with respect to the output layer's
// kernel, d loss / d `dense_1/kernel` (16 values): the second MatMul of the backward pass of
// `dense_1/MatMul`. Fetch it, with the hidden activations h and the outputs p of the same run, and
// compare it with the chain rule worked out by hand in double precision over the 4 rows: the loss is
// sum((y - p)²) / 4, so d loss / d p = -2 (y - p) / 4; the sigmoid's derivative is p (1 - p); and
// z = h · kernel + bias, so d z / d kernel[j] = h[j]. Python gets the same gradient from
// `tf.GradientTape`, as Keras's `train_step` does.
// ---- cell 29 ----
float[] kernelGradient = new float[16];
double[] handGradient = new double[16];
try (TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
    TFloat32 yData = TFloat32.tensorOf(StdArrays.ndCopyOf(targetData));
    Result r = model.session().runner().feed("x", xData).feed("y", yData).fetch("dense/Relu").fetch("dense_1/Sigmoid").fetch("gradients/dense_1/MatMul/MatMul_1").run()) {
  float[][] h = StdArrays.array2dCopyOf((TFloat32) r.get(0));
  float[][] p = StdArrays.array2dCopyOf((TFloat32) r.get(1));
  float[][] g = StdArrays.array2dCopyOf((TFloat32) r.get(2));
  for (int i = 0; i < 4; i++) {
    double dLossDp = -2.0 * (targetData[i][0] - p[i][0]) / 4;
    double dLossDz = dLossDp * p[i][0] * (1 - p[i][0]);
    for (int j = 0; j < 16; j++) {
      handGradient[j] += dLossDz * h[i][j];
    }
  }
  for (int j = 0; j < 16; j++) {
    kernelGradient[j] = g[j][0];
  }
}
double gradientDiff = 0;
double gradientScale = 0;
for (int j = 0; j < 16; j++) {
  gradientDiff = Math.max(gradientDiff, Math.abs(kernelGradient[j] - handGradient[j]));
  gradientScale = Math.max(gradientScale, Math.abs(handGradient[j]));
}
System.out.println("d loss / d dense_1/kernel[0..3], graph: " + kernelGradient[0] + " " + kernelGradient[1] + " " + kernelGradient[2] + " " + kernelGradient[3]);
System.out.println("d loss / d dense_1/kernel[0..3], hand:  " + (float) handGradient[0] + " " + (float) handGradient[1] + " " + (float) handGradient[2] + " " + (float) handGradient[3]);
System.out.println("relative difference: " + String.format("%.1e", gradientDiff / gradientScale) + ", within float32 rounding (< 1e-5): " + (gradientDiff / gradientScale < 1e-5));

// ---- cell 30 ----
// ## 15. One Adam step by hand
//
// Keras 3's Adam, for each weight w with gradient g at step t = iteration + 1:
// m += (g - m)(1 - 0.9), v += (g² - v)(1 - 0.999), and
// w -= m · 0.001 · sqrt(1 - 0.999^t) / (1 - 0.9^t) / (sqrt(v) + 1e-7). The Java cell fetches Adam's
// state (`adam/iteration`, `adam/momentum`, `adam/velocity`; this project keeps m and v of all 65
// weights in one vector each, in model order, so `dense_1/kernel` is entries 48 to 63), the kernel
// and its gradient, works the step out in double precision, then runs the train op
// `adam/apply_gradients` once and compares the new kernel. Python reads the same state from
// `model.optimizer` and applies the step with `optimizer.apply`.
// ---- cell 31 ----
float[] kernelBefore = new float[16];
float[] kernelAfter = new float[16];
double[] kernelHand = new double[16];
try (TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
    TFloat32 yData = TFloat32.tensorOf(StdArrays.ndCopyOf(targetData))) {
  try (Result s = model.session().runner().feed("x", xData).feed("y", yData).fetch("adam/iteration").fetch("adam/momentum").fetch("adam/velocity").fetch("dense_1/kernel").fetch("gradients/dense_1/MatMul/MatMul_1").run()) {
    double t = ((org.tensorflow.types.TInt64) s.get(0)).getLong() + 1;
    double alpha = 0.001 * Math.sqrt(1 - Math.pow(0.999, t)) / (1 - Math.pow(0.9, t));
    for (int j = 0; j < 16; j++) {
      double g = ((TFloat32) s.get(4)).getFloat(j, 0);
      double m = ((TFloat32) s.get(1)).getFloat(48 + j);
      double v = ((TFloat32) s.get(2)).getFloat(48 + j);
      m += (g - m) * (1 - 0.9);
      v += (g * g - v) * (1 - 0.999);
      kernelBefore[j] = ((TFloat32) s.get(3)).getFloat(j, 0);
      kernelHand[j] = kernelBefore[j] - m * alpha / (Math.sqrt(v) + 1e-7);
    }
    System.out.println("step t = " + (long) t);
  }
  model.session().runner().feed("x", xData).feed("y", yData).addTarget("adam/apply_gradients").run().close();
  try (Result s = model.session().runner().fetch("dense_1/kernel").run()) {
    for (int j = 0; j < 16; j++) {
      kernelAfter[j] = ((TFloat32) s.get(0)).getFloat(j, 0);
    }
  }
}
double adamDiff = 0;
for (int j = 0; j < 16; j++) {
  adamDiff = Math.max(adamDiff, Math.abs(kernelAfter[j] - kernelHand[j]));
}
System.out.println("dense_1/kernel[0] before " + kernelBefore[0] + ", graph after " + kernelAfter[0] + ", hand after " + (float) kernelHand[0]);
System.out.println("max |graph - hand| over the 16 weights: " + String.format("%.1e", adamDiff) + ", within float32 rounding (< 1e-6): " + (adamDiff < 1e-6));

// ---- cell 32 ----
// ## 16. feed, fetch and addTarget
//
// The three parts of a session run: `feed` binds a tensor to a placeholder (`x`, `y`) for this run
// only; `fetch` asks for a tensor's value back; `addTarget` asks for an op to run whose value is not
// returned, such as the train op. Only the ops that the fetches and targets need run. Four runs: the
// loss alone changes nothing; the loss fetched together with the train op is the loss *before* that
// step's update (the same value as the run before it); the train op alone returns no tensor but
// still advances `adam/iteration`; a last fetch shows the loss after the two steps. In TF2 Python a
// `tf.function`'s arguments are its feeds, its return values its fetches, and the variable updates
// inside it run like targets.
// ---- cell 33 ----
String lossName = "compile_loss/mean_squared_error/DivNoNan";
String trainName = "adam/apply_gradients";
try (TFloat32 xData = TFloat32.tensorOf(StdArrays.ndCopyOf(trainingData));
    TFloat32 yData = TFloat32.tensorOf(StdArrays.ndCopyOf(targetData))) {
  float lossBefore;
  try (Result r = model.session().runner().feed("x", xData).feed("y", yData).fetch(lossName).fetch("adam/iteration").run()) {
    lossBefore = ((TFloat32) r.get(0)).getFloat();
    System.out.println("fetch(loss):                 loss " + lossBefore + ", iteration " + ((org.tensorflow.types.TInt64) r.get(1)).getLong());
  }
  try (Result r = model.session().runner().feed("x", xData).feed("y", yData).fetch(lossName).addTarget(trainName).run()) {
    float lossWithStep = ((TFloat32) r.get(0)).getFloat();
    System.out.println("fetch(loss) + addTarget(train): loss " + lossWithStep + ", the loss before the step: " + (lossWithStep == lossBefore));
  }
  try (Result r = model.session().runner().feed("x", xData).feed("y", yData).addTarget(trainName).run()) {
    System.out.println("addTarget(train):            " + r.size() + " tensors back");
  }
  try (Result r = model.session().runner().feed("x", xData).feed("y", yData).fetch(lossName).fetch("adam/iteration").run()) {
    System.out.println("fetch(loss):                 loss " + ((TFloat32) r.get(0)).getFloat() + ", iteration " + ((org.tensorflow.types.TInt64) r.get(1)).getLong());
  }
}

// ---- cell 34 ----
// ## 17. What next
//
// The Java model still holds a graph and a session in native memory: close it when you are done
// (Python frees its model by garbage collection; `clear_session` resets Keras's global state).
//
// Things to try next: add a third `Dense` layer; swap `"adam"` for `"sgd"` or `"rmsprop"` in
// compile and watch how many epochs the curve needs; lower the epochs until the predictions stop
// being right; read `docs/tutorial.md` for what each step of the by-hand graph does in TF Java.
// ---- cell 35 ----
model.close();
System.out.println("model closed");
