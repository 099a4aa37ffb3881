package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import io.github.tfjavaxor.device.DeviceChoice;
import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.ResolvedDevice;
import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.SessionConfigs;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.FusedAdam;
import io.github.tfjavaxor.keras.trainers.JitCompile;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.OptimizerOptions;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Java side of {@code python/bench_peers.py}: one process that trains {@code Dense(hidden,
 * relu) -> Dense(1, sigmoid)} (MSE, Adam, binary_accuracy) on n-bit parity data (n = 2 is the
 * tutorial's XOR) through {@link Sequential#fit}, then evaluates and predicts, as the Python peers
 * do. Prints one JSON line: the per-epoch wall times in seconds, first and last loss, final accuracy.
 *
 * <p>Run: {@code java -cp ... io.github.tfjavaxor.bench.PeerBench --epochs 1000 --bits 2 --hidden 16
 * --batch 32 --threads 1}. {@code --threads} sets intra-op threads; ops run one at a time in the
 * calling thread, as with the project's {@link SessionConfigs#DEFAULT} (intra-op 1, inter-op -1).
 *
 * <p>{@code --variant} selects a performance experiment (docs/development/performance-history.md): {@code default};
 * {@code tf-threads} (TensorFlow's own thread pools, intra = inter = 0); {@code xla} (XLA
 * auto-clustering, {@code global_jit_level ON_1}); {@code fused-adam} ({@code FusedAdam}, the
 * {@code ApplyAdam} kernel's formula: not Keras-3-exact); {@code no-metrics} (loss only); {@code
 * per-epoch} (timed per epoch by a callback, which keeps fit at one session.run per epoch, the
 * scan over that epoch's batches); {@code jit-compile} (Keras's {@code jit_compile=True}: the scan
 * under XLA). Without a per-epoch callback, fit runs many epochs
 * per session.run (the train step scanned over their batches); then the fit is run once (its time
 * is {@code first_fit_s}: graph, Grappler or XLA compile and the epochs), more run
 * untimed for {@link #WARM_SECONDS_DEFAULT} s while the JVM's JIT settles, and {@link #TIMED_FITS_DEFAULT} more are timed,
 * per epoch = the median fit's time / epochs, as the JAX peers report their call times apart from
 * their compile; {@code extra_s} is the time of those extra fits, which the driver takes off the
 * process's start-to-exit time. The JSON also
 * has {@code loss_bits}, a hash of every epoch's loss bits, to check whether a variant changes the
 * results.
 */
public final class PeerBench {
  /**
   * Seconds of untimed fits after the first, before the timed ones: on two cores the JVM's JIT
   * compiler threads take CPU from the first fits' native runs (measured: the tutorial's XLA loop
   * ran 5-9 ms per fit in fits 2 to 6, 2.7 ms later), and a fit of 1000 XOR epochs takes 4 ms.
   */
  static final double WARM_SECONDS_DEFAULT = 1.0;
  /** Fits timed after those, whose median gives the per-epoch time. */
  static final int TIMED_FITS_DEFAULT = 5;

  private PeerBench() {}

  /** n-bit parity: all 2^n rows of {0,1}^n (row i = bits of i, most significant first). */
  static float[][][] parity(int bits) {
    int rows = 1 << bits;
    float[][] x = new float[rows][bits];
    float[][] y = new float[rows][1];
    for (int i = 0; i < rows; i++) {
      for (int b = 0; b < bits; b++) {
        x[i][b] = (i >> (bits - 1 - b)) & 1;
      }
      y[i][0] = Integer.bitCount(i) & 1;
    }
    return new float[][][] {x, y};
  }

  /**
   * Trains, evaluates and predicts as the class comment says, and prints the JSON line.
   *
   * @param args {@code [--epochs N] [--bits N] [--hidden N] [--batch N] [--threads N] [--seed N]
   *     [--variant V]}
   */
  public static void main(String[] args) {
    int epochs = 1000;
    int bits = 2;
    int hidden = 16;
    int batch = 32;
    int threads = 1;
    long seed = 42;
    String variant = "default";
    for (int i = 0; i < args.length; i++) {
      String v = i + 1 < args.length ? args[i + 1] : "";
      switch (args[i]) {
        case "--epochs" -> epochs = Integer.parseInt(v);
        case "--bits" -> bits = Integer.parseInt(v);
        case "--hidden" -> hidden = Integer.parseInt(v);
        case "--batch" -> batch = Integer.parseInt(v);
        case "--threads" -> threads = Integer.parseInt(v);
        case "--seed" -> seed = Long.parseLong(v);
        case "--variant" -> variant = v;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
      i++;
    }
    float[][][] data = parity(bits);
    double[] times = new double[epochs];
    long[] start = new long[1];
    Callback timer =
        new Callback() {
          @Override
          public void onEpochBegin(int epoch) {
            start[0] = System.nanoTime();
          }

          @Override
          public void onEpochEnd(int epoch, Map<String, Double> logs) {
            times[epoch] = (System.nanoTime() - start[0]) / 1e9;
          }
        };
    try (Sequential model = new Sequential(seed)) {
      model.add(new Dense(hidden, "relu", bits));
      model.add(new Dense(1, "sigmoid"));
      // Placement as the CLI's --device auto: GPU 0 under -Pgpu when one is usable, with memory
      // growth (docs/gpu.md); then jit_compile="auto" turns XLA on, as Keras does on a GPU.
      ResolvedDevice device = DeviceResolver.resolve(DeviceChoice.AUTO, false,
          SessionConfigs.DEFAULT.toBuilder().setIntraOpParallelismThreads(threads).build());
      ConfigProto config = device.config();
      model.setAcceleratorVisible(device.training().type().equals("GPU"));
      switch (variant) {
        case "default", "per-epoch", "jit-compile" ->
            model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
        case "tf-threads" -> {
          model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
          config = DeviceResolver.config(SessionConfigs.threads(0, 0), false, false);
        }
        case "xla" -> {
          model.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
          config = config.toBuilder()
              .setGraphOptions(GraphOptions.newBuilder().setOptimizerOptions(
                  OptimizerOptions.newBuilder().setGlobalJitLevel(OptimizerOptions.GlobalJitLevel.ON_1)))
              .build();
        }
        case "fused-adam" -> model.compile(Loss.get("mean_squared_error"), new FusedAdam(0.001),
            List.of(Metric.get("binary_accuracy")));
        case "no-metrics" -> model.compile("mean_squared_error", "adam", List.of());
        default -> throw new IllegalArgumentException("unknown --variant " + variant);
      }
      model.setSessionConfig(config);
      boolean perEpoch = variant.equals("per-epoch");
      if (variant.equals("jit-compile")) {
        model.setJitCompile(JitCompile.TRUE);
      }
      long t0 = System.nanoTime();
      History h = model.fit(data[0], data[1], FitArgs.builder(epochs).batchSize(batch).verbose(0)
          .callbacks(perEpoch ? List.of(timer) : List.of()).build());
      double firstFit = (System.nanoTime() - t0) / 1e9;
      float[] scores = model.evaluate(data[0], data[1], batch, 0);
      model.predict(data[0], batch, 0);
      long extra = System.nanoTime();
      if (!perEpoch) {
        // Warm runs, as the JAX peers' medians over their epochs leave out the compile: more
        // fits, each epoch the median fit's time / epochs.
        FitArgs again = FitArgs.builder(epochs).batchSize(batch).verbose(0).build();
        long warm = System.nanoTime();
        while (System.nanoTime() - warm < WARM_SECONDS_DEFAULT * 1e9) {
          model.fit(data[0], data[1], again);
        }
        double[] fits = new double[TIMED_FITS_DEFAULT];
        for (int f = 0; f < fits.length; f++) {
          long t1 = System.nanoTime();
          model.fit(data[0], data[1], again);
          fits[f] = (System.nanoTime() - t1) / 1e9 / epochs;
        }
        java.util.Arrays.sort(fits);
        java.util.Arrays.fill(times, fits[fits.length / 2]);
      }
      double extraSeconds = (System.nanoTime() - extra) / 1e9;
      StringBuilder sb = new StringBuilder("{\"peer\": \"java\", \"epoch_s\": [");
      for (int e = 0; e < epochs; e++) {
        sb.append(e == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.9f", times[e]));
      }
      List<Double> loss = h.get("loss");
      int bitsHash = 1;
      for (double l : loss) {
        bitsHash = 31 * bitsHash + Float.floatToRawIntBits((float) l);
      }
      sb.append(String.format(Locale.ROOT,
          "], \"loss_first\": %.7f, \"loss_last\": %.7f, \"eval_loss\": %.7f,"
              + " \"eval_acc\": %.4f, \"loss_bits\": \"%08x\", \"variant\": \"%s\","
              + " \"first_fit_s\": %.6f, \"extra_s\": %.6f}",
          loss.get(0), loss.get(epochs - 1), scores[0],
          scores.length > 1 ? scores[1] : Double.NaN, bitsHash, variant, firstFit, extraSeconds));
      System.out.println(sb);
    }
  }
}
