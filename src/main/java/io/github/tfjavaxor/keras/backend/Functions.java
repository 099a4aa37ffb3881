package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.family.TType;

/**
 * Graph functions, TF Java's {@link ConcreteFunction}s, with their arguments in a fixed order: the
 * bodies of {@code While} and {@code If}, and the function XLA compiles ({@code
 * tf.function(jit_compile=True)}). A signature is a protobuf map, sorted by key, so the
 * arguments are keyed {@code arg_0000, arg_0001, ...} and come back in that order.
 */
public final class Functions {
  private Functions() {}

  /** A function's body: its inputs, in order, to its outputs. */
  @FunctionalInterface
  public interface Body {
    /**
     * Builds the body's ops.
     *
     * @param tf the function's ops
     * @param inputs one placeholder per template, in order
     * @return the outputs, in order
     */
    List<Operand<?>> apply(Ops tf, List<Operand<?>> inputs);
  }

  /**
   * A function argument's dtype and shape.
   *
   * @param type the value type, e.g. {@code TFloat32.class}
   * @param shape the static shape; -1 for a dimension known only at run time
   */
  public record Arg(Class<? extends TType> type, Shape shape) {
    /**
     * The argument a tensor passes.
     *
     * @param t a tensor of the graph that will call the function
     * @return its value type and shape (a ref variable's output gives its value type)
     */
    public static Arg of(Operand<?> t) {
      return new Arg(t.asOutput().type(), t.shape());
    }
  }

  /**
   * Traces {@code body} into a new function.
   *
   * @param name the function's signature key (its name in the graph's library gets a suffix)
   * @param templates one tensor per input, whose dtype and shape the input gets (a ref variable's
   *     output gives its value type)
   * @param body the ops, built once, in a graph of their own
   * @return the function; the caller closes it once the graph that calls it holds a copy
   */
  public static ConcreteFunction trace(String name, List<? extends Operand<?>> templates,
      Body body) {
    return traceArgs(name, templates.stream().map(Arg::of).toList(), body);
  }

  /**
   * {@link #trace} with the arguments' dtypes and shapes given.
   *
   * @param name the function's signature key
   * @param args one per input, in order
   * @param body the ops, built once, in a graph of their own
   * @return the function; the caller closes it once the graph that calls it holds a copy
   */
  public static ConcreteFunction traceArgs(String name, List<Arg> args, Body body) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<?>> inputs = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Arg a = args.get(i);
        inputs.add(tf.withName(argName(i)).placeholder(a.type(), Placeholder.shape(a.shape())));
      }
      List<Operand<?>> outputs = body.apply(tf, inputs);
      Signature.Builder sig = Signature.builder().key(name);
      for (int i = 0; i < inputs.size(); i++) {
        sig.input(argName(i), inputs.get(i));
      }
      for (int i = 0; i < outputs.size(); i++) {
        sig.output("out_" + argName(i), outputs.get(i));
      }
      return ConcreteFunction.create(sig.build(), g);
    }
  }

  /**
   * Calls a function from {@code tf}'s graph: a {@code PartitionedCall}, which the session inlines
   * before placement; or, with {@code xla}, a {@code StatefulPartitionedCall} marked {@code
   * _XlaMustCompile}, as {@code tf.function(jit_compile=True)} marks it, which XLA compiles once
   * per input shapes.
   *
   * @param tf the calling graph's ops
   * @param f a traced function
   * @param args one per input, in order
   * @param xla true to have XLA compile it
   * @return the outputs, in order
   */
  public static List<Output<?>> call(Ops tf, ConcreteFunction f, List<? extends Operand<?>> args,
      boolean xla) {
    Output<?>[] in = args.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
    var b = tf.scope().env().opBuilder(xla ? "StatefulPartitionedCall" : "PartitionedCall",
            tf.scope().makeOpName(xla ? "xla_call" : "call"), tf.scope())
        .addInputList(in)
        .setAttr("Tin", types(in))
        .setAttr("Tout", outputTypes(f))
        .setAttr("f", f);
    if (xla) {
      b.setAttr("_XlaMustCompile", true);
    }
    GraphOperation op = (GraphOperation) b.build();
    List<Output<?>> out = new ArrayList<>();
    for (int i = 0; i < op.numOutputs(); i++) {
      out.add(op.output(i));
    }
    return out;
  }

  /** The value types of {@code args} (a ref variable's output gives its value type). */
  static DataType[] types(Output<?>[] args) {
    DataType[] t = new DataType[args.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = WhileLoop.baseType(args[i].dataType());
    }
    return t;
  }

  /** The output types of a function {@link #trace} made, in order. */
  static DataType[] outputTypes(ConcreteFunction f) {
    DataType[] t = new DataType[f.signature().outputNames().size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = f.signature().getOutputs().get("out_" + argName(i)).dataType;
    }
    return t;
  }

  /** The key of argument {@code i}: sorted keys keep the arguments in order. */
  static String argName(int i) {
    return String.format("arg_%04d", i);
  }
}
