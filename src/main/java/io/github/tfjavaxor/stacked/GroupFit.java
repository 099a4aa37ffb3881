package io.github.tfjavaxor.stacked;

import io.github.tfjavaxor.keras.trainers.Arrays2d;
import io.github.tfjavaxor.keras.trainers.MetricsTracker;
import io.github.tfjavaxor.keras.trainers.Shuffle;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * Trains S models side by side, one {@code session.run} per step for all of them, as S calls of
 * {@code Sequential.fit(x, y, FitArgs(epochs, batchSize, shuffle))} without validation or
 * callbacks would (Keras's {@code fit} loop, {@code keras/src/backend/tensorflow/trainer.py}):
 * each model keeps its own metrics tracker, and with {@code shuffle} and more than one batch its
 * own row order per epoch from {@code SplittableRandom(seed)}, as its single fit draws it.
 *
 * <p>No callbacks, so no early stopping: every model trains all its epochs (a sweep needs nothing
 * else).
 */
public final class GroupFit {

  /** What one model logged: {@code epochs[e] = [loss, metrics...]} and, if asked, evaluate's. */
  public record Log(float[][] epochs, float[] evaluate) {
    /** The 1-based first epoch whose column {@code column} equals {@code value}, or 0. */
    public int firstEpoch(int column, float value) {
      for (int e = 0; e < epochs.length; e++) {
        if (epochs[e][column] == value) {
          return e + 1;
        }
      }
      return 0;
    }
  }

  /**
   * fit's arguments shared by the group.
   *
   * @param epochs &gt;= 1
   * @param batchSize &gt;= 1
   * @param shuffle Keras's {@code shuffle}
   * @param evaluate true to run Keras's {@code evaluate(x, y, batchSize)} after training
   * @param batched true for {@link BatchedGroupGraph}, false for {@link ExactGroupGraph}
   */
  public record Plan(int epochs, int batchSize, boolean shuffle, boolean evaluate, boolean batched) {}

  private GroupFit() {}

  /**
   * Builds one graph for {@code specs} and trains them.
   *
   * @param specs checked models, one metrics list for all; batched: also one architecture, loss
   *     and optimizer ({@link GroupKey})
   * @param x float [n][inputDim], checked
   * @param y float [n][outputDim], checked
   * @return one log per model, in order
   */
  public static List<Log> fit(List<ModelSpec> specs, float[][] x, float[][] y, Plan plan,
      ConfigProto config) {
    int s = specs.size();
    int n = x.length;
    int steps = (n + plan.batchSize() - 1) / plan.batchSize();
    List<String> metricNames = specs.get(0).metrics();
    List<MetricsTracker> trackers = new ArrayList<>();
    List<SplittableRandom> randoms = new ArrayList<>();
    for (ModelSpec m : specs) {
      trackers.add(new MetricsTracker(metricNames));
      // EpochIterator: Java's shuffle only when there is more than one batch.
      randoms.add(plan.shuffle() && steps > 1 ? new SplittableRandom(m.seed()) : null);
    }
    float[][][] epochLogs = new float[s][plan.epochs()][];
    float[][] evaluated = new float[s][];
    try (GroupGraph g = plan.batched() ? new BatchedGroupGraph(specs, config)
        : new ExactGroupGraph(specs, config);
        Feed inOrder = new Feed(x, y, null, plan.batchSize(), s)) {
      for (int e = 0; e < plan.epochs(); e++) {
        trackers.forEach(MetricsTracker::reset);
        try (Feed shuffled = randoms.get(0) == null ? null : shuffled(x, y, randoms, plan.batchSize())) {
          Feed feed = shuffled == null ? inOrder : shuffled;
          for (int step = 0; step < steps; step++) {
            float[][] logs = g.step(feed.xs[step], feed.ys[step], true);
            for (int i = 0; i < s; i++) {
              trackers.get(i).update(logs[i], feed.sizes[step]);
            }
          }
        }
        for (int i = 0; i < s; i++) {
          epochLogs[i][e] = trackers.get(i).results();
        }
      }
      if (plan.evaluate()) {
        trackers.forEach(MetricsTracker::reset);
        for (int step = 0; step < steps; step++) {
          float[][] logs = g.step(inOrder.xs[step], inOrder.ys[step], false);
          for (int i = 0; i < s; i++) {
            trackers.get(i).update(logs[i], inOrder.sizes[step]);
          }
        }
        for (int i = 0; i < s; i++) {
          evaluated[i] = trackers.get(i).results();
        }
      }
    }
    List<Log> out = new ArrayList<>();
    for (int i = 0; i < s; i++) {
      out.add(new Log(epochLogs[i], plan.evaluate() ? evaluated[i] : null));
    }
    return out;
  }

  private static Feed shuffled(float[][] x, float[][] y, List<SplittableRandom> randoms, int batchSize) {
    int[][] orders = new int[randoms.size()][];
    for (int i = 0; i < orders.length; i++) {
      orders[i] = Shuffle.permutation(x.length, randoms.get(i));
    }
    return new Feed(x, y, orders, batchSize, orders.length);
  }

  /** Every step's input tensors for each model; one tensor shared by all when orders is null. */
  private static final class Feed implements AutoCloseable {
    final TFloat32[][] xs;
    final TFloat32[][] ys;
    final int[] sizes;
    private final List<TFloat32> owned = new ArrayList<>();

    Feed(float[][] x, float[][] y, int[][] orders, int batchSize, int models) {
      int steps = (x.length + batchSize - 1) / batchSize;
      xs = new TFloat32[steps][models];
      ys = new TFloat32[steps][models];
      sizes = new int[steps];
      try {
        for (int step = 0; step < steps; step++) {
          int from = step * batchSize;
          int to = Math.min(x.length, from + batchSize);
          sizes[step] = to - from;
          for (int i = 0; i < models; i++) {
            if (orders == null && i > 0) {
              xs[step][i] = xs[step][0];
              ys[step][i] = ys[step][0];
              continue;
            }
            int[] order = orders == null ? null : orders[i];
            xs[step][i] = own(Arrays2d.tensor(x, order, from, to));
            ys[step][i] = own(Arrays2d.tensor(y, order, from, to));
          }
        }
      } catch (RuntimeException e) {
        close();
        throw e;
      }
    }

    private TFloat32 own(TFloat32 t) {
      owned.add(t);
      return t;
    }

    @Override
    public void close() {
      owned.forEach(TFloat32::close);
      owned.clear();
      Arrays.fill(sizes, 0);
    }
  }
}
