package io.github.tfjavaxor.keras.transforms;

import io.github.tfjavaxor.keras.backend.Functions;
import io.github.tfjavaxor.keras.backend.InPlace;
import io.github.tfjavaxor.keras.backend.WhileLoop;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A step run over consecutive batches in one {@code session.run}: a {@code While} loop whose body
 * gathers each batch's rows from the data by their index in the epoch's row order, traces the step
 * on them and carries its state; Keras's {@code multi_step_on_iterator} (its {@code
 * steps_per_execution} loop) and JAX's {@code lax.scan} over {@code train_step}. With {@code
 * jitCompile} the loop runs inside a function XLA compiles ({@link Functions#call}).
 *
 * <p>The data enter as fed tensors: x float32 [n, inputDim], y float32 [n, outputDim], and the
 * row orders int32 [epochs, lanes, n] of the epochs the run spans (one row per epoch and model,
 * the rows as given when not shuffled). Step {@code a = first + i} of the run is step {@code a mod steps} of epoch
 * {@code a / steps}, and takes the rows {@code order[lane][s*batchSize .. s*batchSize + size)}: the
 * batch size, or the remainder for the short last batch, which gets a branch of its own ({@link
 * io.github.tfjavaxor.keras.backend.Cond}) so that every shape in the loop is static, as XLA needs.
 *
 * <p>Each step's output goes into a float32 buffer fed with the run and fetched after it: row
 * {@code i} for a step's logs {@code [m]} ({@link Layout#PER_STEP}), or the batch's rows for a
 * prediction {@code [size, outputDim]} ({@link Layout#ROWS}).
 */
public final class Scan {
  /** A step traced into the loop's body. */
  @FunctionalInterface
  public interface Step {
    /**
     * Builds the step's ops in the loop's body.
     *
     * @param tf the body's ops
     * @param state the carried state's values
     * @param x float32 [batch, inputDim], or [lanes, batch, inputDim] for several lanes
     * @param y float32 [batch, outputDim] (or [lanes, batch, outputDim]), or null for a scan
     *     without targets
     * @return the new state (same dtypes and shapes, e.g. unchanged) and the step's output
     */
    Traced trace(Ops tf, List<Operand<?>> state, Operand<TFloat32> x, Operand<TFloat32> y);
  }

  /**
   * What a traced step gives.
   *
   * @param state the new state, the dtypes and shapes of the old
   * @param output the step's output, for the buffer
   */
  public record Traced(List<Operand<?>> state, Operand<TFloat32> output) {}

  /** Where each step's output goes in the buffer. */
  public enum Layout {
    /** Step i's output float32 [m] into row i of a [capacity, m] buffer. */
    PER_STEP,
    /** A batch's output float32 [size, k] into its rows of an [n, k] buffer. */
    ROWS
  }

  private final Session session;
  private final Placeholder<TFloat32> x;
  private final Placeholder<TFloat32> y;
  private final Placeholder<TInt32> orders;
  private final Placeholder<TInt32> count;
  private final Placeholder<TInt32> first;
  private final Placeholder<TFloat32> buffer;
  private final Output<TFloat32> result;
  private final Op update;

  /**
   * Builds the loop in {@code tf}'s graph.
   *
   * @param session the session of {@code tf}'s graph, which runs the loop
   * @param tf the model graph's ops, in the scope the loop's ops go under (e.g. {@code
   *     train_scan/})
   * @param step the step
   * @param state the state's initial values: variables (read at the run's start) or tensors
   * @param assignTo the variables the final state is written to, in state order; null to discard
   *     it (a test or predict step, whose state is the weights it reads)
   * @param shape the data: rows n, inputDim, outputDim (0 for no targets), batchSize
   * @param layout where the outputs go
   * @param width m for {@link Layout#PER_STEP}, k for {@link Layout#ROWS}
   * @param jitCompile run the loop under XLA
   */
  @SuppressWarnings("unchecked")
  public Scan(Session session, Ops tf, Step step, List<? extends Operand<?>> state,
      List<? extends Operand<?>> assignTo, DataShape shape, Layout layout, int width,
      boolean jitCompile) {
    if (layout == Layout.ROWS && shape.lanes() != 1) {
      throw new IllegalArgumentException("scan: a rows layout takes one lane, found " + shape.lanes());
    }
    this.session = session;
    x = tf.withName("x").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, shape.inputDim())));
    y = shape.outputDim() == 0 ? null : tf.withName("y").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, shape.outputDim())));
    orders = tf.withName("orders").placeholder(TInt32.class,
        Placeholder.shape(Shape.of(-1, shape.lanes(), shape.rows())));
    count = tf.withName("count").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    first = tf.withName("first").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    buffer = tf.withName("buffer").placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, width)));
    // Loop values: i, buffer, state..., x, [y], orders, count, first.
    List<Operand<?>> inputs = new ArrayList<>();
    inputs.add(tf.constant(0));
    inputs.add(buffer);
    for (Operand<?> s : state) {
      inputs.add(tf.identity((Operand) s));
    }
    inputs.add(x);
    if (y != null) {
      inputs.add(y);
    }
    inputs.addAll(List.of(orders, count, first));
    int n = state.size();
    LoopBody body = new LoopBody(step, n, y != null, shape, layout, !jitCompile);
    List<Output<?>> out;
    try (ConcreteFunction cond = Functions.trace("scan_cond", inputs,
            (f, in) -> List.of(f.math.less((Operand<TInt32>) in.get(0),
                (Operand<TInt32>) in.get(in.size() - 2))));
        ConcreteFunction bodyFn = Functions.trace("scan_body", inputs, body::trace)) {
      if (jitCompile) {
        try (ConcreteFunction loop = Functions.trace("scan", inputs,
            (f, in) -> new ArrayList<>(WhileLoop.build(f, in, cond, bodyFn, false)))) {
          out = Functions.call(tf, loop, inputs, true);
        }
      } else {
        out = WhileLoop.build(tf, inputs, cond, bodyFn, true);
      }
    }
    result = (Output<TFloat32>) out.get(1);
    update = assignTo == null ? null
        : InPlace.assign(tf, assignTo, out.subList(2, 2 + n), "update");
  }

  /**
   * The data a scan is built for.
   *
   * @param rows n, the rows of the data it is fed
   * @param inputDim x's columns
   * @param outputDim y's columns, or 0 for no targets
   * @param batchSize rows per step; the last step takes the remainder
   * @param lanes models that step side by side on the same data, each in its own row order
   *     ({@link Stack}); 1 for one model, whose batches are [size, dim], else [lanes, size, dim]
   */
  public record DataShape(int rows, int inputDim, int outputDim, int batchSize, int lanes) {
    /**
     * One model's data, lanes 1.
     *
     * @param rows n, the rows of the data it is fed
     * @param inputDim x's columns
     * @param outputDim y's columns, or 0 for no targets
     * @param batchSize rows per step
     */
    public DataShape(int rows, int inputDim, int outputDim, int batchSize) {
      this(rows, inputDim, outputDim, batchSize, 1);
    }

    /** {@return the batches per epoch, Keras's {@code num_batches}} */
    public int steps() {
      return (rows + batchSize - 1) / batchSize;
    }

    /**
     * The rows of step s.
     *
     * @param s a 0-based step of the epoch
     * @return its rows: the batch size, or the remainder for the last step
     */
    public int size(int s) {
      return Math.min(batchSize, rows - s * batchSize);
    }
  }

  /**
   * Runs {@code steps} steps from step {@code firstStep} of the epoch whose order is the inputs'
   * order row 0, then writes the state back if the scan has variables to write.
   *
   * @param in the data, orders and buffer, of the shapes the scan was built for
   * @param firstStep the 0-based step, within the epoch of order row 0, to start at
   * @param steps the steps to run, &gt;= 1
   * @return the buffer's values after the run, row by row
   */
  public float[][] run(ScanInputs in, int firstStep, int steps) {
    return run(in, firstStep, steps, true);
  }

  /**
   * Runs {@code steps} steps as {@link #run(ScanInputs, int, int)} does, but leaves the state as
   * it was: what XLA's first executions cost, paid before the runs that count.
   *
   * @param in the data, orders and buffer, of the shapes the scan was built for
   * @param steps the steps to run, &gt;= 1
   */
  public void warm(ScanInputs in, int steps) {
    run(in, 0, steps, false);
  }

  private float[][] run(ScanInputs in, int firstStep, int steps, boolean write) {
    try (TInt32 c = TInt32.scalarOf(steps);
        TInt32 f = TInt32.scalarOf(firstStep)) {
      Session.Runner runner = session.runner().feed(x, in.x()).feed(orders, in.orders())
          .feed(count, c).feed(first, f).feed(buffer, in.buffer()).fetch(result);
      if (y != null) {
        runner.feed(y, in.y());
      }
      if (update != null && write) {
        runner.addTarget(update);
      }
      try (Result r = runner.run()) {
        TFloat32 t = (TFloat32) r.get(0);
        int rows = (int) t.shape().size(0);
        int cols = (int) t.shape().size(1);
        float[] flat = new float[rows * cols];
        t.asRawTensor().data().asFloats().read(flat);
        float[][] values = new float[rows][cols];
        for (int i = 0; i < rows; i++) {
          System.arraycopy(flat, i * cols, values[i], 0, cols);
        }
        return values;
      }
    }
  }
}
