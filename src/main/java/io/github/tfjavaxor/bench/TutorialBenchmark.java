package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The tutorial's cost on this machine: per-epoch time through {@link Sequential#fit} (loss and
 * accuracy fetched every epoch, as Keras logs them), the floor of one trivial {@code session.run},
 * total training time, JVM start-to-exit with a warm and an empty native cache, and peak RSS.
 *
 * <p>Run: {@code bench/tutorial [--repeats 5] [--long-steps 1000000]}, which also writes the table to
 * bench/results/tutorial-CPU.md. Prints a table; numbers vary with machine load,
 * so compare ratios from one run. {@code --long-steps N} then runs {@link MemoryBenchmark} for N
 * steps in a child JVM, as {@code bench/memory} does.
 */
public final class TutorialBenchmark {
  static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] Y = {{0}, {1}, {1}, {0}};

  private TutorialBenchmark() {}

  /**
   * Times the tutorial and prints the table.
   *
   * @param args {@code [--repeats N] [--long-steps N] [--skip-processes]}
   * @throws Exception if a run or a child process fails
   */
  public static void main(String[] args) throws Exception {
    int repeats = 5;
    long longSteps = 0;
    boolean processes = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--repeats" -> repeats = Integer.parseInt(args[++i]);
        case "--long-steps" -> longSteps = Long.parseLong(args[++i]);
        case "--skip-processes" -> processes = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println(CpuInfo.describe());
    System.out.printf(Locale.ROOT, "TF Java tutorial benchmark, %d repeats, %d cores%n",
        repeats, Runtime.getRuntime().availableProcessors());

    List<Double> epochMedians = new ArrayList<>();
    List<Double> epochP90s = new ArrayList<>();
    List<Double> trainMs = new ArrayList<>();
    List<Double> floors = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      double[] epoch = epochTimesMicros(SessionConfigs.DEFAULT, 1000, 42 + r);
      epochMedians.add(percentile(epoch, 50));
      epochP90s.add(percentile(epoch, 90));
      trainMs.add(Arrays.stream(epoch).sum() / 1000);
      floors.add(floorMicros(SessionConfigs.DEFAULT, 3000));
    }
    double epochMedian = median(epochMedians);
    double floor = median(floors);
    System.out.printf(Locale.ROOT, "per-epoch median          %8.1f us   (medians of %d runs: %s)%n",
        epochMedian, repeats, fmt(epochMedians));
    System.out.printf(Locale.ROOT, "per-epoch p90             %8.1f us%n", median(epochP90s));
    System.out.printf(Locale.ROOT, "1000 epochs (train loop)  %8.1f ms%n", median(trainMs));
    System.out.printf(Locale.ROOT, "floor: trivial run        %8.1f us   (feed, 2 ops, fetch)%n", floor);
    System.out.printf(Locale.ROOT, "per-epoch / floor         %8.2f     (target <= 4)%n", epochMedian / floor);

    double[] threaded = epochTimesMicros(SessionConfigs.threads(0, 0), 1000, 42);
    System.out.printf(Locale.ROOT, "per-epoch, TF default threads %6.1f us (for comparison)%n",
        percentile(threaded, 50));

    if (processes) {
      processTimes(repeats);
    }
    if (longSteps > 0) {
      // MemoryBenchmark in a child JVM with bench/memory's settings: a fixed, pre-touched 128 MiB
      // heap, so RSS after the warm-up moves only with native memory and JIT code.
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      long chunk = Math.max(1, Math.min(100_000, longSteps / 10));
      ProcessBuilder pb =
          new ProcessBuilder(java, "-Xms128m", "-Xmx128m", "-XX:+AlwaysPreTouch",
              "-XX:NativeMemoryTracking=summary", "-cp", classPath(),
              MemoryBenchmark.class.getName(), "--steps", Long.toString(longSteps),
              "--chunk", Long.toString(chunk), "--warmup", Long.toString(chunk));
      pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
      pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
      pb.redirectError(ProcessBuilder.Redirect.DISCARD);
      if (pb.start().waitFor() != 0) {
        throw new IllegalStateException("long run failed");
      }
    }
  }

  /** Per-epoch wall times of one 2-16-1 XOR fit, in microseconds. */
  static double[] epochTimesMicros(ConfigProto config, int epochs, long seed) {
    double[] times = new double[epochs];
    long[] last = new long[1];
    Callback timer =
        new Callback() {
          @Override
          public void onEpochBegin(int epoch) {
            last[0] = System.nanoTime();
          }

          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            times[epoch] = (System.nanoTime() - last[0]) / 1e3;
          }
        };
    try (Sequential model = new Sequential(seed)) {
      model.add(new Dense(16, "relu", 2));
      model.add(new Dense(1, "sigmoid"));
      model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
      model.setSessionConfig(config);
      model.setProgressStream(new PrintStream(OutputStream.nullOutputStream()));
      model.fit(X, Y, FitArgs.builder(epochs).verbose(0).callbacks(List.of(timer)).build());
    }
    return times;
  }

  /** Median microseconds of one run of a trivial graph: feed [4,2], add, mul, fetch. */
  static double floorMicros(ConfigProto config, int runs) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 2)));
      Operand<TFloat32> y = tf.math.mul(tf.math.add(x, tf.constant(1f)), tf.constant(2f));
      try (Session s = new Session(g, config);
          TFloat32 xt = TFloat32.tensorOf(Shape.of(4, 2))) {
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
          long t0 = System.nanoTime();
          try (Result r = s.runner().feed(x, xt).fetch(y).run()) {
            t[i] = (System.nanoTime() - t0) / 1e3;
          }
        }
        return percentile(Arrays.copyOfRange(t, runs / 10, runs), 50);
      }
    }
  }

  /** Runs the tutorial as separate JVMs: warm cache, then an empty JavaCPP cache. */
  static void processTimes(int repeats) throws IOException, InterruptedException {
    List<Double> warm = new ArrayList<>();
    List<Double> rss = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      double[] res = runTutorialProcess(null);
      warm.add(res[0]);
      rss.add(res[1]);
    }
    List<Double> cold = new ArrayList<>();
    for (int r = 0; r < Math.min(repeats, 3); r++) {
      Path cache = Files.createTempDirectory("javacpp-cold");
      try {
        cold.add(runTutorialProcess(cache)[0]);
      } finally {
        deleteTree(cache);
      }
    }
    System.out.printf(Locale.ROOT, "tutorial JVM start->exit, warm cache  %6.2f s  (target <= 1.5; runs: %s)%n",
        median(warm), fmt(warm));
    System.out.printf(Locale.ROOT, "tutorial JVM start->exit, empty cache %6.2f s  (runs: %s)%n",
        median(cold), fmt(cold));
    System.out.printf(Locale.ROOT, "tutorial peak RSS (VmHWM)             %6.0f MiB (target <= 400)%n",
        median(rss));
  }

  /** Returns {wall seconds, peak RSS MiB} of one tutorial process. */
  static double[] runTutorialProcess(Path cacheDir) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java));
    if (cacheDir != null) {
      cmd.add("-Dorg.bytedeco.javacpp.cachedir=" + cacheDir);
    }
    cmd.addAll(List.of("-cp", classPath(), TutorialProcess.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Path err = Files.createTempFile("bench", ".err");
    pb.redirectError(err.toFile());
    long t0 = System.nanoTime();
    Process p = pb.start();
    int code = p.waitFor();
    double wall = (System.nanoTime() - t0) / 1e9;
    String stderr = Files.readString(err);
    Files.delete(err);
    if (code != 0) {
      throw new IllegalStateException("tutorial process failed (" + code + "): " + stderr);
    }
    double rssMiB = Double.NaN;
    for (String line : stderr.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        rssMiB = Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
      }
    }
    return new double[] {wall, rssMiB};
  }

  /** The project's class path, also under {@code exec:java}, which loads it in a child loader. */
  static String classPath() {
    ClassLoader loader = TutorialBenchmark.class.getClassLoader();
    if (loader instanceof java.net.URLClassLoader urls) {
      StringBuilder sb = new StringBuilder();
      for (java.net.URL u : urls.getURLs()) {
        try {
          sb.append(sb.length() == 0 ? "" : java.io.File.pathSeparator)
              .append(Path.of(u.toURI()));
        } catch (java.net.URISyntaxException e) {
          throw new IllegalStateException(e);
        }
      }
      return sb.toString();
    }
    return System.getProperty("java.class.path");
  }

  static double percentile(double[] v, double p) {
    double[] s = v.clone();
    Arrays.sort(s);
    int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, idx))];
  }

  static double median(List<Double> v) {
    return percentile(v.stream().mapToDouble(Double::doubleValue).toArray(), 50);
  }

  static String fmt(List<Double> v) {
    StringBuilder sb = new StringBuilder();
    for (double d : v) {
      sb.append(sb.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", d));
    }
    return sb.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
