package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * An element-wise update on one flat vector: every weight's gradient concatenated in model order,
 * the update once, the result split back. The same bits as weight by weight, with about half the
 * ops per step.
 */
final class Packing {
  private Packing() {}

  /** The tensors flattened and concatenated in order: float32 [total]. */
  static Operand<TFloat32> concat(Ops tf, List<? extends Operand<TFloat32>> parts) {
    List<Operand<TFloat32>> flat = new ArrayList<>();
    for (Operand<TFloat32> p : parts) {
      flat.add(p.shape().numDimensions() == 1 ? p : tf.reshape(p, tf.constant(new long[] {-1})));
    }
    return tf.concat(flat, tf.constant(0));
  }

  /** {@code packed} float32 [total] split into tensors shaped like {@code like}, in order. */
  static List<Operand<TFloat32>> split(Ops tf, Operand<TFloat32> packed,
      List<? extends Operand<TFloat32>> like) {
    long[] sizes = like.stream().mapToLong(w -> w.shape().size()).toArray();
    List<Output<TFloat32>> parts =
        tf.splitV(packed, tf.constant(sizes), tf.constant(0), (long) sizes.length).output();
    List<Operand<TFloat32>> out = new ArrayList<>();
    for (int i = 0; i < like.size(); i++) {
      Shape shape = like.get(i).shape();
      out.add(shape.numDimensions() == 1
          ? parts.get(i) : tf.reshape(parts.get(i), tf.constant(shape.asArray())));
    }
    return out;
  }
}
