package io.github.tfjavaxor.sweep;

import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.callbacks.History;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs sweep runs on a fixed thread pool, one run per thread, each with its own Graph and Session
 * with one intra-op thread, its ops in the calling thread, so {@code jobs} runs use {@code jobs}
 * cores.
 * Results are handed to the sink on the calling thread as runs finish.
 */
public final class SweepRunner {

  /** Receives finished runs, in completion order, on the thread that called {@link #run}. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Takes one finished run, e.g. appends it to {@code runs.csv}.
     *
     * @param result the run
     * @throws Exception to stop the sweep
     */
    void accept(RunResult result) throws Exception;
  }

  private SweepRunner() {}

  /**
   * Trains one run.
   *
   * @param x inputs float [rows][features]
   * @param y targets float [rows][1]
   */
  static RunResult runOne(RunSpec run, float[][] x, float[][] y) {
    long start = System.nanoTime();
    try (Sequential m = run.model().build()) {
      m.setSessionConfig(SessionConfigs.DEFAULT);
      History h = m.fit(x, y, run.epochs(), run.batchSize(), 0);
      List<Double> acc = h.get("binary_accuracy");
      List<Double> loss = h.get("loss");
      int first = 0;
      for (int i = 0; i < acc.size(); i++) {
        if (acc.get(i) == 1.0) {
          first = i + 1;
          break;
        }
      }
      long wall = (System.nanoTime() - start) / 1_000_000;
      return new RunResult(run.configIndex(), run.config(), run.data(), run.epochs(),
          run.model().seed(), first,
          loss.get(loss.size() - 1), acc.get(acc.size() - 1), wall);
    }
  }

  /**
   * Runs everything, {@code jobs} at a time.
   *
   * @param runs the runs, in order
   * @param x inputs float [rows][features]
   * @param y targets float [rows][1]
   * @param jobs threads, &gt;= 1
   * @param sink receives each finished run
   * @throws Exception the first failure of a run or of the sink; the pool is shut down
   */
  public static void run(List<RunSpec> runs, float[][] x, float[][] y, int jobs, Sink sink) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
      Thread t = new Thread(r, "sweep-run");
      t.setDaemon(true);
      return t;
    });
    try {
      ExecutorCompletionService<RunResult> done = new ExecutorCompletionService<>(pool);
      for (RunSpec r : runs) {
        done.submit(() -> runOne(r, x, y));
      }
      for (int i = 0; i < runs.size(); i++) {
        Future<RunResult> f = done.take();
        try {
          sink.accept(f.get());
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
