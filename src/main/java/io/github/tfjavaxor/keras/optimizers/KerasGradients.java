package io.github.tfjavaxor.keras.optimizers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.ReduceSum;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.op.math.SigmoidGrad;
import org.tensorflow.op.math.TanhGrad;
import org.tensorflow.op.nn.BiasAddGrad;
import org.tensorflow.op.train.BatchMatMul;
import org.tensorflow.op.nn.EluGrad;
import org.tensorflow.op.nn.Relu6Grad;
import org.tensorflow.op.nn.ReluGrad;
import org.tensorflow.op.nn.SeluGrad;
import org.tensorflow.op.nn.SoftsignGrad;
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
 *
 * <p>All ops go under the name scope {@code gradients/}: the loss part under the loss's top scope
 * ({@code gradients/compile_loss/...}), each ruled op's gradient under its forward op's name
 * ({@code gradients/dense_1/MatMul/MatMul_1} is d loss / d {@code dense_1/kernel}), as Keras's
 * {@code gradient_tape/...} names them.
 */
public final class KerasGradients {

  private KerasGradients() {}

  /**
   * d loss / d var for each variable, in order: TF Java's {@code tf.gradients(loss, vars)} with
   * Python's gradient rules for the Dense stack; Keras's {@code tape.gradient(loss, vars)}.
   *
   * @param tf the graph's ops
   * @param loss float32 scalar
   * @param vars float32 tensors that reach the loss: the variables, or a pure step's weight inputs
   * @return float32, one per variable, each of its variable's shape
   * @throws org.tensorflow.exceptions.TFInvalidArgumentException as {@code addGradients} does if a
   *     variable does not reach the loss
   */
  public static List<Output<TFloat32>> of(
      Ops tf, Operand<TFloat32> loss, List<? extends Operand<TFloat32>> vars) {
    GradientPlan plan = GradientPlan.of(loss, vars);
    tf = tf.withSubScope("gradients");
    if (plan == null) {
      Gradients g = tf.gradients(loss, vars);
      List<Output<TFloat32>> out = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        out.add(g.dy(i));
      }
      return out;
    }
    // The loss part: C++ gradients down to the boundary tensors.
    String lossName = loss.op().name();
    Ops lossPart = lossName.contains("/") ? tf.withName(lossName.split("/")[0]) : tf;
    Gradients boundary = lossPart.gradients(loss, plan.boundary);
    Map<String, List<Operand<TFloat32>>> grads = new HashMap<>();
    for (int i = 0; i < plan.boundary.size(); i++) {
      add(grads, plan.boundary.get(i), boundary.dy(i));
    }
    // The model part, from the boundary back to the variables, with Python's rules.
    Map<String, Ops> scopes = new HashMap<>();
    for (int i = plan.order.size() - 1; i >= 0; i--) {
      GraphOperation op = plan.order.get(i);
      Ops g = scope(tf, op.name(), scopes);
      Operand<TFloat32> dy = sum(g, grads.get(GradientPlan.key(op.output(0))));
      if (dy != null) {
        backprop(g, op, dy, plan, grads);
      }
    }
    Ops g = tf;
    List<Output<TFloat32>> out = new ArrayList<>();
    for (Operand<TFloat32> v : vars) {
      out.add(sum(g, grads.get(GradientPlan.key(v.asOutput()))).asOutput());
    }
    return out;
  }

  /** {@code root}'s sub-scope for a forward op's name ({@code dense_1/MatMul}), each made once. */
  private static Ops scope(Ops root, String path, Map<String, Ops> scopes) {
    Ops s = scopes.get(path);
    if (s == null) {
      int slash = path.lastIndexOf('/');
      Ops parent = slash < 0 ? root : scope(root, path.substring(0, slash), scopes);
      s = parent.withSubScope(path.substring(slash + 1));
      scopes.put(path, s);
    }
    return s;
  }

  private static void backprop(
      Ops g,
      GraphOperation op,
      Operand<TFloat32> dy,
      GradientPlan plan,
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
      case "BatchMatMulV3":
        {
          // _BatchMatMulV2Grad, stacked models: da = dy·bᵀ, db = aᵀ·dy per model.
          Output<TFloat32> b = input(op, 1);
          if (plan.needsGrad(a)) {
            add(grads, a, g.train.batchMatMul(dy, b, TFloat32.class, BatchMatMul.adjY(true)));
          }
          if (plan.needsGrad(b)) {
            add(grads, b, g.train.batchMatMul(a, dy, TFloat32.class, BatchMatMul.adjX(true)));
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
          // reshape(reduce_sum(dy, [0], keepdims=True), shape(y)); stacked, x [s, ?, n] and
          // y [s, 1, n], the batch axis is 1.
          Output<TFloat32> bias = input(op, 1);
          if (plan.needsGrad(a)) {
            add(grads, a, dy);
          }
          if (!plan.needsGrad(bias)) {
            return;
          }
          int batchAxis = a.shape().numDimensions() - 2;
          add(
              grads,
              bias,
              g.reshape(
                  g.reduceSum(dy, g.constant(new int[] {batchAxis}), ReduceSum.keepDims(true)),
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

  @SuppressWarnings("unchecked")
  private static Output<TFloat32> input(GraphOperation op, int i) {
    return (Output<TFloat32>) op.input(i);
  }

  private static void add(
      Map<String, List<Operand<TFloat32>>> grads, Output<?> t, Operand<TFloat32> g) {
    grads.computeIfAbsent(GradientPlan.key(t), k -> new ArrayList<>()).add(g);
  }

  /** The sum of a tensor's gradient contributions, as Python aggregates them (AddN); null if none. */
  private static Operand<TFloat32> sum(Ops tf, List<Operand<TFloat32>> parts) {
    if (parts == null || parts.isEmpty()) {
      return null;
    }
    return parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
  }
}
