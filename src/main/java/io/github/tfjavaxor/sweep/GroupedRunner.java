package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.stacked.GroupFit;
import io.github.tfjavaxor.stacked.GroupKey;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a sweep's runs in groups that train side by side in one Graph and Session ({@link
 * GroupFit}), each group on one thread of a fixed pool, its session running every op in that
 * thread ({@link SessionConfigs#STACKED}). Runs are grouped by {@link GroupKey}. Groups go in
 * waves of {@code jobs}: the wave's graphs are built and compiled in parallel, then trained in
 * parallel, so the sweep can say how long compiling took apart from training, as a JAX user times
 * {@code jit} apart from the run. A group's rows reach the sink when its wave has finished, so an
 * interrupted sweep loses at most the groups in flight. A run's {@code wall_ms} is its group's
 * compile plus fit time divided by the group's size.
 */
public final class GroupedRunner {
  private GroupedRunner() {}

  /**
   * Where a sweep's wall time went.
   *
   * @param compileNanos the waves' compile phases, summed
   * @param trainNanos the waves' training phases, summed
   */
  public record Timing(long compileNanos, long trainNanos) {}

  /**
   * Runs everything.
   *
   * @param runs the runs, in order
   * @param x inputs float [rows][features]
   * @param y targets float [rows][1]
   * @param jobs threads, &gt;= 1
   * @param groupSize most runs per group, &gt;= 1
   * @param mode exact (each run's own bits) or batched (opt-in: faster, not bit-identical)
   * @param jitCompile run each group's loop under XLA
   * @param sink receives each finished run
   * @return the time spent compiling and training
   * @throws Exception the first failure of a group or of the sink; the pool is shut down
   */
  public static Timing run(List<RunSpec> runs, float[][] x, float[][] y, int jobs, int groupSize,
      Stack.Mode mode, boolean jitCompile, SweepRunner.Sink sink) throws Exception {
    boolean batched = mode == Stack.Mode.BATCHED;
    List<List<RunSpec>> groups = GroupKey.groups(runs,
        r -> GroupKey.of(r.model(), r.batchSize(), r.epochs(), batched),
        r -> GroupKey.bytesPerModel(r.model(), r.batchSize()), groupSize, jobs);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "sweep-group");
      t.setDaemon(true);
      return t;
    });
    long compile = 0;
    long train = 0;
    try {
      for (int from = 0; from < groups.size(); from += jobs) {
        List<List<RunSpec>> wave = groups.subList(from, Math.min(groups.size(), from + jobs));
        List<GroupFit> compiled = new ArrayList<>();
        try {
          long t0 = System.nanoTime();
          for (Future<GroupFit> f : pool.invokeAll(wave.stream().map(g -> (Callable<GroupFit>)
              () -> compile(g, x, y, mode, jitCompile)).toList())) {
            compiled.add(get(f));
          }
          long t1 = System.nanoTime();
          List<Callable<List<GroupFit.Log>>> fits = new ArrayList<>();
          compiled.forEach(g -> fits.add(g::fit));
          List<List<GroupFit.Log>> logs = new ArrayList<>();
          for (Future<List<GroupFit.Log>> f : pool.invokeAll(fits)) {
            logs.add(get(f));
          }
          long t2 = System.nanoTime();
          compile += t1 - t0;
          train += t2 - t1;
          for (int i = 0; i < wave.size(); i++) {
            for (RunResult r : rows(wave.get(i), logs.get(i), (t2 - t0) / 1_000_000)) {
              sink.accept(r);
            }
          }
        } finally {
          compiled.forEach(GroupFit::close);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return new Timing(compile, train);
  }

  private static GroupFit compile(List<RunSpec> group, float[][] x, float[][] y,
      Stack.Mode mode, boolean jitCompile) {
    RunSpec first = group.get(0);
    // Sequential.fit's defaults: shuffle, no validation, no evaluate.
    return GroupFit.compile(group.stream().map(RunSpec::model).toList(), x, y,
        new GroupFit.Plan(first.epochs(), first.batchSize(), true, false, mode, jitCompile),
        SessionConfigs.STACKED);
  }

  private static <T> T get(Future<T> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
    }
  }

  /** A group's rows, in order; {@code ms} is the wave's compile plus fit time. */
  static List<RunResult> rows(List<RunSpec> group, List<GroupFit.Log> logs, long ms) {
    RunSpec first = group.get(0);
    int accuracy = 1 + first.model().metrics().indexOf("binary_accuracy");
    List<RunResult> out = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      RunSpec r = group.get(i);
      GroupFit.Log log = logs.get(i);
      float[] last = log.epochs()[log.epochs().length - 1];
      out.add(new RunResult(r.configIndex(), r.config(), r.data(), r.epochs(), r.model().seed(),
          log.firstEpoch(accuracy, 1f), last[0], last[accuracy], ms / group.size()));
    }
    return out;
  }
}
