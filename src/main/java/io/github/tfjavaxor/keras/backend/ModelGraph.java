package io.github.tfjavaxor.keras.backend;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.steps.PredictStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The TensorFlow side of a layer stack: one {@link Graph} with the input placeholder, each layer's
 * variables and forward ops, an assign op per weight, and the {@link Session} that holds the
 * variables' values. What Keras keeps in its layers' backend variables and the model's call graph
 * ({@code keras/src/backend/tensorflow/core.py} Variable, {@code models/sequential.py} call).
 *
 * <p>The forward ops are {@code PredictStep} on the variables. The trainer adds the test step's
 * logs and the train step's update after them ({@code keras/trainers}), and its loops over batches
 * as functions of the same variables' values ({@code keras/transforms}). Released by {@link
 * #close()}.
 */
public final class ModelGraph implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final Ops tf;
  private final List<Dense> layers;
  private final Placeholder<TFloat32> x;
  private final Operand<TFloat32> output;
  private final Operand<TFloat32> logits;
  private final List<Variable<TFloat32>> weights = new ArrayList<>();
  private final List<Placeholder<TFloat32>> weightValues = new ArrayList<>();
  private final List<Op> weightAssigns = new ArrayList<>();

  /**
   * Builds the forward graph and its session.
   *
   * @param layers attached layers (each knows its input size), in order, at least one
   * @param seed the model seed ({@link WeightVariables})
   * @param config the session options
   */
  public ModelGraph(List<Dense> layers, long seed, ConfigProto config) {
    this.layers = List.copyOf(layers);
    graph = new Graph();
    try {
      tf = Ops.create(graph);
      x = tf.withName("x").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, layers.get(0).inputDim())));
      WeightVariables created = WeightVariables.create(tf, layers, seed);
      weights.addAll(created.variables());
      // The predict step on the variables: what predict, evaluate and the inline fit read.
      PredictStep.Prediction forward = PredictStep.call(created.scopes(), layers, weights, x);
      output = forward.output();
      logits = forward.logits();
      // set_weights/dense_kernel etc.: a placeholder and an assign per weight.
      Ops setWeights = tf.withSubScope("set_weights");
      for (Variable<TFloat32> w : weights) {
        Placeholder<TFloat32> p = setWeights.withName(w.op().name().replace('/', '_'))
            .placeholder(TFloat32.class, Placeholder.shape(w.shape()));
        weightValues.add(p);
        weightAssigns.add(setWeights.assign(w, p));
      }
      session = new Session(graph, config);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /** {@return the graph's ops, for the functions the trainer adds} */
  public Ops tf() {
    return tf;
  }

  /** {@return the layers whose weights this graph holds, in order} */
  public List<Dense> layers() {
    return layers;
  }

  /** {@return the graph} */
  public Graph graph() {
    return graph;
  }

  /**
   * {@return the session; its variables are initialised on the first run (or by {@code
   * initialize})}
   */
  public Session session() {
    return session;
  }

  /** {@return the input placeholder, float32 [-1, inputDim]} */
  public Placeholder<TFloat32> x() {
    return x;
  }

  /** {@return the model output, float32 [-1, outputDim]} */
  public Operand<TFloat32> output() {
    return output;
  }

  /**
   * The last layer's pre-activation when it is a sigmoid, the tensor Keras caches as {@code
   * _keras_logits} for crossentropy; null otherwise.
   *
   * @return float32 [-1, outputDim], or null
   */
  public Operand<TFloat32> logits() {
    return logits;
  }

  /** {@return the weight variables in Keras's order, kernel then bias per layer} */
  public List<Variable<TFloat32>> weights() {
    return Collections.unmodifiableList(weights);
  }

  /** {@return copies of the weights' current values, in {@link #weights()} order} */
  public List<FloatNdArray> readWeights() {
    Session.Runner runner = session.runner();
    weights.forEach(runner::fetch);
    List<FloatNdArray> out = new ArrayList<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < weights.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        FloatNdArray copy = NdArrays.ofFloats(t.shape());
        t.copyTo(copy);
        out.add(copy);
      }
    }
    return out;
  }

  /**
   * Assigns the weights; the caller has checked the count, shapes and values.
   *
   * @param values float32, one per weight, in {@link #weights()} order and shapes
   */
  public void writeWeights(List<FloatNdArray> values) {
    Session.Runner runner = session.runner();
    List<TFloat32> tensors = new ArrayList<>();
    try {
      for (int i = 0; i < values.size(); i++) {
        TFloat32 t = TFloat32.tensorOf(values.get(i));
        tensors.add(t);
        runner.feed(weightValues.get(i), t).addTarget(weightAssigns.get(i));
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  /** Releases the Session and the Graph. */
  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
