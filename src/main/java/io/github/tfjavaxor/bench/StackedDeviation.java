package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.datasets.LogicGates;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.transforms.Stack;
import io.github.tfjavaxor.stacked.GroupFit;
import io.github.tfjavaxor.workbench.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * How far the side-by-side modes are from single runs: the tutorial model on XOR, seeds 1..S, each
 * trained alone with {@code Sequential.fit} and then all together with {@link GroupFit}, exact and
 * batched. Prints, per mode, how many runs are bit-identical in every epoch's loss and
 * binary_accuracy, the largest loss difference in ulps and relative terms at epochs 1, 10, 100 and
 * the last (those within the run), and how many runs' first epoch at 100% accuracy moved.
 *
 * <p>Usage: {@code bench/stacked-deviation [seeds=50] [epochs=1000] [batch=32]}, which also writes
 * the table to bench/results/stacked-deviation-CPU.md.
 */
public final class StackedDeviation {
  private StackedDeviation() {}

  /**
   * Prints the deviation table.
   *
   * @param args {@code [seeds] [epochs] [batch]}
   */
  public static void main(String[] args) {
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    if (seeds < 1 || epochs < 1 || batch < 1) {
      throw new IllegalArgumentException("need seeds, epochs and batch >= 1");
    }
    System.out.println(CpuInfo.describe());
    var xor = LogicGates.XOR.dataset();
    List<ModelSpec> specs = new ArrayList<>();
    for (int i = 0; i < seeds; i++) {
      specs.add(ModelSpec.tutorial(2, 1).withSeed(i + 1));
    }
    float[][][] single = new float[seeds][][];
    for (int i = 0; i < seeds; i++) {
      try (Sequential m = specs.get(i).build()) {
        m.setSessionConfig(SessionConfigs.DEFAULT);
        History h = m.fit(xor.x(), xor.y(), epochs, batch, 0);
        single[i] = new float[epochs][2];
        for (int e = 0; e < epochs; e++) {
          single[i][e][0] = h.get("loss").get(e).floatValue();
          single[i][e][1] = h.get("binary_accuracy").get(e).floatValue();
        }
      }
    }
    System.out.printf(Locale.ROOT, "tutorial model on XOR, %d seeds, %d epochs, batch %d%n", seeds, epochs, batch);
    for (Stack.Mode mode : Stack.Mode.values()) {
      for (boolean jit : new boolean[] {false, true}) {
        List<GroupFit.Log> logs = GroupFit.fit(specs, xor.x(), xor.y(),
            new GroupFit.Plan(epochs, batch, true, false, mode, jit),
            SessionConfigs.STACKED).logs();
        report(mode.name().toLowerCase(Locale.ROOT) + (jit ? " jit" : ""), single, logs, epochs);
      }
    }
  }

  private static void report(String mode, float[][][] single, List<GroupFit.Log> logs, int epochs) {
    int identical = 0;
    int firstMoved = 0;
    int[] at = IntStream.of(1, 10, 100, epochs).filter(e -> e <= epochs).distinct().toArray();
    long[] maxUlps = new long[at.length];
    double[] maxRel = new double[at.length];
    for (int i = 0; i < single.length; i++) {
      float[][] a = single[i];
      float[][] b = logs.get(i).epochs();
      boolean same = true;
      int firstA = 0;
      int firstB = 0;
      for (int e = 0; e < epochs; e++) {
        same &= Float.floatToIntBits(a[e][0]) == Float.floatToIntBits(b[e][0]) && a[e][1] == b[e][1];
        firstA = firstA == 0 && a[e][1] == 1f ? e + 1 : firstA;
        firstB = firstB == 0 && b[e][1] == 1f ? e + 1 : firstB;
      }
      identical += same ? 1 : 0;
      firstMoved += firstA != firstB ? 1 : 0;
      for (int k = 0; k < at.length; k++) {
        float x = a[at[k] - 1][0];
        float y = b[at[k] - 1][0];
        maxUlps[k] = Math.max(maxUlps[k], Math.abs((long) Float.floatToIntBits(x) - Float.floatToIntBits(y)));
        maxRel[k] = Math.max(maxRel[k], Math.abs((double) x - y) / Math.abs((double) x));
      }
    }
    System.out.printf(Locale.ROOT, "%-8s bit-identical runs %d/%d; first epoch at 100%% moved in %d runs%n", mode,
        identical, single.length, firstMoved);
    for (int k = 0; k < at.length; k++) {
      System.out.printf(Locale.ROOT, "%-8s epoch %4d: max loss difference %d ulps, %.3g relative%n", mode, at[k],
          maxUlps[k], maxRel[k]);
    }
  }
}
