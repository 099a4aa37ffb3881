package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBool;

/**
 * A functional {@code If}, built as Python's {@code cond_v2} builds it: lowered to Switch/Merge
 * outside XLA ({@link WhileLoop#LOWER_ATTR}), so its branches' ops are placed and fused with the
 * rest of the graph (docs/development/framework-defects.md §7). A loop over batches uses it for the short last
 * batch, whose shape differs from the others.
 */
public final class Cond {
  private Cond() {}

  /**
   * @param pred bool scalar
   * @param inputs the arguments of both branches
   * @param then (inputs...) -> outputs, run if pred
   * @param otherwise (inputs...) -> outputs of the same dtypes, run if not
   * @param lower true outside XLA
   * @return the taken branch's outputs
   */
  public static List<Output<?>> build(Ops tf, Operand<TBool> pred,
      List<? extends Operand<?>> inputs, ConcreteFunction then, ConcreteFunction otherwise,
      boolean lower) {
    Output<?>[] args = inputs.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
    boolean stateful = then.isStateful() || otherwise.isStateful();
    GraphOperation op = (GraphOperation) tf.scope().env()
        .opBuilder(stateful ? "If" : "StatelessIf", tf.scope().makeOpName("cond"), tf.scope())
        .addInput(pred.asOutput())
        .addInputList(args)
        .setAttr("Tcond", DataType.DT_BOOL)
        .setAttr("Tin", Functions.types(args))
        .setAttr("Tout", Functions.outputTypes(then))
        .setAttr("then_branch", then)
        .setAttr("else_branch", otherwise)
        .setAttr(WhileLoop.LOWER_ATTR, lower)
        .build();
    List<Output<?>> out = new ArrayList<>();
    for (int i = 0; i < op.numOutputs(); i++) {
      out.add(op.output(i));
    }
    return out;
  }
}
