package io.github.tfjavaxor.keras;

import io.github.tfjavaxor.keras.trainers.FitArgs;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.keras.activations.Activation;
import io.github.tfjavaxor.keras.callbacks.History;
import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.trainers.FitArgs;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.FloatNdArray;

/** Keras 3's fit/evaluate/predict semantics on the tutorial model. */
class SequentialTest {

  @Test
  void loggedEpochLossIsTheForwardPassBeforeThatEpochsUpdate() {
    try (Sequential model = Xor.model(5)) {
      float before = model.evaluate(Xor.X, Xor.Y, 32, 0)[0];
      History h = model.fit(Xor.X, Xor.Y, 1, 32, 0);
      float afterOne = model.evaluate(Xor.X, Xor.Y, 32, 0)[0];
      History h2 = model.fit(Xor.X, Xor.Y, 1, 32, 0);
      assertEquals(before, h.get("loss").get(0).floatValue());
      assertEquals(afterOne, h2.get("loss").get(0).floatValue());
      assertTrue(afterOne != before, "the update changed the loss");
    }
  }

  @Test
  void miniBatchEpochLossIsBatchSizeWeightedMeanOfPreUpdateBatchLosses() {
    float[][] xa = {Xor.X[0], Xor.X[1], Xor.X[2]};
    float[][] ya = {Xor.Y[0], Xor.Y[1], Xor.Y[2]};
    float[][] xb = {Xor.X[3]};
    float[][] yb = {Xor.Y[3]};
    float lossA;
    float accA;
    float lossB;
    float accB;
    try (Sequential ref = Xor.model(9)) {
      float[] a = ref.evaluate(xa, ya, 32, 0);
      lossA = a[0];
      accA = a[1];
      ref.fit(xa, ya, FitArgs.builder(1).batchSize(32).verbose(0).shuffle(false).build()); // the first batch's step
      float[] b = ref.evaluate(xb, yb, 32, 0);
      lossB = b[0];
      accB = b[1];
    }
    try (Sequential model = Xor.model(9)) {
      History h = model.fit(Xor.X, Xor.Y, FitArgs.builder(1).batchSize(3).verbose(0).shuffle(false).build());
      assertEquals((lossA * 3 + lossB * 1) / 4, h.get("loss").get(0).floatValue());
      assertEquals((accA * 3 + accB * 1) / 4, h.get("binary_accuracy").get(0).floatValue());
    }
  }

  @Test
  void historyKeysAndMetricNamesAreKeras3s() {
    try (Sequential model = Xor.model(1)) {
      History h = model.fit(Xor.X, Xor.Y, 3, 32, 0);
      assertEquals(List.of("binary_accuracy", "loss"), List.copyOf(h.history().keySet()));
      assertEquals(List.of(0, 1, 2), h.epoch());
      assertEquals(List.of("loss", "compile_metrics"), model.metricsNames());
      assertEquals(List.of("binary_accuracy"), model.compiledMetricNames());
      assertEquals(2, model.evaluate(Xor.X, Xor.Y, 32, 0).length);
    }
  }

  @Test
  void summaryIsKerasTableWith65Params() {
    try (Sequential model = Xor.model(1)) {
      assertEquals(65, model.countParams());
      String expected =
          "Model: \"sequential\"\n"
              + "┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓\n"
              + "┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃\n"
              + "┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩\n"
              + "│ dense (Dense)                   │ (None, 16)             │            48 │\n"
              + "├─────────────────────────────────┼────────────────────────┼───────────────┤\n"
              + "│ dense_1 (Dense)                 │ (None, 1)              │            17 │\n"
              + "└─────────────────────────────────┴────────────────────────┴───────────────┘\n"
              + " Total params: 65 (260.00 B)\n"
              + " Trainable params: 65 (260.00 B)\n"
              + " Non-trainable params: 0 (0.00 B)\n";
      assertEquals(expected, model.summary());
    }
  }

  @Test
  void predictBatchesAndConcatenates() {
    float[][] x = new float[70][2];
    for (int i = 0; i < 70; i++) {
      x[i] = Xor.X[i % 4];
    }
    try (Sequential model = Xor.model(2)) {
      float[][] all = model.predict(x, 32, 0);
      assertEquals(70, all.length);
      // Batches of 32, 32 and 6, each a separate run (MatMul may round differently by batch size).
      for (int from = 0; from < 70; from += 32) {
        float[][] slice = java.util.Arrays.copyOfRange(x, from, Math.min(70, from + 32));
        float[][] part = model.predict(slice, 32, 0);
        for (int i = 0; i < part.length; i++) {
          assertEquals(part[i][0], all[from + i][0], "row " + (from + i));
        }
      }
      float[][] four = model.predict(Xor.X, 32, 0);
      assertEquals(four[1][0], all[65][0], 1e-6);
    }
  }

  @Test
  void everyActivationAndLossTrainsAndLowersTheLoss() {
    for (Activation act : Activation.values()) {
      for (String loss : List.of("mean_squared_error", "mean_absolute_error", "binary_crossentropy")) {
        try (Sequential model = new Sequential(3)) {
          model.add(new Dense(8, act, 2));
          model.add(new Dense(1, "sigmoid"));
          model.compile(loss, "adam", List.of("binary_accuracy", "mse"));
          model.setProgressStream(Xor.NULL_OUT);
          History h = model.fit(Xor.X, Xor.Y, 50, 32, 0);
          List<Double> l = h.get("loss");
          assertTrue(
              l.get(49) < l.get(0), act.kerasName() + "/" + loss + ": " + l.get(0) + " -> " + l.get(49));
        }
      }
    }
  }

  @Test
  void sgdAndRmspropTrainXor() {
    for (String opt : List.of("sgd", "rmsprop")) {
      try (Sequential model = new Sequential(1)) {
        model.add(new Dense(16, "relu", 2));
        model.add(new Dense(1, "sigmoid"));
        model.compile("mean_squared_error", opt, List.of("binary_accuracy"));
        model.setProgressStream(Xor.NULL_OUT);
        History h = model.fit(Xor.X, Xor.Y, 200, 32, 0);
        assertTrue(h.get("loss").get(199) < h.get("loss").get(0), opt);
      }
    }
  }

  @Test
  void setWeightsThenGetWeightsReturnsThem() {
    try (Sequential a = Xor.model(1); Sequential b = Xor.model(2)) {
      List<FloatNdArray> wa = a.getWeights();
      b.setWeights(wa);
      assertEquals(wa, b.getWeights());
      float[][] pa = a.predict(Xor.X, 32, 0);
      float[][] pb = b.predict(Xor.X, 32, 0);
      for (int i = 0; i < 4; i++) {
        assertEquals(pa[i][0], pb[i][0]);
      }
    }
  }
}
