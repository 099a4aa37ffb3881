package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * Writes a pure step's results back into the graph's variables, the one stateful part of the
 * inline step. TF Java's variables are ref variables, read in place: an {@code Assign} that ran
 * while another op still read the old value (a gradient's {@code dy · Wᵀ}, say) would change
 * that op's input. So every assign waits until every new value is computed; every op that reads
 * an old value feeds one of them.
 */
public final class InPlace {
  private InPlace() {}

  /**
   * {@code variables[i] = values[i]} for every i, after all values exist.
   *
   * @param tf ops in the scope the assigns and the returned op go under
   * @param variables ref variables
   * @param values their new values, same dtypes and shapes
   * @param name the returned op's name, e.g. {@code apply_gradients}
   * @return a NoOp that runs every assign
   * @throws IllegalArgumentException if the lists differ in length
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static Op assign(Ops tf, List<? extends Operand<?>> variables,
      List<? extends Operand<?>> values, String name) {
    if (variables.size() != values.size()) {
      throw new IllegalArgumentException("assign: expected one value per variable ("
          + variables.size() + "), found " + values.size());
    }
    List<Op> computed = new ArrayList<>();
    for (Operand<?> v : values) {
      computed.add(v);
    }
    Ops after = tf.withControlDependencies(computed);
    List<Op> assigns = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      assigns.add(after.assign((Operand) variables.get(i), (Operand) values.get(i)));
    }
    return tf.withControlDependencies(assigns).withName(name).noOp();
  }
}
