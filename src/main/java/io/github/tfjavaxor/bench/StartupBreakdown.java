package io.github.tfjavaxor.bench;

import io.github.tfjavaxor.device.DeviceResolver;
import io.github.tfjavaxor.device.Devices;
import io.github.tfjavaxor.keras.SessionConfigs;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.ConfigProto;

/**
 * Where a CLI start's native time goes, in one fresh JVM: JVM start to {@code main}, loading the
 * TensorFlow library, the C-API device listing ({@link Devices#list}, what {@code --device} resolves
 * with), and the first and a second session over an empty graph with the CPU training options.
 * With {@code --skip-listing} the listing is left out, so the first session's time shows what
 * skipping it for {@code --device cpu} would save: the listing is TensorFlow's first session in
 * the process and pays its one-time set-up, which the training session pays otherwise.
 *
 * <p>Prints one line of milliseconds. {@code bench/startup --breakdown} runs it alternately with
 * and without the listing (docs/development/performance-history.md, "Start-up").
 */
public final class StartupBreakdown {
  private StartupBreakdown() {}

  /**
   * Prints one line of milliseconds.
   *
   * @param args {@code [--skip-listing]}
   */
  public static void main(String[] args) {
    boolean list = !(args.length > 0 && args[0].equals("--skip-listing"));
    long toMain = ManagementFactory.getRuntimeMXBean().getUptime();
    ConfigProto cpu = DeviceResolver.config(SessionConfigs.DEFAULT, false, true);
    long t0 = System.nanoTime();
    TensorFlow.version();
    long t1 = System.nanoTime();
    if (list) {
      Devices.list(cpu);
    }
    long t2 = System.nanoTime();
    emptySession(cpu);
    long t3 = System.nanoTime();
    emptySession(cpu);
    long t4 = System.nanoTime();
    System.out.printf(Locale.ROOT,
        "listing %s: JVM to main %d ms, load library %.1f ms, device listing %.1f ms, first session %.1f ms,"
            + " second session %.1f ms, listing + first session %.1f ms%n",
        list ? "on" : "off", toMain, ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t3 - t1));
  }

  private static void emptySession(ConfigProto config) {
    try (Graph g = new Graph(); Session s = new Session(g, config)) {
      s.runner(); // a session is created eagerly by the constructor; nothing to run in an empty graph
    }
  }

  private static double ms(long ns) {
    return ns / 1e6;
  }
}
