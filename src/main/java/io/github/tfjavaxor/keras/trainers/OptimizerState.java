package io.github.tfjavaxor.keras.trainers;

import io.github.tfjavaxor.keras.backend.ModelGraph;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * A built optimizer's variables in Keras 3's order and shapes ({@code optimizer.variables}):
 * {@code iteration}, {@code learning_rate}, then each model variable's slots. The port packs an
 * element-wise optimizer's slots into one flat vector per slot name ({@link Optimizer#packs});
 * reading splits it per model variable and writing concatenates, so the values look exactly like
 * Keras's.
 */
final class OptimizerState {
  private final ModelGraph g;
  private final Optimizer optimizer;
  private final List<Variable<?>> variables = new ArrayList<>();
  private List<Placeholder<?>> feeds;
  private List<Op> assigns;

  /**
   * @param graphVariables the optimizer's variables in the graph ({@link Optimizer#variables}
   *     order); state beyond Keras's (FusedAdam's beta powers) is not part of the layout
   */
  OptimizerState(ModelGraph g, Optimizer optimizer, List<Variable<?>> graphVariables) {
    this.g = g;
    this.optimizer = optimizer;
    int kinds = optimizer.slotNames().size();
    int weights = g.weights().size();
    int slots = optimizer.packs(weights) ? kinds : kinds * weights;
    variables.addAll(graphVariables.subList(0, 2 + slots));
  }

  /** Copies of the values: a {@link LongNdArray} scalar, then {@link FloatNdArray}s. */
  List<NdArray<?>> read() {
    Session.Runner runner = g.session().runner();
    variables.forEach(runner::fetch);
    List<float[]> graphSlots = new ArrayList<>();
    List<NdArray<?>> out = new ArrayList<>();
    try (Result r = runner.run()) {
      out.add(NdArrays.scalarOf(((TInt64) r.get(0)).getLong()));
      out.add(NdArrays.scalarOf(((TFloat32) r.get(1)).getFloat()));
      for (int i = 2; i < variables.size(); i++) {
        TFloat32 t = (TFloat32) r.get(i);
        float[] flat = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(flat);
        graphSlots.add(flat);
      }
    }
    List<Shape> shapes = weightShapes();
    int kinds = optimizer.slotNames().size();
    boolean packed = optimizer.packs(shapes.size());
    long[] offset = new long[kinds];
    for (int v = 0; v < shapes.size(); v++) {
      for (int k = 0; k < kinds; k++) {
        float[] src = graphSlots.get(packed ? k : v * kinds + k);
        int size = (int) shapes.get(v).size();
        int from = packed ? (int) offset[k] : 0;
        float[] part = new float[size];
        System.arraycopy(src, from, part, 0, size);
        offset[k] += size;
        out.add(NdArrays.wrap(shapes.get(v), DataBuffers.of(part, true, false)));
      }
    }
    return out;
  }

  /**
   * Assigns every variable; the caller has checked {@code values} against Keras's layout ({@code
   * OptimizerVariable.keras}).
   *
   * @param values in {@link #read()}'s order and types
   */
  void write(List<NdArray<?>> values) {
    if (feeds == null) {
      Ops tf = g.tf().withSubScope("set_optimizer_variables");
      feeds = new ArrayList<>();
      assigns = new ArrayList<>();
      for (Variable<?> v : variables) {
        feed(tf, v);
      }
    }
    List<Shape> shapes = weightShapes();
    int kinds = optimizer.slotNames().size();
    boolean packed = optimizer.packs(shapes.size());
    List<Tensor> tensors = new ArrayList<>();
    try {
      tensors.add(TInt64.scalarOf(((LongNdArray) values.get(0)).getLong()));
      tensors.add(TFloat32.scalarOf(((FloatNdArray) values.get(1)).getFloat()));
      if (!packed) {
        for (int i = 2; i < values.size(); i++) {
          tensors.add(TFloat32.tensorOf((FloatNdArray) values.get(i)));
        }
      } else {
        long total = 0;
        for (Shape s : shapes) {
          total += s.size();
        }
        for (int k = 0; k < kinds; k++) {
          float[] flat = new float[(int) total];
          int at = 0;
          for (int v = 0; v < shapes.size(); v++) {
            FloatNdArray part = (FloatNdArray) values.get(2 + v * kinds + k);
            part.copyTo(DataBuffers.of(flat, false, false).offset(at));
            at += (int) part.size();
          }
          tensors.add(TFloat32.vectorOf(flat));
        }
      }
      Session.Runner runner = g.session().runner();
      for (int i = 0; i < tensors.size(); i++) {
        runner.feed(feeds.get(i), tensors.get(i)).addTarget(assigns.get(i));
      }
      runner.run().close();
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  @SuppressWarnings("unchecked")
  private <T extends TType> void feed(Ops tf, Variable<?> variable) {
    Variable<T> v = (Variable<T>) variable;
    Placeholder<T> p = tf.withName(v.op().name().replace('/', '_'))
        .placeholder(v.type(), Placeholder.shape(v.shape()));
    feeds.add(p);
    assigns.add(tf.assign(v, (Operand<T>) p));
  }

  private List<Shape> weightShapes() {
    List<Shape> shapes = new ArrayList<>();
    g.weights().forEach(w -> shapes.add(w.shape()));
    return shapes;
  }
}
