package io.github.tfjavaxor.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.tfjavaxor.keras.callbacks.History;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/** A seed gives bit-identical weights, losses and predictions in-process and across JVMs. */
class DeterminismTest {

  /** A fingerprint of one seeded run: exact float bits of every number, as text. */
  public static String fingerprint(long seed, int epochs) {
    StringBuilder sb = new StringBuilder();
    try (Sequential model = Xor.model(seed)) {
      for (FloatNdArray w : model.getWeights()) {
        w.scalars().forEach(s -> sb.append(Integer.toHexString(Float.floatToIntBits(s.getFloat()))).append(' '));
      }
      History h = model.fit(Xor.X, Xor.Y, epochs, 32, 0);
      for (double l : h.get("loss")) {
        sb.append(Integer.toHexString(Float.floatToIntBits((float) l))).append(' ');
      }
      for (float[] row : model.predict(Xor.X, 32, 0)) {
        sb.append(Integer.toHexString(Float.floatToIntBits(row[0]))).append(' ');
      }
    }
    return sb.toString();
  }

  /** Child-process entry point: prints the fingerprint of (seed, epochs). */
  public static void main(String[] args) {
    System.out.print(fingerprint(Long.parseLong(args[0]), Integer.parseInt(args[1])));
  }

  @Test
  void sameSeedSameBitsInProcess() {
    assertEquals(fingerprint(42, 300), fingerprint(42, 300));
  }

  @Test
  void sameSeedSameBitsAcrossTwoProcesses() throws Exception {
    String here = fingerprint(11, 300);
    List<String> children = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      children.add(runChild(11, 300));
    }
    assertEquals(here, children.get(0), "process 1");
    assertEquals(here, children.get(1), "process 2");
  }

  static String runChild(long seed, int epochs) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            DeterminismTest.class.getName(),
            Long.toString(seed),
            Integer.toString(epochs));
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("child JVM failed: exit " + p.exitValue());
    }
    return out;
  }
}
