package io.github.tfjavaxor.keras.trainers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.Sequential;
import io.github.tfjavaxor.keras.Xor;
import io.github.tfjavaxor.keras.callbacks.Callback;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.losses.Loss;
import io.github.tfjavaxor.keras.metrics.Metric;
import io.github.tfjavaxor.keras.optimizers.Adam;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras's behaviour beyond one fit: compile again, epochs=0, validation, replayed orders. */
class TrainerTest {
  static final float[][] X8 = {{0, 0}, {0, 1}, {1, 0}, {1, 1}, {0, 0}, {0, 1}, {1, 0}, {1, 1}};
  static final float[][] Y8 = {{0}, {1}, {1}, {0}, {0}, {1}, {1}, {0}};

  private static List<String> opNames(Sequential m) {
    List<String> names = new ArrayList<>();
    Iterable<GraphOperation> ops = () -> m.graph().operations();
    StreamSupport.stream(ops.spliterator(), false).forEach(o -> names.add(o.name()));
    return names;
  }

  private static float[] flat(List<FloatNdArray> w) {
    List<Float> out = new ArrayList<>();
    w.forEach(a -> a.scalars().forEach(s -> out.add(s.getFloat())));
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  @Test
  void evaluateAndPredictCreateNoOptimizerVariables() {
    try (Sequential m = Xor.model(1)) {
      m.predict(Xor.X, 32, 0);
      m.evaluate(Xor.X, Xor.Y, 32, 0);
      assertFalse(opNames(m).stream().anyMatch(n -> n.startsWith("adam")), opNames(m).toString());
      assertFalse(m.isOptimizerBuilt());
      m.fit(Xor.X, Xor.Y, 1, 32, 0);
      assertTrue(opNames(m).contains("adam/iteration"));
    }
  }

  @Test
  void compileAgainKeepsTheWeightsAndStartsAFreshOptimizer() {
    try (Sequential m = Xor.model(3); Sequential ref = Xor.model(3)) {
      m.fit(Xor.X, Xor.Y, 5, 32, 0);
      m.evaluate(Xor.X, Xor.Y, 32, 0);
      float[] trained = flat(m.getWeights());
      Adam fresh = new Adam(0.01);
      m.compile(Loss.MEAN_ABSOLUTE_ERROR, fresh, List.of(Metric.BINARY_ACCURACY));
      assertArrayEquals(trained, flat(m.getWeights()), 0f);
      History h = m.fit(Xor.X, Xor.Y, 3, 32, 0);
      assertEquals(3, h.get("loss").size());
      // A model compiled once with the second configuration from the same weights trains the same.
      ref.setWeights(toList(trained, m));
      ref.compile(Loss.MEAN_ABSOLUTE_ERROR, new Adam(0.01), List.of(Metric.BINARY_ACCURACY));
      History r = ref.fit(Xor.X, Xor.Y, 3, 32, 0);
      assertEquals(r.history(), h.history());
      assertTrue(fresh.built());
      assertEquals(3L, iterations(m));
    }
  }

  private static long iterations(Sequential m) {
    try (var r = m.session().runner().fetch("adam/iteration").run()) {
      return ((org.tensorflow.types.TInt64) r.get(0)).getLong();
    }
  }

  private static List<FloatNdArray> toList(float[] flat, Sequential shapeOf) {
    List<FloatNdArray> out = new ArrayList<>();
    int[] i = {0};
    for (var shape : shapeOf.weightShapes()) {
      FloatNdArray a = org.tensorflow.ndarray.NdArrays.ofFloats(shape);
      a.scalars().forEach(s -> s.setFloat(flat[i[0]++]));
      out.add(a);
    }
    return out;
  }

  @Test
  void compilingWithAnOptimizerThatHoldsStateIsRejected() {
    try (Sequential m = Xor.model(1)) {
      m.fit(Xor.X, Xor.Y, 1, 32, 0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.compile(Loss.MEAN_SQUARED_ERROR, m.optimizer(), List.of()));
      assertEquals("optimizer: this adam instance already holds the state of an earlier compile;"
          + " pass a new optimizer, or its name, to compile again", e.getMessage());
    }
  }

  @Test
  void zeroEpochsTrainNothingAndReturnAnEmptyHistory() {
    List<String> calls = new ArrayList<>();
    Callback spy = new Callback() {
      @Override
      public void onTrainBegin(int epochs, int steps, int verbose) {
        calls.add("begin " + epochs);
      }

      @Override
      public void onEpochBegin(int epoch) {
        calls.add("epoch " + epoch);
      }

      @Override
      public void onTrainEnd(Map<String, Double> logs) {
        calls.add("end " + logs);
      }
    };
    try (Sequential m = Xor.model(1); Sequential untouched = Xor.model(1)) {
      History h = m.fit(Xor.X, Xor.Y, FitArgs.builder(0).verbose(0).callbacks(List.of(spy)).build());
      assertEquals(Map.of(), h.history());
      assertEquals(List.of(), h.epoch());
      assertEquals(List.of("begin 0", "end {}"), calls);
      assertArrayEquals(flat(untouched.getWeights()), flat(m.getWeights()), 0f);
      assertEquals(2, m.evaluate(Xor.X, Xor.Y, 32, 0).length);
    }
  }

  @Test
  void validationSplitTakesTheLastRowsAndLogsValEntries() {
    try (Sequential m = Xor.model(2)) {
      History h = m.fit(X8, Y8, FitArgs.builder(2).batchSize(2).verbose(0).validationSplit(0.25)
          .build());
      assertEquals(List.of("binary_accuracy", "loss", "val_binary_accuracy", "val_loss"),
          new ArrayList<>(h.history().keySet()));
      // The last epoch's val_ entries are evaluate on rows 6 and 7 with the final weights.
      float[] val = m.evaluate(new float[][] {X8[6], X8[7]}, new float[][] {Y8[6], Y8[7]}, 2, 0);
      assertEquals(val[0], h.get("val_loss").get(1).floatValue());
      assertEquals(val[1], h.get("val_binary_accuracy").get(1).floatValue());
    }
  }

  @Test
  void validationIsSilentInFitAndItsValuesEndTheEpochLine() {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (Sequential m = Xor.model(1)) {
      m.setProgressStream(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
      m.fit(X8, Y8, FitArgs.builder(2).batchSize(2).verbose(2).validationSplit(0.25).build());
    }
    // Keras 3.15.1 prints, for the same call: "3/3 - 2s - 532ms/step - binary_accuracy: 0.8333 -
    // loss: 0.2249 - val_binary_accuracy: 0.5000 - val_loss: 0.2602", with no evaluate bar.
    String[] lines = bytes.toString(java.nio.charset.StandardCharsets.UTF_8).split("\n");
    assertEquals(4, lines.length, String.join("\n", lines));
    assertEquals("Epoch 1/2", lines[0]);
    assertTrue(lines[1].matches("3/3 - \\d+s - \\d+[mu]?s/step - binary_accuracy: \\d\\.\\d{4} - loss:"
        + " \\d\\.\\d{4} - val_binary_accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"), lines[1]);
    assertEquals("Epoch 2/2", lines[2]);
  }

  @Test
  void validationDataIsTheSameAsTheSplitItReplaces() {
    try (Sequential a = Xor.model(2); Sequential b = Xor.model(2)) {
      History split = a.fit(X8, Y8, FitArgs.builder(3).batchSize(2).verbose(0).shuffle(false)
          .validationSplit(0.25).build());
      float[][] tx = java.util.Arrays.copyOfRange(X8, 0, 6);
      float[][] ty = java.util.Arrays.copyOfRange(Y8, 0, 6);
      History data = b.fit(tx, ty, FitArgs.builder(3).batchSize(2).verbose(0).shuffle(false)
          .validationData(new float[][] {X8[6], X8[7]}, new float[][] {Y8[6], Y8[7]}).build());
      assertEquals(split.history(), data.history());
    }
  }

  @Test
  void replayedOrdersTrainOnThoseRowsEvenInOneBatch() {
    int[][] orders = {{3, 1, 0, 2}, {2, 0, 3, 1}, {0, 1, 2, 3}};
    try (Sequential replay = Xor.model(4); Sequential byHand = Xor.model(4)) {
      History h = replay.fit(Xor.X, Xor.Y, FitArgs.builder(3).verbose(0).shuffleOrders(orders)
          .build());
      List<Double> losses = new ArrayList<>();
      for (int e = 0; e < 3; e++) {
        float[][] x = new float[4][];
        float[][] y = new float[4][];
        for (int i = 0; i < 4; i++) {
          x[i] = Xor.X[orders[e][i]];
          y[i] = Xor.Y[orders[e][i]];
        }
        losses.add(byHand.fit(x, y, FitArgs.builder(e + 1).initialEpoch(e).verbose(0)
            .shuffle(false).build()).get("loss").get(0));
      }
      assertEquals(losses, h.get("loss"));
      assertArrayEquals(flat(byHand.getWeights()), flat(replay.getWeights()), 0f);
    }
  }

  @Test
  void identityOrdersAreTheUnshuffledFit() {
    int[][] identity = {{0, 1, 2, 3}, {0, 1, 2, 3}};
    try (Sequential a = Xor.model(6); Sequential b = Xor.model(6)) {
      History h = a.fit(Xor.X, Xor.Y, FitArgs.builder(2).verbose(0).shuffleOrders(identity).build());
      History n = b.fit(Xor.X, Xor.Y, FitArgs.builder(2).verbose(0).shuffle(false).build());
      assertEquals(n.history(), h.history());
      assertNotEquals(null, h);
    }
  }

  private static void rejects(String message, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertEquals(message, e.getMessage());
  }

  @Test
  void badValidationAndOrdersAreNamedBeforeAnyNativeWork() {
    rejects("validation_split: expected a number in [0, 1), found 1.0",
        () -> FitArgs.builder(1).validationSplit(1.0).build());
    rejects("validation_split: expected a number in [0, 1), found -0.1",
        () -> FitArgs.builder(1).validationSplit(-0.1).build());
    rejects("validation_split: expected a number in [0, 1), found NaN",
        () -> FitArgs.builder(1).validationSplit(Double.NaN).build());
    rejects("shuffleOrders: expected one order per epoch (3), found 2",
        () -> FitArgs.builder(3).shuffleOrders(new int[2][]).build());
    rejects("shuffleOrders: replaying row orders needs shuffle=true, found shuffle=false",
        () -> FitArgs.builder(1).shuffle(false).shuffleOrders(new int[1][]).build());
    try (Sequential m = Xor.model(1)) {
      rejects("validation_split: expected a fraction that leaves at least one training row and one"
              + " validation row of the 4 rows, found 0.8 (split at floor(4 * (1 - 0.8)) = 0, as"
              + " Keras splits)",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(1).validationSplit(0.8).build()));
      rejects("validation_data y: expected one target row per input row (1 rows, as"
              + " validation_data x), found 2 rows",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(1)
              .validationData(new float[][] {{0, 0}}, new float[][] {{0}, {1}}).build()));
      rejects("validation_data x[0]: expected 2 values (the first layer's inputDim), found 3",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(1)
              .validationData(new float[][] {{0, 0, 1}}, new float[][] {{0}}).build()));
      rejects("shuffleOrders[1]: expected a permutation of the 4 training rows, found row 2 twice",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(2)
              .shuffleOrders(new int[][] {{0, 1, 2, 3}, {2, 2, 0, 1}}).build()));
      rejects("shuffleOrders[0][3]: expected a row index in [0, 4), found 4",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(1)
              .shuffleOrders(new int[][] {{0, 1, 2, 4}}).build()));
      rejects("shuffleOrders[0]: expected a permutation of the 3 training rows, found 4 indices",
          () -> m.fit(Xor.X, Xor.Y, FitArgs.builder(1).validationSplit(0.25)
              .shuffleOrders(new int[][] {{0, 1, 2, 3}}).build()));
      assertFalse(m.isOptimizerBuilt(), "no native work before the checks");
    }
  }
}
