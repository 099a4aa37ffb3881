package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * One variable of an optimizer's state as the port keeps it in the graph: {@code iteration}
 * (int64 [], 0), {@code learning_rate} (float32 [], the configured rate), then the slots, zeros of
 * a weight's shape or, packed, of all weights' total size ({@link Optimizer#variables}).
 *
 * @param name the variable's name under the optimizer's scope, e.g. {@code iteration}, {@code
 *     momentum} (packed) or {@code dense_kernel_velocity}
 * @param shape its shape
 * @param int64 true for the step counter only
 * @param initialValue every element's initial value (0 for the counter and the slots)
 */
public record StateVariable(String name, Shape shape, boolean int64, float initialValue) {
  /** The learning rate's name; it starts at the optimizer's configured rate. */
  public static final String LEARNING_RATE = "learning_rate";

  /**
   * An optimizer's state for weights of these paths and shapes: {@code iteration}, {@code
   * learning_rate}, the slots (packed into one vector per slot name, or one per weight and slot,
   * named {@code dense_kernel_momentum} as Keras names them), then its extra state.
   */
  static List<StateVariable> layout(Optimizer o, List<String> paths, List<Shape> shapes) {
    List<StateVariable> out = new ArrayList<>();
    out.add(new StateVariable("iteration", Shape.scalar(), true, 0));
    out.add(new StateVariable(LEARNING_RATE, Shape.scalar(), false, o.learningRate()));
    if (o.packs(shapes.size())) {
      long total = shapes.stream().mapToLong(Shape::size).sum();
      o.slotNames().forEach(s -> out.add(new StateVariable(s, Shape.of(total), false, 0)));
    } else {
      for (int i = 0; i < shapes.size(); i++) {
        for (String s : o.slotNames()) {
          String name = paths.get(i).replace('/', '_') + "_" + s;
          out.add(new StateVariable(name, shapes.get(i), false, 0));
        }
      }
    }
    out.addAll(o.extraVariables());
    return out;
  }

  /**
   * Creates the variable under {@code tf}'s scope with its initial value in the init scope, as
   * Keras's {@code add_variable} creates optimizer variables ({@code adam/iteration}, ...).
   *
   * @param tf ops in the optimizer's scope ({@code adam/})
   * @return a VariableV2 of TInt64 or TFloat32
   */
  public Variable<?> create(Ops tf) {
    Ops init = tf.withInitScope();
    Operand<?> value;
    if (int64) {
      value = init.fill(init.constant(shape.asArray()), init.constant((long) initialValue));
      return tf.withName(name).variable(cast(value, TInt64.class));
    }
    value = init.fill(init.constant(shape.asArray()), init.constant(initialValue));
    return tf.withName(name).variable(cast(value, TFloat32.class));
  }

  @SuppressWarnings("unchecked")
  private static <T extends org.tensorflow.types.family.TType> Operand<T> cast(Operand<?> o,
      Class<T> type) {
    return (Operand<T>) o;
  }
}
