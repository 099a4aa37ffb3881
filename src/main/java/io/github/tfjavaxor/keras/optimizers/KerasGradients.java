package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.SigmoidGrad;
import org.tensorflow.op.math.TanhGrad;
import org.tensorflow.op.nn.BiasAddGrad;
import org.tensorflow.op.nn.EluGrad;
import org.tensorflow.op.nn.Relu6Grad;
import org.tensorflow.op.nn.ReluGrad;
import org.tensorflow.op.nn.SeluGrad;
import org.tensorflow.op.nn.SoftsignGrad;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;

/**
 * Gradients of a loss for a list of variables, built as TensorFlow's Python gradient functions
 * build them (the ones Keras gets through {@code tf.GradientTape}), where TF Java's C++ gradients
 * would produce a graph that Grappler optimizes into different kernels.
 *
 * <p>{@code Graph.addGradients} uses the C++ gradient registry, and two of its functions differ
 * from Python's in the ops they consume, not in the math:
 *
 * <ul>
 *   <li>C++ {@code Relu} (and {@code Relu6}) pass the op's <em>input</em> to {@code ReluGrad};
 *       Python passes its output. The {@code BiasAdd} then has two consumers, and Grappler's
 *       remapper no longer fuses {@code MatMul + BiasAdd + Relu} into one {@code _FusedMatMul}.
 *   <li>C++ {@code Add} always reduces through {@code Shape(x)} and {@code BroadcastGradientArgs};
 *       Python infers the reduction axes from the static shapes ({@code [?, 1] + [1]}: none for x,
 *       axis 0 for the bias) and adds no {@code Shape}. The {@code Shape} is a second consumer of
 *       the output layer's {@code MatMul}, so {@code MatMul + Add + Sigmoid} is not fused either,
 *       and the unfused MatMul then Add rounds 1 ulp away from the fused kernel for some weights:
 *       the loss logged by the train step differed from evaluate's and from Keras's.
 * </ul>
 *
 * <p>So the model's part of the graph (the ops between the variables and the last tensors of the
 * Dense stack: {@code MatMul}, {@code BiasAdd}, a bias {@code Add}, the activations) is
 * differentiated here with Python's rules, and the rest (the loss, whatever it is) with one
 * {@code addGradients} call down to those tensors, as before. Graphs of any other shape (a
 * variable used outside such ops, tensors that depend on each other at the boundary) get plain
 * {@code addGradients}, the previous behaviour.
 */
final class KerasGradients {

  private static final Set<String> ACTIVATIONS =
      Set.of("Relu", "Relu6", "Elu", "Selu", "Sigmoid", "Tanh", "Softsign");

  private KerasGradients() {}

  /**
   * d loss / d var for each variable, in order.
   *
   * @throws org.tensorflow.exceptions.TFInvalidArgumentException as {@code addGradients} does if a
   *     variable does not reach the loss
   */
  static List<Output<TFloat32>> of(Ops tf, Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
    Plan plan = Plan.of(loss, vars);
    if (plan == null) {
      Gradients g = tf.gradients(loss, vars);
      List<Output<TFloat32>> out = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        out.add(g.dy(i));
      }
      return out;
    }
    // The loss part: C++ gradients down to the boundary tensors.
    Gradients boundary = tf.gradients(loss, plan.boundary);
    Map<String, List<Operand<TFloat32>>> grads = new HashMap<>();
    for (int i = 0; i < plan.boundary.size(); i++) {
      add(grads, plan.boundary.get(i), boundary.dy(i));
    }
    // The model part, from the boundary back to the variables, with Python's rules.
    Ops g = tf.withSubScope("KerasGradients");
    for (int i = plan.order.size() - 1; i >= 0; i--) {
      GraphOperation op = plan.order.get(i);
      Operand<TFloat32> dy = sum(g, grads.get(key(op.output(0))));
      if (dy != null) {
        backprop(g, op, dy, plan, grads);
      }
    }
    List<Output<TFloat32>> out = new ArrayList<>();
    for (Variable<TFloat32> v : vars) {
      out.add(sum(g, grads.get(key(v.asOutput()))).asOutput());
    }
    return out;
  }

  private static void backprop(
      Ops g,
      GraphOperation op,
      Operand<TFloat32> dy,
      Plan plan,
      Map<String, List<Operand<TFloat32>>> grads) {
    Output<TFloat32> y = op.output(0);
    Output<TFloat32> a = input(op, 0);
    switch (op.type()) {
      case "MatMul":
        {
          // _MatMulGrad without transposes: da = dy·bᵀ, db = aᵀ·dy; skipped when not needed.
          Output<TFloat32> b = input(op, 1);
          if (plan.needsGrad(a)) {
            add(grads, a, g.linalg.matMul(dy, b, MatMul.transposeB(true)));
          }
          if (plan.needsGrad(b)) {
            add(grads, b, g.linalg.matMul(a, dy, MatMul.transposeA(true)));
          }
          return;
        }
      case "BiasAdd":
        {
          Output<TFloat32> bias = input(op, 1);
          if (plan.needsGrad(a)) {
            add(grads, a, dy);
          }
          if (plan.needsGrad(bias)) {
            add(grads, bias, BiasAddGrad.create(g.scope(), dy));
          }
          return;
        }
      case "Add":
      case "AddV2":
        {
          // _AddGrad with x [?, n] and y [n]: x's gradient is dy, y's is
          // reshape(reduce_sum(dy, [0], keepdims=True), shape(y)).
          Output<TFloat32> bias = input(op, 1);
          if (plan.needsGrad(a)) {
            add(grads, a, dy);
          }
          if (!plan.needsGrad(bias)) {
            return;
          }
          add(
              grads,
              bias,
              g.reshape(
                  g.reduceSum(dy, g.constant(new int[] {0}), ReduceSum.keepDims(true)),
                  g.constant(bias.shape().asArray())));
          return;
        }
      case "Relu":
        add(grads, a, ReluGrad.create(g.scope(), dy, y));
        return;
      case "Relu6":
        add(grads, a, Relu6Grad.create(g.scope(), dy, y));
        return;
      case "Elu":
        add(grads, a, EluGrad.create(g.scope(), dy, y));
        return;
      case "Selu":
        add(grads, a, SeluGrad.create(g.scope(), dy, y));
        return;
      case "Sigmoid":
        add(grads, a, SigmoidGrad.create(g.scope(), y, dy));
        return;
      case "Tanh":
        add(grads, a, TanhGrad.create(g.scope(), y, dy));
        return;
      case "Softsign":
        add(grads, a, SoftsignGrad.create(g.scope(), dy, a));
        return;
      default:
        throw new AssertionError(op.type());
    }
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
      case "Add":
      case "AddV2":
        {
          Shape x = op.input(0).shape();
          Shape b = op.input(1).shape();
          return x.numDimensions() == 2
              && b.numDimensions() == 1
              && b.size(0) > 0
              && x.size(1) == b.size(0);
        }
      default:
        return ACTIVATIONS.contains(op.type());
    }
  }

  /**
   * Which ops are differentiated here (in topological order), and the boundary tensors down to
   * which the C++ gradients run.
   */
  private static final class Plan {
    final List<GraphOperation> order = new ArrayList<>();
    final List<Output<TFloat32>> boundary = new ArrayList<>();
    final Set<String> needGrad = new HashSet<>();

    boolean needsGrad(Output<?> t) {
      return needGrad.contains(key(t));
    }

    /** Null when the graph is not of the supported shape. */
    static Plan of(Operand<TFloat32> loss, List<Variable<TFloat32>> vars) {
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
      Plan plan = new Plan();
      Set<GraphOperation> varOps = new HashSet<>();
      Deque<Output<?>> todo = new ArrayDeque<>();
      for (Variable<TFloat32> v : vars) {
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
      for (Variable<TFloat32> v : vars) {
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
  }

  private static boolean isFloat32(Output<?> t) {
    return t.dataType() == DataType.DT_FLOAT || t.dataType() == DataType.DT_FLOAT_REF;
  }

  @SuppressWarnings("unchecked")
  private static Output<TFloat32> input(GraphOperation op, int i) {
    return (Output<TFloat32>) op.input(i);
  }

  private static String key(Output<?> t) {
    return t.op().name() + ":" + t.index();
  }

  private static void add(
      Map<String, List<Operand<TFloat32>>> grads, Output<?> t, Operand<TFloat32> g) {
    grads.computeIfAbsent(key(t), k -> new ArrayList<>()).add(g);
  }

  /** The sum of a tensor's gradient contributions, as Python aggregates them (AddN); null if none. */
  private static Operand<TFloat32> sum(Ops tf, List<Operand<TFloat32>> parts) {
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
  }
}
