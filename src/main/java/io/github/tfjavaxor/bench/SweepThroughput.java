package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.datasets.LogicGates;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.stacked.GroupKey;
import io.github.tfjavaxor.sweep.GroupedRunner;
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
 * at 1000 epochs, through the runners the {@code sweep} command uses, four ways in each round:
 * one Graph and Session per run ({@link SweepRunner}, {@code --group none}), the runs stacked in
 * one graph per group ({@link GroupedRunner}: exact, the default; batched; batched under XLA).
 *
 * <p>Method: one warm-up of each, then {@code reps} rounds; each round times the {@code runs}
 * runs (seeds 1..runs) in each mode with {@code jobs} threads. Prints each round, the median
 * runs/min per mode and the median of the per-round speed-ups over one graph per run. "cores busy"
 * is the JVM's CPU time divided by wall time: on a shared machine, it shows how much CPU a mode got.
 *
 * <p>Usage: {@code bench/sweep-throughput [runs=50] [reps=3] [epochs=1000] [jobs=2] [groupSize=64]},
 * which also writes the table to bench/results/sweep-throughput-CPU.md.
 */
public final class SweepThroughput {

  private SweepThroughput() {}

  private static final String[] MODES = {"one graph per run", "exact", "batched", "batched jit"};

  /**
   * Prints each round and the medians.
   *
   * @param args {@code [runs] [reps] [epochs] [jobs] [groupSize]}
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int reps = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int epochs = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int jobs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    int groupSize = args.length > 4 ? Integer.parseInt(args[4]) : GroupKey.GROUP_SIZE_DEFAULT;
    var xor = LogicGates.XOR.dataset();
    ModelSpec spec = ModelSpec.tutorial(2, 1);
    List<RunSpec> specs = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      specs.add(new RunSpec(i, 1, spec.withSeed(i + 1), 32, epochs, xor.identity()));
    }
    for (int m = 0; m < MODES.length; m++) { // warm-up: natives, JIT
      perMinute(m, specs.subList(0, Math.min(2, runs)), xor.x(), xor.y(), 1, groupSize);
    }
    System.out.println(CpuInfo.describe());
    System.out.printf(Locale.ROOT, "cores available: %d; runs per round: %d; epochs: %d; rounds: %d; jobs: %d;"
        + " group size: %d%n", Runtime.getRuntime().availableProcessors(), runs, epochs, reps, jobs, groupSize);
    List<List<Double>> perMode = new ArrayList<>();
    List<List<Double>> speedups = new ArrayList<>();
    for (int m = 0; m < MODES.length; m++) {
      perMode.add(new ArrayList<>());
      speedups.add(new ArrayList<>());
    }
    for (int r = 1; r <= reps; r++) {
      StringBuilder line = new StringBuilder("round " + r + ":");
      double base = 0;
      for (int m = 0; m < MODES.length; m++) {
        double[] a = perMinute(m, specs, xor.x(), xor.y(), jobs, groupSize);
        base = m == 0 ? a[0] : base;
        perMode.get(m).add(a[0]);
        speedups.get(m).add(a[0] / base);
        line.append(String.format(Locale.ROOT, " %s %.1f runs/min (%.2f cores busy, %.2fx);", MODES[m], a[0], a[1],
            a[0] / base));
      }
      System.out.println(line);
    }
    for (int m = 0; m < MODES.length; m++) {
      System.out.printf(Locale.ROOT, "median: %-17s %9.1f runs/min, %6.2fx one graph per run (median of rounds)%n",
          MODES[m], median(perMode.get(m)), median(speedups.get(m)));
    }
  }

  /** Returns {runs per minute, process CPU seconds per wall second}. */
  private static double[] perMinute(int mode, List<RunSpec> specs, float[][] x, float[][] y, int jobs,
      int groupSize) throws Exception {
    List<RunResult> results = Collections.synchronizedList(new ArrayList<>());
    var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long cpu0 = os.getProcessCpuTime();
    long start = System.nanoTime();
    if (mode == 0) {
      SweepRunner.run(specs, x, y, jobs, results::add);
    } else {
      GroupedRunner.run(specs, x, y, jobs, groupSize,
          mode == 1 ? Stack.Mode.EXACT : Stack.Mode.BATCHED, mode == 3, results::add);
    }
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
