package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.optimizers.Optimizer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The parity matrix against live Keras: every configuration of {@link ParityMatrix} bit-identical
 * at every epoch, for every logged key ({@code val_} too), and in evaluate and predict.
 *
 * <p>It runs in a child JVM with {@code TF_ENABLE_ONEDNN_OPTS=0} (the Python child inherits it):
 * TensorFlow reads the variable once, when its native library loads, and with oneDNN's graph
 * rewrites on this machine's AVX-512 CPU the two sides' graphs round differently (measured in
 * docs/side-by-side.md; {@link LiveKerasParityTest} checks the default setting against the bound).
 * Fails, never skips, if the venv cannot be made.
 */
class LiveKerasParityMatrixTest {
  @Test
  void coversEveryOptimizerLossAndActivation() {
    Set<String> opts = new HashSet<>();
    Set<String> losses = new HashSet<>();
    Set<String> acts = new HashSet<>();
    boolean twoHidden = false;
    boolean batchesShuffled = false;
    boolean batchesUnshuffled = false;
    boolean validation = false;
    for (SideBySideConfig c : ParityMatrix.configs()) {
      opts.add(Optimizer.get(c.model().optimizer()).kerasName());
      losses.add(Loss.get(c.model().loss()).kerasName());
      c.model().activations().forEach(a -> acts.add(Activation.get(a).kerasName()));
      acts.add(Activation.get(c.model().outputActivation()).kerasName());
      twoHidden |= c.model().units().size() >= 2;
      int rows = c.data().startsWith("parity:") ? 1 << Integer.parseInt(c.data().substring(7)) : 4;
      boolean several = SideBySideConfig.trainRows(rows, c.validationSplit()) > c.batchSize();
      batchesShuffled |= several && c.shuffle() && c.epochs() > 0;
      batchesUnshuffled |= several && !c.shuffle() && c.epochs() > 0;
      validation |= c.validationSplit() > 0;
    }
    assertEquals(Set.of(Optimizer.names().split(", ")), opts);
    Set<String> allLosses = new HashSet<>();
    for (Loss l : Loss.values()) {
      allLosses.add(l.kerasName());
    }
    assertEquals(allLosses, losses);
    Set<String> allActs = new HashSet<>();
    for (Activation a : Activation.values()) {
      allActs.add(a.kerasName());
    }
    assertEquals(allActs, acts);
    assertTrue(twoHidden && batchesShuffled && batchesUnshuffled && validation);
    assertTrue(ParityMatrix.configs().size() >= 12);
  }

  @Test
  void everyConfigurationIsBitIdentical() throws Exception {
    // Kept after the run (target/ is build output) so that the table and matrix.json can be read.
    Path tmp = Files.createDirectories(Path.of("target", "parity-matrix")).toAbsolutePath();
    PythonVenv venv = PythonVenv.locate();
    venv.python(); // creates or checks the venv here, so a failure names it
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-D" + PythonVenv.DIR_PROPERTY + "=" + venv.dir(),
        "-cp", System.getProperty("java.class.path"), ParityMatrix.class.getName(),
        "--out", tmp.toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(tmp.resolve("matrix.log").toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().put("TF_ENABLE_ONEDNN_OPTS", "0");
    pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    Process p = pb.start();
    boolean done = p.waitFor(20, TimeUnit.MINUTES);
    String log = Files.readString(tmp.resolve("matrix.log"), StandardCharsets.UTF_8);
    System.out.println(log);
    if (!done) {
      p.destroyForcibly();
    }
    assertTrue(done, "the matrix did not finish in 20 minutes");
    assertEquals(0, p.exitValue(), log);
    JsonNode m = new ObjectMapper().readTree(tmp.resolve("matrix.json").toFile());
    assertEquals("0", m.get("onednn_opts").asText());
    assertEquals(ParityMatrix.configs().size(), m.get("runs").size());
    for (int i = 0; i < m.get("runs").size(); i++) {
      JsonNode r = m.get("runs").get(i);
      SideBySideConfig c = ParityMatrix.configs().get(i);
      String label = r.get("label").asText();
      assertEquals(c.label(), label);
      assertEquals(c.validationSplit() > 0 && c.epochs() > 0, r.get("keys").has("val_loss"),
          label);
      JsonNode keys = r.get("keys");
      if (r.get("epochs").asInt() > 0) {
        assertTrue(keys.has("loss"), label);
      }
      keys.fields().forEachRemaining(k -> {
        assertEquals(0, k.getValue().get("mismatches").asInt(),
            label + ": " + k.getKey() + " differs: " + k.getValue());
        assertEquals(0.0, k.getValue().get("maxAbs").asDouble(), label + ": " + k.getKey());
      });
      assertTrue(r.get("evaluate_equal").asBoolean(), label + ": evaluate differs");
      assertEquals(0.0, r.get("max_abs_prediction_diff").asDouble(), label);
      assertTrue(r.get("exact").asBoolean(), label);
    }
  }
}
