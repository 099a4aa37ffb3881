package io.github.tfjavaxor.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tfjavaxor.keras.layers.Dense;
import io.github.tfjavaxor.keras.optimizers.Optimizers;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;

/** Every bad input is rejected in Java, before any graph runs, with an exact message. */
class BadInputTest {

  static void rejects(String message, Executable call) {
    RuntimeException e = assertThrows(RuntimeException.class, call);
    assertEquals(message, e.getMessage());
  }

  @Test
  void arrayShapesAndValues() {
    try (Sequential m = Xor.model(1)) {
      rejects(
          "x[2]: expected 2 values (the first layer's inputDim), found 3",
          () -> m.fit(new float[][] {{0, 0}, {0, 1}, {1, 0, 1}, {1, 1}}, Xor.Y, 1));
      rejects(
          "y[0]: expected 1 values (the last layer's units), found 2",
          () -> m.fit(Xor.X, new float[][] {{0, 1}, {1, 0}, {1, 0}, {0, 1}}, 1));
      rejects(
          "y: expected one target row per input row (4 rows, as x), found 3 rows",
          () -> m.fit(Xor.X, new float[][] {{0}, {1}, {1}}, 1));
      rejects(
          "x: expected at least one row of 2 values, found 0 rows",
          () -> m.fit(new float[0][], new float[0][], 1));
      rejects("x: expected a float[n][2] array, found null", () -> m.fit(null, Xor.Y, 1));
      rejects("x[1]: expected 2 values, found null", () -> m.predict(new float[][] {{0, 0}, null}));
      rejects(
          "x[1][1]: expected a finite number, found NaN",
          () -> m.fit(new float[][] {{0, 0}, {0, Float.NaN}, {1, 0}, {1, 1}}, Xor.Y, 1));
      rejects(
          "y[3][0]: expected a finite number, found Infinity",
          () -> m.evaluate(Xor.X, new float[][] {{0}, {1}, {1}, {Float.POSITIVE_INFINITY}}));
    }
  }

  @Test
  void rangesOfEpochsBatchSizeVerboseLearningRate() {
    try (Sequential m = Xor.model(1)) {
      rejects("epochs: expected an integer >= 0, found -1", () -> m.fit(Xor.X, Xor.Y, -1));
      rejects(
          "batch_size: expected an integer >= 1, found 0", () -> m.fit(Xor.X, Xor.Y, 1, 0, 1));
      rejects("verbose: expected 0, 1 or 2, found 3", () -> m.fit(Xor.X, Xor.Y, 1, 32, 3));
      rejects("verbose: expected 0, 1 or 2, found -1", () -> m.predict(Xor.X, 32, -1));
    }
    rejects(
        "learning_rate: expected a finite number > 0, found -0.1",
        () -> io.github.tfjavaxor.keras.optimizers.Optimizers.get("adam", -0.1));
    rejects(
        "learning_rate: expected a finite number > 0, found Infinity",
        () -> io.github.tfjavaxor.keras.optimizers.Optimizers.get("sgd", Double.POSITIVE_INFINITY));
  }

  @Test
  void unknownNames() {
    rejects(
        "activation: unknown name 'relu7'; expected one of relu, sigmoid, tanh, linear, elu, selu,"
            + " relu6, softsign",
        () -> new Dense(4, "relu7", 2));
    try (Sequential m = new Sequential()) {
      m.add(new Dense(4, "relu", 2));
      rejects(
          "loss: unknown name 'mean_squared_eror'; expected one of mean_squared_error,"
              + " mean_absolute_error, binary_crossentropy",
          () -> m.compile("mean_squared_eror", "adam", List.of("binary_accuracy")));
      rejects(
          "optimizer: unknown name 'adamw'; expected one of adam, sgd, rmsprop",
          () -> m.compile("mse", "adamw", List.of()));
      rejects(
          "metrics: unknown name 'Acc_uracy'; expected one of accuracy, binary_accuracy,"
              + " categorical_accuracy, mean_squared_error, mean_absolute_error,"
              + " binary_crossentropy",
          () -> m.compile("mse", "adam", List.of("Acc_uracy")));
    }
  }

  @Test
  void callsOutOfOrderAndBadLayers() {
    try (Sequential m = new Sequential()) {
      rejects("Sequential: the model has no layers; add a Dense layer first", () -> m.predict(Xor.X));
      rejects(
          "add: the first layer needs its input size; expected new Dense(units, activation,"
              + " inputDim) as Keras's Dense(units, input_dim=...), found inputDim=0",
          () -> m.add(new Dense(4, "relu")));
      m.add(new Dense(4, "relu", 2));
      rejects(
          "add: layer 1 declares inputDim=3 but the previous layer has 4 units",
          () -> m.add(new Dense(1, "sigmoid", 3)));
      m.add(new Dense(1, "sigmoid"));
      rejects(
          "fit: the model is not compiled; call compile(loss, optimizer, metrics) before fit()",
          () -> m.fit(Xor.X, Xor.Y, 1));
      rejects(
          "evaluate: the model is not compiled; call compile(loss, optimizer, metrics) before"
              + " evaluate()",
          () -> m.evaluate(Xor.X, Xor.Y));
    }
    rejects("Dense: units must be a positive integer, found 0", () -> new Dense(0, "relu"));
    rejects(
        "Dense: inputDim must be positive (or 0 to infer it), found -2",
        () -> new Dense(3, "relu", -2));
  }

  @Test
  void setWeightsShapes() {
    try (Sequential m = Xor.model(1)) {
      rejects(
          "weights: expected 4 arrays (kernel and bias per layer), found 1",
          () -> m.setWeights(List.of(NdArrays.ofFloats(Shape.of(2, 16)))));
      rejects(
          "weights[2] (dense_1/kernel): expected shape [16, 1], found [1, 16]",
          () ->
              m.setWeights(
                  List.of(
                      NdArrays.ofFloats(Shape.of(2, 16)),
                      NdArrays.ofFloats(Shape.of(16)),
                      NdArrays.ofFloats(Shape.of(1, 16)),
                      NdArrays.ofFloats(Shape.of(1)))));
    }
  }
}
