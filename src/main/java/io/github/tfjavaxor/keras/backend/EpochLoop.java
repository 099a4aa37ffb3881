package io.github.tfjavaxor.keras.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * K epochs of a single-batch train step in one {@code session.run}: a functional {@code While}
 * whose body is the step as a pure function ({@link PureStep}), carrying every variable the step
 * reads or writes (weights, optimizer slots, iterations) and writing each epoch's {@code [loss,
 * metric totals...]} into row e of a float32 [K, m] tensor; after the loop each variable is
 * assigned its final value. What Keras's {@code steps_per_execution} does for batches, over epochs.
 *
 * <p>With {@code jitCompile} the loop runs inside a {@code StatefulPartitionedCall} marked {@code
 * _XlaMustCompile}, as {@code tf.function(jit_compile=True)} marks it: XLA compiles it once per
 * (K, batch) shape. XLA rounds differently from the kernels Grappler picks (docs/performance.md).
 *
 * <p>The loop's inputs include the variables, so TensorFlow's graph-level constant folding never
 * evaluates it (a While over constants only is folded at session build time, recursing once per
 * iteration on the calling thread's stack: docs/framework-defects.md §6).
 */
public final class EpochLoop {
  private final Session session;
  private final List<Output<?>> feeds = new ArrayList<>();
  private final Placeholder<TFloat32> logsInit;
  private final Output<TFloat32> logs;
  private final Op update;
  private final int width;

  private EpochLoop(Graph graph, Ops ops, Session session, PureStep step, String stepLogs,
      int width, boolean jitCompile) {
    this.session = session;
    this.width = width;
    Ops tf = ops.withSubScope("epoch_loop");
    List<String> vars = new ArrayList<>(step.newValues.keySet());
    try (ConcreteFunction body = body(step, stepLogs, width);
        ConcreteFunction cond = cond(step, width)) {
      logsInit = tf.withName("logs_init")
          .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
      List<Operand<?>> inputs = new ArrayList<>();
      inputs.add(logsInit);
      for (String v : vars) {
        inputs.add(tf.identity(output(graph, v)));
      }
      for (String f : step.feeds) {
        feeds.add(graph.operationOrThrow(f).output(0));
        inputs.add(feeds.get(feeds.size() - 1));
      }
      List<Output<?>> results = jitCompile
          ? xlaCall(tf, graph, inputs, cond, body)
          : loop(tf, inputs, cond, body, true);
      @SuppressWarnings("unchecked")
      Output<TFloat32> l = (Output<TFloat32>) results.get(0);
      logs = l;
      List<Op> assigns = new ArrayList<>();
      for (int k = 0; k < vars.size(); k++) {
        assigns.add(assign(tf, output(graph, vars.get(k)), results.get(1 + k)));
      }
      update = tf.withControlDependencies(assigns).noOp();
    }
  }

  /**
   * Builds the loop for the step that computes {@code stepLogs} and runs {@code trainOp}.
   *
   * @param stepLogs float32 [m], the step's logs before its update
   * @param feeds the step's placeholders, in the order {@link #run} gets their values
   * @return the loop, or null if the step cannot be written as a pure function or reads other
   *     placeholders
   */
  public static EpochLoop build(ModelGraph g, Op trainOp, Operand<TFloat32> stepLogs,
      List<? extends Operand<?>> feeds, boolean jitCompile) {
    return build(g.graph(), g.tf(), g.session(), trainOp, stepLogs, feeds, jitCompile);
  }

  /**
   * As {@link #build(ModelGraph, Op, Operand, List, boolean)} on any graph of ref variables and
   * its session (the tutorial's own graph).
   */
  public static EpochLoop build(Graph graph, Ops tf, Session session, Op trainOp,
      Operand<TFloat32> stepLogs, List<? extends Operand<?>> feeds, boolean jitCompile) {
    String logsName = stepLogs.op().name();
    PureStep step = PureStep.of(graph.toGraphDef(), List.of(trainOp.op().name(), logsName));
    if (step == null
        || !step.feeds.equals(feeds.stream().map(f -> f.op().name()).toList())) {
      return null;
    }
    int width = (int) stepLogs.shape().size(0);
    return new EpochLoop(graph, tf, session, step, logsName, width, jitCompile);
  }

  /**
   * Runs {@code epochs} steps on the same feeds.
   *
   * @param feedValues one tensor per placeholder given to {@link #build}, in that order
   * @return float [epochs][m]: row e is epoch e's logs before its update
   */
  public float[][] run(List<? extends Tensor> feedValues, int epochs) {
    try (TFloat32 init = TFloat32.tensorOf(Shape.of(epochs, width))) {
      Session.Runner runner = session.runner().feed(logsInit, init);
      for (int i = 0; i < feeds.size(); i++) {
        runner.feed(feeds.get(i), feedValues.get(i));
      }
      try (Result r = runner.fetch(logs).addTarget(update).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[][] out = new float[epochs][width];
        for (int e = 0; e < epochs; e++) {
          for (int j = 0; j < width; j++) {
            out[e][j] = t.getFloat(e, j);
          }
        }
        return out;
      }
    }
  }

  // (epoch, logs, variables..., feeds...) -> (epoch + 1, logs with row epoch set, new values...,
  // feeds...).
  private static ConcreteFunction body(PureStep step, String stepLogs, int width) {
    try (Graph g = new Graph()) {
      g.importGraphDef(step.graphDef);
      Ops tf = Ops.create(g).withSubScope("loop_body");
      Placeholder<TInt32> epoch = tf.withName("epoch").placeholder(TInt32.class,
          Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> logs = tf.withName("logs").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, width)));
      Signature.Builder sig = Signature.builder().key("epoch_loop_body");
      List<Output<?>> ins = new ArrayList<>();
      List<Operand<?>> outs = new ArrayList<>();
      ins.add(epoch.asOutput());
      outs.add(tf.math.add(epoch, tf.constant(1)));
      ins.add(logs.asOutput());
      @SuppressWarnings("unchecked")
      Operand<TFloat32> stepRow = (Operand<TFloat32>) output(g, stepLogs);
      Operand<TFloat32> row = tf.reshape(stepRow, tf.constant(new long[] {1, width}));
      outs.add(tf.tensorScatterNdUpdate(logs,
          tf.reshape(epoch, tf.constant(new long[] {1, 1})), row));
      for (Map.Entry<String, String> v : step.newValues.entrySet()) {
        ins.add(output(g, v.getKey()));
        outs.add(output(g, v.getValue()));
      }
      for (String f : step.feeds) {
        ins.add(output(g, f));
        outs.add(output(g, f));
      }
      for (int i = 0; i < ins.size(); i++) {
        sig.input(argName(i), ins.get(i)).output(argName(i), outs.get(i));
      }
      return ConcreteFunction.create(sig.build(), g);
    }
  }

  // The same arguments -> epoch < rows of logs.
  private static ConcreteFunction cond(PureStep step, int width) {
    GraphDef.Builder placeholders = GraphDef.newBuilder();
    for (NodeDef n : step.graphDef.getNodeList()) {
      if (n.getOp().equals("Placeholder")) {
        placeholders.addNode(n);
      }
    }
    try (Graph g = new Graph()) {
      g.importGraphDef(placeholders.build());
      Ops tf = Ops.create(g).withSubScope("loop_cond");
      Placeholder<TInt32> epoch = tf.withName("epoch").placeholder(TInt32.class,
          Placeholder.shape(Shape.scalar()));
      Placeholder<TFloat32> logs = tf.withName("logs").placeholder(TFloat32.class,
          Placeholder.shape(Shape.of(-1, width)));
      List<Output<?>> ins = new ArrayList<>(List.of(epoch.asOutput(), logs.asOutput()));
      step.newValues.keySet().forEach(v -> ins.add(output(g, v)));
      step.feeds.forEach(f -> ins.add(output(g, f)));
      Signature.Builder sig = Signature.builder().key("epoch_loop_cond");
      for (int i = 0; i < ins.size(); i++) {
        sig.input(argName(i), ins.get(i));
      }
      Operand<TInt32> rows = tf.stridedSlice(tf.shape(logs), tf.constant(new int[] {0}),
          tf.constant(new int[] {1}), tf.constant(new int[] {1}),
          org.tensorflow.op.core.StridedSlice.shrinkAxisMask(1L));
      return ConcreteFunction.create(sig.output("more", tf.math.less(epoch, rows)).build(), g);
    }
  }

  // The While from epoch 0, lowered outside XLA (WhileLoop); returns (logs, new values...).
  private static List<Output<?>> loop(Ops tf, List<Operand<?>> inputs, ConcreteFunction cond,
      ConcreteFunction body, boolean lower) {
    List<Operand<?>> all = new ArrayList<>();
    all.add(tf.constant(0));
    all.addAll(inputs);
    List<Output<?>> out = WhileLoop.build(tf, all, cond, body, lower);
    return out.subList(1, out.size());
  }

  // The While inside a function called with _XlaMustCompile, as tf.function(jit_compile=True).
  private static List<Output<?>> xlaCall(Ops tf, Graph graph, List<Operand<?>> inputs,
      ConcreteFunction cond, ConcreteFunction body) {
    DataType[] types = new DataType[inputs.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = baseType(inputs.get(i).asOutput().dataType());
    }
    try (ConcreteFunction loop = loopFunction(inputs, cond, body)) {
      Output<?>[] args = inputs.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
      GraphOperation call = (GraphOperation) graph.opBuilder("StatefulPartitionedCall",
              tf.scope().makeOpName("xla_call"), tf.scope())
          .addInputList(args)
          .setAttr("Tin", types)
          .setAttr("Tout", types)
          .setAttr("f", loop)
          .setAttr("_XlaMustCompile", true)
          .build();
      List<Output<?>> out = new ArrayList<>();
      for (int i = 0; i < call.numOutputs(); i++) {
        out.add(call.output(i));
      }
      return out;
    }
  }

  private static ConcreteFunction loopFunction(List<Operand<?>> inputs, ConcreteFunction cond,
      ConcreteFunction body) {
    GraphDef.Builder placeholders = GraphDef.newBuilder();
    for (int i = 0; i < inputs.size(); i++) {
      Output<?> in = inputs.get(i).asOutput();
      placeholders.addNode(NodeDef.newBuilder().setName(argName(i)).setOp("Placeholder")
          .putAttr("dtype", org.tensorflow.proto.AttrValue.newBuilder()
              .setType(baseType(in.dataType())).build())
          .putAttr("shape", org.tensorflow.proto.AttrValue.newBuilder()
              .setShape(shapeProto(in.shape())).build()));
    }
    try (Graph g = new Graph()) {
      g.importGraphDef(placeholders.build());
      Ops tf = Ops.create(g);
      List<Operand<?>> args = new ArrayList<>();
      for (int i = 0; i < inputs.size(); i++) {
        args.add(output(g, argName(i)));
      }
      List<Output<?>> out = loop(tf, args, cond, body, false);
      Signature.Builder sig = Signature.builder().key("epoch_loop");
      for (int i = 0; i < args.size(); i++) {
        sig.input(argName(i), args.get(i)).output("out_" + argName(i), out.get(i));
      }
      return ConcreteFunction.create(sig.build(), g);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Op assign(Ops tf, Output<?> variable, Output<?> value) {
    return tf.assign((Operand) variable, (Operand) value);
  }

  private static Output<?> output(Graph g, String name) {
    return g.operationOrThrow(name).output(0);
  }

  // Sorted names keep the signature's order (a protobuf map) the order of the loop's values.
  private static String argName(int i) {
    return String.format("arg_%04d", i);
  }

  private static DataType baseType(DataType t) {
    return WhileLoop.baseType(t);
  }

  private static org.tensorflow.proto.TensorShapeProto shapeProto(Shape s) {
    org.tensorflow.proto.TensorShapeProto.Builder b =
        org.tensorflow.proto.TensorShapeProto.newBuilder();
    if (s.isUnknown()) {
      return b.setUnknownRank(true).build();
    }
    for (long d : s.asArray()) {
      b.addDim(org.tensorflow.proto.TensorShapeProto.Dim.newBuilder().setSize(d));
    }
    return b.build();
  }
}
