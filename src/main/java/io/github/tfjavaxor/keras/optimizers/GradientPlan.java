package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Which ops of a graph {@link KerasGradients} differentiates with Python's rules (the Dense stack
 * between the variables and the loss, in topological order), and the boundary tensors down to
 * which the C++ gradients of the rest run. {@link #of} returns null for graphs of any other shape.
 */
final class GradientPlan {
  private static final Set<String> ACTIVATIONS =
      Set.of("Relu", "Relu6", "Elu", "Selu", "Sigmoid", "Tanh", "Softsign");

  final List<GraphOperation> order = new ArrayList<>();
  final List<Output<TFloat32>> boundary = new ArrayList<>();
  final Set<String> needGrad = new HashSet<>();

  boolean needsGrad(Output<?> t) {
    return needGrad.contains(key(t));
  }

  /** Null when the graph is not of the supported shape. */
  static GradientPlan of(Operand<TFloat32> loss, List<? extends Operand<TFloat32>> vars) {
    GraphOperation lossOp = (GraphOperation) loss.op();
    // Ops the loss depends on.
    Set<GraphOperation> upstream = new HashSet<>();
    Deque<GraphOperation> stack = new ArrayDeque<>();
    stack.push(lossOp);
    while (!stack.isEmpty()) {
      GraphOperation op = stack.pop();
      if (upstream.add(op)) {
        for (Operand<?> in : op.inputs()) {
          stack.push((GraphOperation) in.op());
        }
      }
    }
    // Tensors between the variables and the loss, through float32 edges.
    GradientPlan plan = new GradientPlan();
    Set<GraphOperation> varOps = new HashSet<>();
    Deque<Output<?>> todo = new ArrayDeque<>();
    for (Operand<TFloat32> v : vars) {
      if (!varOps.add((GraphOperation) v.op())) {
        return null;
      }
      todo.push(v.asOutput());
    }
    Map<GraphOperation, Boolean> onPath = new LinkedHashMap<>();
    while (!todo.isEmpty()) {
      Output<?> t = todo.pop();
      if (!isFloat32(t) || !plan.needGrad.add(key(t))) {
        continue;
      }
      for (GraphOperation c : ((GraphOperation) t.op()).consumers(t.index())) {
        if (upstream.contains(c) && onPath.put(c, Boolean.TRUE) == null) {
          for (int i = 0; i < c.numOutputs(); i++) {
            todo.push(c.output(i));
          }
        }
      }
    }
    // The ruled region: ops with a rule whose on-path inputs all come from the region or the
    // variables, in topological order.
    Set<GraphOperation> region = new HashSet<>();
    List<GraphOperation> topo = topological(onPath.keySet());
    for (GraphOperation op : topo) {
      if (op == lossOp || !hasRule(op)) {
        continue;
      }
      boolean fromRegion = true;
      for (Operand<?> in : op.inputs()) {
        GraphOperation p = (GraphOperation) in.op();
        if (plan.needsGrad(in.asOutput()) && !region.contains(p) && !varOps.contains(p)) {
          fromRegion = false;
        }
      }
      if (fromRegion) {
        region.add(op);
        plan.order.add(op);
      }
    }
    // A tensor of the region that also feeds the rest is left to the C++ gradients entirely:
    // its consumers in the region leave it, with everything that depends on them.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (GraphOperation op : new ArrayList<>(plan.order)) {
        if (!region.contains(op)) {
          continue;
        }
        Set<GraphOperation> consumers = onPathConsumers(op.output(0), onPath.keySet());
        Set<GraphOperation> inside = new HashSet<>(consumers);
        inside.retainAll(region);
        if (!inside.isEmpty() && inside.size() < consumers.size()) {
          removeWithDescendants(inside, region, onPath.keySet());
          changed = true;
        }
      }
    }
    plan.order.retainAll(region);
    // Every variable must feed only the region.
    for (Operand<TFloat32> v : vars) {
      Set<GraphOperation> consumers = onPathConsumers(v.asOutput(), onPath.keySet());
      if (consumers.isEmpty() || !region.containsAll(consumers)) {
        return null;
      }
    }
    for (GraphOperation op : plan.order) {
      Set<GraphOperation> consumers = onPathConsumers(op.output(0), onPath.keySet());
      if (!region.containsAll(consumers)) {
        plan.boundary.add(op.output(0));
      }
    }
    if (plan.boundary.isEmpty() || !independent(plan.boundary, region)) {
      return null;
    }
    return plan;
  }

  private static void removeWithDescendants(
      Set<GraphOperation> roots, Set<GraphOperation> region, Set<GraphOperation> onPath) {
    Deque<GraphOperation> stack = new ArrayDeque<>(roots);
    while (!stack.isEmpty()) {
      GraphOperation op = stack.pop();
      if (region.remove(op)) {
        stack.addAll(onPathConsumers(op.output(0), onPath));
      }
    }
  }

  private static Set<GraphOperation> onPathConsumers(Output<?> t, Set<GraphOperation> onPath) {
    Set<GraphOperation> out = new HashSet<>();
    for (GraphOperation c : ((GraphOperation) t.op()).consumers(t.index())) {
      if (onPath.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** True if no boundary tensor depends on another (each then has its own gradient). */
  private static boolean independent(List<Output<TFloat32>> boundary, Set<GraphOperation> region) {
    Set<GraphOperation> ops = new HashSet<>();
    for (Output<TFloat32> t : boundary) {
      ops.add((GraphOperation) t.op());
    }
    for (Output<TFloat32> t : boundary) {
      Deque<GraphOperation> stack = new ArrayDeque<>();
      Set<GraphOperation> seen = new HashSet<>();
      for (Operand<?> in : ((GraphOperation) t.op()).inputs()) {
        stack.push((GraphOperation) in.op());
      }
      while (!stack.isEmpty()) {
        GraphOperation op = stack.pop();
        if (!region.contains(op) || !seen.add(op)) {
          continue;
        }
        if (ops.contains(op)) {
          return false;
        }
        for (Operand<?> in : op.inputs()) {
          stack.push((GraphOperation) in.op());
        }
      }
    }
    return true;
  }

  private static List<GraphOperation> topological(Set<GraphOperation> ops) {
    List<GraphOperation> out = new ArrayList<>();
    Set<GraphOperation> done = new HashSet<>();
    for (GraphOperation op : ops) {
      visit(op, ops, done, out);
    }
    return out;
  }

  private static void visit(
      GraphOperation op, Set<GraphOperation> ops, Set<GraphOperation> done, List<GraphOperation> out) {
    if (!ops.contains(op) || !done.add(op)) {
      return;
    }
    for (Operand<?> in : op.inputs()) {
      visit((GraphOperation) in.op(), ops, done, out);
    }
    out.add(op);
  }

  /** True if {@code op} is one of the ops differentiated here, with the shapes the rules assume. */
  private static boolean hasRule(GraphOperation op) {
    if (op.numOutputs() != 1 || !isFloat32(op.output(0))) {
      return false;
    }
    switch (op.type()) {
      case "MatMul":
        return !op.attributes().getAttrBool("transpose_a")
            && !op.attributes().getAttrBool("transpose_b");
      case "BiasAdd":
        return op.output(0).shape().numDimensions() == 2
            && "NHWC".equals(op.attributes().getAttrString("data_format"));
      case "BatchMatMulV3":
        return !op.attributes().getAttrBool("adj_x") && !op.attributes().getAttrBool("adj_y")
            && op.input(0).shape().numDimensions() == 3
            && op.input(1).shape().numDimensions() == 3;
      case "Add":
      case "AddV2":
        return isBiasAdd(op.input(0).shape(), op.input(1).shape());
      default:
        return ACTIVATIONS.contains(op.type());
    }
  }

  /**
   * True for a bias added by broadcasting: x [?, n] + bias [n], or, for models stacked along a
   * leading axis, x [models, ?, n] + bias [models, 1, n].
   */
  static boolean isBiasAdd(Shape x, Shape b) {
    int rank = x.numDimensions();
    if (rank == 2) {
      return b.numDimensions() == 1 && b.size(0) > 0 && x.size(1) == b.size(0);
    }
    return rank == 3 && b.numDimensions() == 3 && b.size(0) > 0 && b.size(0) == x.size(0)
        && b.size(1) == 1 && b.size(2) > 0 && b.size(2) == x.size(2);
  }

  static boolean isFloat32(Output<?> t) {
    return t.dataType() == DataType.DT_FLOAT || t.dataType() == DataType.DT_FLOAT_REF;
  }

  static String key(Output<?> t) {
    return t.op().name() + ":" + t.index();
  }
}
