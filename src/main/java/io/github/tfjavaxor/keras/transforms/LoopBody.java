package io.github.tfjavaxor.keras.transforms;

import io.github.tfjavaxor.keras.backend.Cond;
import io.github.tfjavaxor.keras.backend.Functions;
import io.github.tfjavaxor.keras.transforms.Scan.DataShape;
import io.github.tfjavaxor.keras.transforms.Scan.Layout;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The body of {@link Scan}'s loop: which epoch and step the iteration is, the batch's rows, the
 * step, and its output into the buffer. A full batch and the short last one have different
 * shapes, so when an epoch has both, each is a branch of an {@code If} with the step traced in it;
 * otherwise the step is traced in the body directly.
 *
 * <p>Loop values: {@code i, buffer, state..., x, [y], orders, count, first}. Branch arguments:
 * {@code i, buffer, state..., x, [y], orders, epoch (its row in orders), s (the step in the
 * epoch)}; results: {@code buffer, state...}.
 */
final class LoopBody {
  private final Scan.Step step;
  private final int stateSize;
  private final boolean targets;
  private final DataShape shape;
  private final Layout layout;
  private final boolean lower;

  /** @param lower lower the If (outside XLA; XLA compiles it functional) */
  LoopBody(Scan.Step step, int stateSize, boolean targets, DataShape shape, Layout layout,
      boolean lower) {
    this.lower = lower;
    this.step = step;
    this.stateSize = stateSize;
    this.targets = targets;
    this.shape = shape;
    this.layout = layout;
  }

  @SuppressWarnings("unchecked")
  List<Operand<?>> trace(Ops tf, List<Operand<?>> in) {
    int data = 2 + stateSize;
    int ordersAt = data + (targets ? 2 : 1);
    Operand<TInt32> i = (Operand<TInt32>) in.get(0);
    Operand<TInt32> orders = (Operand<TInt32>) in.get(ordersAt);
    Operand<TInt32> first = (Operand<TInt32>) in.get(ordersAt + 2);
    int steps = shape.steps();
    Operand<TInt32> a = tf.math.add(first, i);
    Operand<TInt32> epoch = tf.math.floorDiv(a, tf.constant(steps));
    Operand<TInt32> s = tf.math.floorMod(a, tf.constant(steps));
    // i, buffer, state..., x, [y], orders, epoch, s
    List<Operand<?>> args = new ArrayList<>(in.subList(0, ordersAt));
    args.add(orders);
    args.add(epoch);
    args.add(s);
    int full = shape.rows() / shape.batchSize();
    int rest = shape.rows() % shape.batchSize();
    List<Operand<?>> next;
    if (full == 0 || rest == 0) {
      next = branch(tf, args, full == 0 ? rest : shape.batchSize());
    } else {
      try (ConcreteFunction fullFn = Functions.trace("full_batch", args,
              (f, b) -> branch(f, b, shape.batchSize()));
          ConcreteFunction restFn = Functions.trace("last_batch", args,
              (f, b) -> branch(f, b, rest))) {
        next = new ArrayList<>(Cond.build(tf, tf.math.less(s, tf.constant(full)), args, fullFn,
            restFn, lower));
      }
    }
    // i + 1, buffer, state..., then the loop's invariants unchanged.
    List<Operand<?>> out = new ArrayList<>();
    out.add(tf.math.add(i, tf.constant(1)));
    out.addAll(next);
    out.addAll(in.subList(data, in.size()));
    return out;
  }

  // One batch of `size` rows: (i, buffer, state..., x, [y], order, s) -> (buffer, state...).
  @SuppressWarnings("unchecked")
  private List<Operand<?>> branch(Ops tf, List<Operand<?>> b, int size) {
    Operand<TInt32> i = (Operand<TInt32>) b.get(0);
    Operand<TFloat32> buffer = (Operand<TFloat32>) b.get(1);
    List<Operand<?>> state = b.subList(2, 2 + stateSize);
    Operand<TFloat32> x = (Operand<TFloat32>) b.get(2 + stateSize);
    Operand<TFloat32> y = targets ? (Operand<TFloat32>) b.get(3 + stateSize) : null;
    Operand<TInt32> orders = (Operand<TInt32>) b.get(b.size() - 3);
    Operand<TInt32> epoch = (Operand<TInt32>) b.get(b.size() - 2);
    Operand<TInt32> s = (Operand<TInt32>) b.get(b.size() - 1);
    Ops batch = tf.withSubScope("batch");
    // orders[epoch, :, s * batchSize : s * batchSize + size], sliced in place (no row copied):
    // [size] for one lane, [lanes, size] for several.
    int lanes = shape.lanes();
    Operand<TInt32> rows = batch.reshape(batch.slice(orders,
        batch.stack(List.of(epoch, batch.constant(0),
            batch.math.mul(s, batch.constant(shape.batchSize())))),
        batch.constant(new int[] {1, lanes, size})),
        batch.constant(lanes == 1 ? new long[] {size} : new long[] {lanes, size}));
    Operand<TFloat32> xb = batch.gather(x, rows, batch.constant(0));
    Operand<TFloat32> yb = targets ? batch.gather(y, rows, batch.constant(0)) : null;
    Scan.Traced t = step.trace(tf, new ArrayList<>(state), xb, yb);
    Ops put = tf.withSubScope("output");
    Operand<TFloat32> written;
    if (layout == Layout.PER_STEP) {
      Operand<TFloat32> row = put.reshape(t.output(),
          put.constant(new long[] {1, -1}));
      written = put.tensorScatterNdUpdate(buffer,
          put.reshape(i, put.constant(new long[] {1, 1})), row);
    } else {
      written = put.tensorScatterNdUpdate(buffer,
          put.reshape(rows, put.constant(new long[] {-1, 1})), t.output());
    }
    List<Operand<?>> out = new ArrayList<>();
    out.add(written);
    out.addAll(t.state());
    return out;
  }
}
