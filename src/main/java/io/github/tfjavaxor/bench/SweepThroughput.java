package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.datasets.LogicGates;
import io.github.tfjavaxor.sweep.RunResult;
import io.github.tfjavaxor.sweep.RunSpec;
import io.github.tfjavaxor.sweep.SweepRunner;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Sweep throughput in runs per minute for the tutorial model (XOR, 16 relu, sigmoid, MSE, Adam)
 * at 1000 epochs, with 1 and with 2 parallel runs, through the same {@link SweepRunner} the
 * {@code sweep} command uses.
 *
 * <p>Method: one warm-up run, then {@code reps} rounds; each round times {@code runs} runs
 * (seeds 1..runs) with 1 job, then the same runs with 2 jobs. Prints each round, the median runs/min
 * per job count, and the median of the per-round speed-ups. "cores busy" is the JVM's CPU time
 * divided by wall time: on a machine shared with other work, it shows how much of the second core
 * the 2-job round actually got.
 *
 * <p>Usage: {@code SweepThroughput [runs=8] [reps=3] [epochs=1000]}
 */
public final class SweepThroughput {

  private SweepThroughput() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    var xor = LogicGates.XOR.dataset();
    ModelSpec spec = ModelSpec.tutorial(2, 1);
    List<RunSpec> specs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      specs.add(new RunSpec(i, 1, spec.withSeed(i + 1), 32, epochs));
    }
    SweepRunner.runOne(specs.get(0), xor.x(), xor.y()); // warm-up: natives, JIT
    System.out.printf(Locale.ROOT, "cores available: %d; runs per round: %d; epochs: %d; rounds: %d%n",
        Runtime.getRuntime().availableProcessors(), runs, epochs, reps);
    List<Double> one = new ArrayList<>();
    List<Double> two = new ArrayList<>();
    List<Double> speedups = new ArrayList<>();
    for (int r = 1; r <= reps; r++) {
      double[] a = perMinute(specs, xor.x(), xor.y(), 1);
      double[] b = perMinute(specs, xor.x(), xor.y(), 2);
      one.add(a[0]);
      two.add(b[0]);
      speedups.add(b[0] / a[0]);
      System.out.printf(Locale.ROOT,
          "round %d: 1 job %.1f runs/min (%.2f cores busy), 2 jobs %.1f runs/min (%.2f cores busy), speed-up %.2fx%n",
          r, a[0], a[1], b[0], b[1], b[0] / a[0]);
    }
    System.out.printf(Locale.ROOT, "median: 1 job %.1f runs/min, 2 jobs %.1f runs/min, speed-up %.2fx (median of rounds)%n",
        median(one), median(two), median(speedups));
  }

  /** Returns {runs per minute, process CPU seconds per wall second}. */
  private static double[] perMinute(List<RunSpec> specs, float[][] x, float[][] y, int jobs) throws Exception {
    List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    SweepRunner.run(specs, x, y, jobs, results::add);
    long wallNs = System.nanoTime() - start;
    double seconds = wallNs / 1e9;
    double cores = (os.getProcessCpuTime() - cpu0) / (double) wallNs;
    if (results.size() != specs.size()) {
      throw new IllegalStateException("expected " + specs.size() + " results, found " + results.size());
    }
    return new double[] {specs.size() / seconds * 60, cores};
  }

  private static double median(List<Double> v) {
    List<Double> s = new ArrayList<>(v);
    Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
