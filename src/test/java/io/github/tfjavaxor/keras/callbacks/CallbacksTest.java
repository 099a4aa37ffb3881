package io.github.tfjavaxor.keras.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

class CallbacksTest {
  static final float[][] X = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] Y = {{0}, {1}, {1}, {0}};

  static Sequential model() {
    Sequential m = new Sequential(42);
    m.add(new Dense(16, "relu", 2));
    m.add(new Dense(1, "sigmoid"));
    m.compile("mean_squared_error", "adam", List.of("binary_accuracy"));
    return m;
  }

  @Test
  void monitorDirectionsFollowKeras() {
    assertFalse(new Monitor("loss", "auto", 0).increases());
    assertFalse(new Monitor("val_loss", "auto", 0).increases());
    assertTrue(new Monitor("binary_accuracy", "auto", 0).increases());
    assertFalse(new Monitor("mean_squared_error", "auto", 0).increases());
    assertTrue(new Monitor("loss", "max", 0).increases());
    assertEquals("monitor=f1: cannot tell automatically whether it should be maximized or minimized; pass mode 'max' or 'min'",
        assertThrows(IllegalArgumentException.class, () -> new Monitor("f1", "auto", 0)).getMessage());
    assertEquals("mode: expected auto, min or max, found 'up'",
        assertThrows(IllegalArgumentException.class, () -> new Monitor("loss", "up", 0)).getMessage());
    // min_delta: a decrease must exceed |min_delta| to count.
    Monitor m = new Monitor("loss", "auto", -0.1);
    assertTrue(m.isImprovement(0.5, 0.61));
    assertFalse(m.isImprovement(0.5, 0.6));
    assertFalse(m.isImprovement(Double.NaN, 1));
    Monitor up = new Monitor("binary_accuracy", "auto", 0);
    assertFalse(up.isImprovement(0.75, 0.75)); // strict, as ops.greater
  }

  @Test
  void earlyStoppingCountsPatienceAsKerasDoes() {
    // Loss must drop by more than 1 to count: epoch 0 improves on +inf, epochs 1 and 2 do not,
    // so wait reaches patience 2 at epoch 2 and training stops after 3 epochs.
    try (Sequential m = model()) {
      EarlyStopping es = new EarlyStopping("loss", 1.0, 2, "auto", null, false, 0, null);
      History h = m.fit(X, Y, FitArgs.builder(100).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(es)).build());
      assertEquals(List.of(0, 1, 2), h.epoch());
      assertEquals(2, es.stoppedEpoch());
      assertEquals(0, es.bestEpoch());
    }
  }

  @Test
  void startFromEpochIgnoresTheFirstEpochs() {
    // Epochs 0..4 are ignored; epoch 5 sets the best, 6 and 7 fail by min_delta 1 and stop it.
    try (Sequential m = model()) {
      EarlyStopping es = new EarlyStopping("loss", 1.0, 2, "auto", null, false, 5, null);
      assertEquals(8, m.fit(X, Y, FitArgs.builder(100).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(es)).build()).epoch().size());
      assertEquals(7, es.stoppedEpoch());
      assertEquals(5, es.bestEpoch());
    }
  }

  @Test
  void missingMonitorNeverStops() {
    try (Sequential m = model()) {
      EarlyStopping es = new EarlyStopping(); // Keras default monitor val_loss: not in the logs
      assertEquals(20, m.fit(X, Y, FitArgs.builder(20).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(es)).build()).epoch().size());
      assertEquals(0, es.stoppedEpoch());
    }
  }

  @Test
  void restoreBestWeightsPutsBackTheBestEpoch() {
    List<FloatNdArray> afterOneEpoch;
    try (Sequential m = model()) {
      m.fit(X, Y, 1, 32, 0);
      afterOneEpoch = m.getWeights();
    }
    try (Sequential m = model()) {
      // "max" on a falling loss: epoch 0 is the best; waits 1,2,3 at epochs 1..3 stop it.
      List<String> messages = new ArrayList<>();
      EarlyStopping es = new EarlyStopping("loss", 0, 3, "max", null, true, 0, messages::add);
      History h = m.fit(X, Y, FitArgs.builder(50).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(es)).build());
      assertEquals(4, h.epoch().size());
      assertEquals(List.of("Epoch 4: early stopping", "Restoring model weights from the end of the best epoch: 1."), messages);
      List<FloatNdArray> w = m.getWeights();
      for (int i = 0; i < w.size(); i++) {
        assertEquals(afterOneEpoch.get(i), w.get(i), "weight " + i);
      }
    }
  }

  @Test
  void terminateOnNanStopsOrRaises() {
    List<String> messages = new ArrayList<>();
    TerminateOnNaN t = new TerminateOnNaN(false, messages::add);
    t.onTrainBegin(10, 1, 0);
    t.onTrainBatchEnd(0, Map.of("loss", 0.25));
    assertFalse(t.stopTraining());
    t.onTrainBatchEnd(3, Map.of("loss", Double.POSITIVE_INFINITY));
    assertTrue(t.stopTraining());
    assertEquals(3, t.terminatedAtBatch());
    assertEquals(List.of("Batch 3: Invalid loss, terminating training"), messages);
    TerminateOnNaN raise = new TerminateOnNaN(true, null);
    assertEquals("NaN or Inf loss encountered at batch 1. Loss value: NaN. Terminating training immediately.",
        assertThrows(RuntimeException.class, () -> raise.onTrainBatchEnd(1, Map.of("loss", Double.NaN))).getMessage());
  }

  @Test
  void terminateOnNanInsideFit() {
    try (Sequential m = new Sequential(42)) {
      m.add(new Dense(16, "relu", 2));
      m.add(new Dense(1, "sigmoid"));
      m.compile(io.github.tfjavaxor.keras.losses.Loss.MEAN_SQUARED_ERROR,
          io.github.tfjavaxor.keras.optimizers.Optimizers.get("sgd", 1e30), new ArrayList<>());
      TerminateOnNaN t = new TerminateOnNaN();
      History h = m.fit(X, Y, FitArgs.builder(100).batchSize(32).verbose(0).shuffle(true).callbacks(List.of(t)).build());
      assertTrue(t.terminated());
      int n = h.epoch().size();
      assertTrue(n < 100);
      assertTrue(h.get("loss").get(n - 1).isNaN() || h.get("loss").get(n - 1).isInfinite());
      assertFalse(h.get("loss").get(n - 2).isNaN());
    }
  }

  @Test
  void initialEpochRunsOnlyTheRemainingEpochs() {
    try (Sequential m = model()) {
      History h = m.fit(X, Y, FitArgs.builder(5).batchSize(32).verbose(0).shuffle(true).initialEpoch(3).build());
      assertEquals(List.of(3, 4), h.epoch());
      // Keras's range(initial_epoch, epochs) is empty: nothing trains, the History is empty.
      assertEquals(List.of(), m.fit(X, Y, FitArgs.builder(5).verbose(0).initialEpoch(5).build()).epoch());
      assertThrows(IllegalArgumentException.class, () -> m.fit(X, Y, FitArgs.builder(5).verbose(0).initialEpoch(-1).build()));
    }
  }
}
