package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.stacked.GroupFit;
import io.github.tfjavaxor.stacked.GroupKey;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a sweep's runs in groups that train side by side in one Graph and Session ({@link
 * GroupFit}), one group per thread of a fixed pool, each session limited to one intra-op and one
 * inter-op thread. Runs are grouped by {@link GroupKey}; each group's rows reach the sink when the
 * whole group has finished, so an interrupted sweep loses at most the groups in flight. A run's
 * {@code wall_ms} is its group's build plus fit time divided by the group's size.
 */
public final class GroupedRunner {
  private GroupedRunner() {}

  /**
   * Runs everything.
   *
   * @param groupSize most runs per group, &gt;= 1
   * @param batched the batched graph (opt-in: not bit-identical) instead of the exact one
   * @param jobs threads, &gt;= 1
   * @throws Exception the first failure of a group or of the sink; the pool is shut down
   */
  public static void run(List<RunSpec> runs, float[][] x, float[][] y, int jobs, int groupSize,
      boolean batched, SweepRunner.Sink sink) throws Exception {
    List<List<RunSpec>> groups = GroupKey.groups(runs,
        r -> GroupKey.of(r.model(), r.batchSize(), r.epochs(), batched),
        r -> GroupKey.bytesPerModel(r.model(), r.batchSize()), groupSize, jobs);
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "sweep-group");
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<List<RunResult>> done = new ExecutorCompletionService<>(pool);
      for (List<RunSpec> g : groups) {
        done.submit(() -> runGroup(g, x, y, batched));
      }
      for (int i = 0; i < groups.size(); i++) {
        Future<List<RunResult>> f = done.take();
        List<RunResult> results;
        try {
          results = f.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        for (RunResult r : results) {
          sink.accept(r);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Trains one group (one key) and returns its rows in order. */
  static List<RunResult> runGroup(List<RunSpec> group, float[][] x, float[][] y, boolean batched) {
    long start = System.nanoTime();
    RunSpec first = group.get(0);
    List<ModelSpec> specs = group.stream().map(RunSpec::model).toList();
    // Sequential.fit's defaults: shuffle, no validation, no evaluate.
    List<GroupFit.Log> logs = GroupFit.fit(specs, x, y,
        new GroupFit.Plan(first.epochs(), first.batchSize(), true, false, batched),
        SessionConfigs.threads(1, 1));
    long wall = (System.nanoTime() - start) / 1_000_000 / group.size();
    int accuracy = 1 + first.model().metrics().indexOf("binary_accuracy");
    List<RunResult> out = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      RunSpec r = group.get(i);
      float[][] epochs = logs.get(i).epochs();
      float[] last = epochs[epochs.length - 1];
      out.add(new RunResult(r.configIndex(), r.config(), r.epochs(), r.model().seed(),
          logs.get(i).firstEpoch(accuracy, 1f), last[0], last[accuracy], wall));
    }
    return out;
  }
}
