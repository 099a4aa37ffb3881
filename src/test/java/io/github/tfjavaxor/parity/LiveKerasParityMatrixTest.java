package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.device.CpuInfo;
import io.github.tfjavaxor.interop.PythonVenv;
import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The parity matrix against live Keras: every configuration of {@link ParityMatrix} bit-identical
 * at every epoch, for every logged key ({@code val_} too), and in evaluate and predict.
 *
 * <p>It runs with the environment it is given; the Python child inherits it, so both sides see the
 * same {@code TF_ENABLE_ONEDNN_OPTS} (measured bit-identical with it unset and with 0, see
 * docs/side-by-side.md). Fails, never skips, if the venv cannot be made.
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
    boolean manyBatchesShuffledValidated = false;
    for (SideBySideConfig c : ParityMatrix.configs()) {
      opts.add(Optimizers.get(c.model().optimizer()).kerasName());
      losses.add(Loss.get(c.model().loss()).kerasName());
      c.model().activations().forEach(a -> acts.add(Activation.get(a).kerasName()));
      acts.add(Activation.get(c.model().outputActivation()).kerasName());
      twoHidden |= c.model().units().size() >= 2;
      int rows = c.data().startsWith("parity:") ? 1 << Integer.parseInt(c.data().substring(7)) : 4;
      boolean several = SideBySideConfig.trainRows(rows, c.validationSplit()) > c.batchSize();
      batchesShuffled |= several && c.shuffle() && c.epochs() > 0;
      batchesUnshuffled |= several && !c.shuffle() && c.epochs() > 0;
      validation |= c.validationSplit() > 0;
      int train = SideBySideConfig.trainRows(rows, c.validationSplit());
      manyBatchesShuffledValidated |= (train + c.batchSize() - 1) / c.batchSize() >= 10
          && c.shuffle() && c.validationSplit() > 0 && c.epochs() > 0;
    }
    assertEquals(Set.of(Optimizers.names().split(", ")), opts);
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
    assertTrue(manyBatchesShuffledValidated, "a configuration with 10+ shuffled batches per epoch"
        + " and a validation split, fit's default path on real data");
    assertTrue(ParityMatrix.configs().size() >= 12);
  }

  @Test
  void everyConfigurationIsBitIdentical() throws Exception {
    // Kept after the run (target/ is build output), so the Keras reports can be read.
    Path out = Path.of("target", "parity-matrix").toAbsolutePath();
    long t0 = System.nanoTime();
    List<SideBySide.Result> results = ParityMatrix.run(PythonVenv.locate(), out);
    ParityMatrix.printTable(results, System.out);
    String machine = CpuInfo.describe();
    System.out.printf(Locale.ROOT, "%d configurations in %.0f s; %s%n", results.size(),
        (System.nanoTime() - t0) / 1e9, machine);
    assertEquals(ParityMatrix.configs().size(), results.size());
    for (SideBySide.Result r : results) {
      SideBySideConfig c = r.config();
      String label = c.label() + " [Java's default fit path against Keras's fit; " + machine + "]";
      Comparison k = r.comparison();
      assertEquals(c.epochs(), r.keras().epochs(), label);
      assertEquals(c.validationSplit() > 0 && c.epochs() > 0, k.keys().containsKey("val_loss"),
          label);
      assertEquals(c.epochs() > 0, k.keys().containsKey("loss"), label);
      assertEquals(c.shuffle() && c.epochs() > 0, r.orders() != null, label);
      k.keys().forEach((key, d) -> {
        assertEquals(0, d.mismatches(), label + ": " + key + " differs: " + d);
        assertEquals(0.0, d.maxAbs(), label + ": " + key);
      });
      assertTrue(k.evaluateEqual(), label + ": evaluate differs");
      assertEquals(0.0, k.maxAbsPredictionDiff(), label);
      assertTrue(k.exact(), label);
    }
  }
}
