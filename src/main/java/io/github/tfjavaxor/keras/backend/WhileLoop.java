package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;

/**
 * A functional {@code While} built as Python's {@code while_v2} builds it: outside XLA it carries
 * {@code _lower_using_switch_merge = true}, so the session lowers it to Switch/Merge/NextIteration
 * before placement and its body's ops are placed on a device and optimized by Grappler with the
 * rest of the graph. Unlowered, a function body's nodes have no device, and Grappler's remapper
 * fuses only ops it sees on the CPU: the loop then ran five separate MatMul instead of the one-step
 * graph's two {@code _FusedMatMul} (docs/development/framework-defects.md §7), rounding differently under
 * oneDNN on some CPUs.
 */
public final class WhileLoop {
  /** The attribute {@code while_v2} sets (TensorFlow's {@code kLowerUsingSwitchMergeAttr}). */
  public static final String LOWER_ATTR = "_lower_using_switch_merge";

  private WhileLoop() {}

  /**
   * Builds {@code While} (or {@code StatelessWhile} when neither function is stateful) over {@code
   * inputs}.
   *
   * @param cond (inputs...) -> bool scalar
   * @param body (inputs...) -> the inputs' next values, same dtypes
   * @param lower true outside XLA (the session lowers it); false inside a function XLA compiles,
   *     as {@code while_v2} leaves it in an XLA context
   * @return the loop's outputs, one per input
   */
  public static List<Output<?>> build(Ops tf, List<? extends Operand<?>> inputs,
      ConcreteFunction cond, ConcreteFunction body, boolean lower) {
    Output<?>[] args = inputs.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
    String type = cond.isStateful() || body.isStateful() ? "While" : "StatelessWhile";
    GraphOperation op = (GraphOperation) tf.scope().env()
        .opBuilder(type, tf.scope().makeOpName("while"), tf.scope())
        .addInputList(args)
        .setAttr("T", Functions.types(args))
        .setAttr("cond", cond)
        .setAttr("body", body)
        .setAttr("parallel_iterations", 1L)
        .setAttr(LOWER_ATTR, lower)
        .build();
    List<Output<?>> out = new ArrayList<>();
    for (int i = 0; i < op.numOutputs(); i++) {
      out.add(op.output(i));
    }
    return out;
  }

  /** The value type of a possibly reference type (float_ref -> float). */
  static DataType baseType(DataType t) {
    return t.getNumber() > 100 ? DataType.forNumber(t.getNumber() - 100) : t;
  }
}
