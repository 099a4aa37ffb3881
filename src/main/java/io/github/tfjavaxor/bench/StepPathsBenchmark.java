package io.github.tfjavaxor.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.KerasWeightsFile;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.trainers.CompileConfig;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import io.github.tfjavaxor.keras.trainers.StepsPerExecution;
import io.github.tfjavaxor.parity.SideBySide;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tutorial's fit per epoch through the train step's compositions, in one JVM: inline (one
 * {@code session.run} per epoch, {@code steps_per_execution=1}), scanned (all epochs in one run,
 * the default) and scanned under XLA ({@code jit_compile=True}, with its compile time); and the
 * {@code session.run} floor. With {@code --keras}, XLA's deviation: per-epoch losses of Java-drawn
 * weights (seeds 1..5) under Java's exact path, Java's XLA, and live Keras with {@code
 * jit_compile=False} and {@code True}.
 *
 * <p>Run: {@code bench/step-paths --repeats 5 --keras}, which also writes the table to
 * bench/results/step-paths-CPU.md. Prints a table; compare ratios from one run.
 */
public final class StepPathsBenchmark {
  private StepPathsBenchmark() {}

  /**
   * Times each step path and prints the table.
   *
   * @param args {@code [--repeats N] [--epochs N] [--keras]}
   * @throws Exception if a run fails
   */
  public static void main(String[] args) throws Exception {
    int repeats = 5;
    int epochs = 1000;
    boolean keras = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--epochs" -> epochs = Integer.parseInt(args[++i]);
        case "--keras" -> keras = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println(CpuInfo.describe());
    System.out.printf(Locale.ROOT, "train step paths benchmark: %d epochs, %d repeats, %d cores%n",
        epochs, repeats, Runtime.getRuntime().availableProcessors());
    List<Double> perRun = new ArrayList<>();
    List<Double> loop = new ArrayList<>();
    List<Double> xla = new ArrayList<>();
    List<Double> xlaFirst = new ArrayList<>();
    List<Double> floor = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      perRun.add(fitMicros(42 + r, epochs, 1, JitCompile.FALSE)[1] / epochs);
      loop.add(fitMicros(42 + r, epochs, epochs, JitCompile.FALSE)[1] / epochs);
      double[] x = fitMicros(42 + r, epochs, epochs, JitCompile.TRUE);
      xla.add(x[1] / epochs);
      xlaFirst.add(x[0] / 1000);
      floor.add(TutorialBenchmark.floorMicros(SessionConfigs.DEFAULT, 3000));
    }
    double f = TutorialBenchmark.median(floor);
    row("inline: one session.run per epoch", perRun, f);
    row("scan: all epochs in one run", loop, f);
    row("scan under XLA (jit_compile=True)", xla, f);
    row("session.run floor (trivial run)", floor, f);
    System.out.printf(Locale.ROOT,
        "XLA first fit (build + compile + %d epochs) %.1f ms (runs: %s)%n", epochs,
        TutorialBenchmark.median(xlaFirst), TutorialBenchmark.fmt(xlaFirst));
    if (keras) {
      deviation(epochs);
    }
  }

  private static void row(String what, List<Double> micros, double floor) {
    double m = TutorialBenchmark.median(micros);
    System.out.printf(Locale.ROOT, "%-34s %8.2f us/epoch  %6.2f x floor  (runs: %s)%n", what, m,
        m / floor, TutorialBenchmark.fmt(micros));
  }

  // {first fit µs (graph, loop and XLA compile included), second fit µs} on one model.
  private static double[] fitMicros(long seed, int epochs, int perRun, JitCompile jit) {
    try (Sequential m = model(seed)) {
      m.compile(CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy"))
          .withStepsPerExecution(perRun == 1 ? new StepsPerExecution(1) : StepsPerExecution.AUTO)
          .withJitCompile(jit));
      FitArgs args = FitArgs.builder(epochs).verbose(0).build();
      long t0 = System.nanoTime();
      m.fit(TutorialBenchmark.X, TutorialBenchmark.Y, args);
      long t1 = System.nanoTime();
      m.fit(TutorialBenchmark.X, TutorialBenchmark.Y, args);
      long t2 = System.nanoTime();
      return new double[] {(t1 - t0) / 1e3, (t2 - t1) / 1e3};
    }
  }

  private static Sequential model(long seed) {
    return SideBySide.tutorialModel(seed);
  }

  // Per-epoch loss differences, in float32 ulps and relative, over Java-drawn seeds 1..5.
  private static void deviation(int epochs) throws Exception {
    Path dir = Files.createTempDirectory("xla-deviation");
    List<String> files = new ArrayList<>();
    List<float[]> exact = new ArrayList<>();
    List<float[]> xla = new ArrayList<>();
    for (int seed = 1; seed <= 5; seed++) {
      Path file = dir.resolve("seed" + seed + ".weights.h5");
      files.add(file.toString());
      for (JitCompile jit : List.of(JitCompile.FALSE, JitCompile.TRUE)) {
        try (Sequential m = model(seed)) {
          m.compile(CompileConfig.of("mean_squared_error", "adam", List.of("binary_accuracy"))
              .withJitCompile(jit));
          if (jit == JitCompile.FALSE) {
            KerasWeightsFile.save(file, m);
          }
          List<Double> loss = m.fit(TutorialBenchmark.X, TutorialBenchmark.Y,
              FitArgs.builder(epochs).verbose(0).shuffle(false).build()).get("loss");
          (jit == JitCompile.FALSE ? exact : xla).add(floats(loss));
        }
      }
    }
    List<float[]> kerasExact = keras(files, epochs, "false");
    List<float[]> kerasXla = keras(files, epochs, "true");
    System.out.printf(Locale.ROOT, "per-epoch loss, seeds 1..5 x %d epochs: epochs that differ,"
        + " max ulps, max relative%n", epochs);
    compare("Java exact vs Keras jit_compile=False", exact, kerasExact);
    compare("Java XLA vs Java exact", xla, exact);
    compare("Keras jit_compile=True vs False", kerasXla, kerasExact);
    compare("Java XLA vs Keras jit_compile=True", xla, kerasXla);
    for (String f : files) {
      Files.deleteIfExists(Path.of(f));
    }
    Files.deleteIfExists(dir);
  }

  private static List<float[]> keras(List<String> files, int epochs, String jit) throws Exception {
    List<String> args = new ArrayList<>(List.of("--epochs", Integer.toString(epochs),
        "--jit-compile", jit));
    args.addAll(files);
    String out = PythonVenv.locate().runChecked("fit_from_weights.py",
        args.toArray(String[]::new)).stdout().strip();
    JsonNode runs = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1))
        .get("runs");
    List<float[]> losses = new ArrayList<>();
    for (String f : files) {
      JsonNode l = runs.get(f).get("loss");
      float[] v = new float[l.size()];
      for (int e = 0; e < v.length; e++) {
        v[e] = (float) l.get(e).asDouble();
      }
      losses.add(v);
    }
    return losses;
  }

  private static void compare(String what, List<float[]> a, List<float[]> b) {
    int differ = 0;
    int total = 0;
    long maxUlps = 0;
    double maxRel = 0;
    for (int s = 0; s < a.size(); s++) {
      for (int e = 0; e < a.get(s).length; e++) {
        float p = a.get(s)[e];
        float q = b.get(s)[e];
        total++;
        if (p != q) {
          differ++;
          maxUlps = Math.max(maxUlps,
              Math.abs((long) Float.floatToIntBits(p) - Float.floatToIntBits(q)));
          maxRel = Math.max(maxRel, Math.abs(p - q) / Math.abs(q));
        }
      }
    }
    System.out.printf(Locale.ROOT, "  %-40s %5d / %d   %4d ulps   %.2e%n", what, differ, total,
        maxUlps, maxRel);
  }

  private static float[] floats(List<Double> v) {
    float[] f = new float[v.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = v.get(i).floatValue();
    }
    return f;
  }
}
