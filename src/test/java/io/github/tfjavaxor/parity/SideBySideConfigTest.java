package io.github.tfjavaxor.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.tfjavaxor.workbench.ModelSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideConfigTest {
  @Test
  void trainRowsFollowKerasFloor() {
    // floor(n * (1 - split)), as keras/src/trainers/data_adapters/array_slicing.py
    assertEquals(4, SideBySideConfig.trainRows(4, 0));
    assertEquals(3, SideBySideConfig.trainRows(4, 0.25));
    assertEquals(3, SideBySideConfig.trainRows(4, 0.1));
    assertEquals(6, SideBySideConfig.trainRows(8, 0.25));
    assertEquals(1, SideBySideConfig.trainRows(4, 0.7));
  }

  @Test
  void rejectsSplitsOutsideTheRangeOrLeavingASideEmpty() {
    assertEquals("--validation-split: expected a fraction in [0, 1), found 1.0",
        assertThrows(IllegalArgumentException.class,
            () -> SideBySideConfig.trainRows(4, 1)).getMessage());
    assertEquals("--validation-split: expected a fraction in [0, 1), found -0.1",
        assertThrows(IllegalArgumentException.class,
            () -> SideBySideConfig.trainRows(4, -0.1)).getMessage());
    assertEquals("--validation-split: expected a fraction in [0, 1), found NaN",
        assertThrows(IllegalArgumentException.class,
            () -> SideBySideConfig.trainRows(4, Double.NaN)).getMessage());
    assertEquals("--validation-split: 0.8 of 4 rows leaves 0 training and 4 validation rows;"
        + " expected at least one of each", assertThrows(IllegalArgumentException.class,
            () -> SideBySideConfig.trainRows(4, 0.8)).getMessage());
    assertEquals("--validation-split: 1.0E-17 of 4 rows leaves 4 training and 0 validation rows;"
        + " expected at least one of each", assertThrows(IllegalArgumentException.class,
            () -> SideBySideConfig.trainRows(4, 1e-17)).getMessage());
  }

  @Test
  void passesEveryFlagToKerasWithKerasNames() {
    // Loss and metrics as written: Keras logs a metric under the name it was given.
    ModelSpec m = new ModelSpec(3, List.of(8, 4), List.of("TANH", "relu"), 1, "sigmoid", "mse",
        "RMSprop", 0.01, List.of("acc", "mae"), 7);
    SideBySideConfig c = new SideBySideConfig(m, "parity:3", 200, 4, true, 0.25).check(8);
    assertEquals(List.of("--seed", "7", "--epochs", "200", "--shuffle", "--verbose", "0",
        "--layers", "8,4", "--activation", "tanh,relu", "--output-activation", "sigmoid",
        "--loss", "mse", "--optimizer", "rmsprop", "--learning-rate", "0.01",
        "--metrics", "acc,mae", "--data", "parity:3",
        "--batch-size", "4", "--validation-split", "0.25", "--init-weights", "i.weights.h5",
        "--report", "r.json"), c.kerasArgs(Path.of("i.weights.h5"), Path.of("r.json")));
    ModelSpec none = new ModelSpec(2, List.of(), List.of(), 1, "sigmoid", "mean_squared_error",
        "adam", null, List.of(), 42);
    List<String> a = new SideBySideConfig(none, "xor", 0, 32, false, 0)
        .kerasArgs(Path.of("i.weights.h5"), Path.of("r.json"));
    assertEquals(List.of("--layers", "0", "--activation", "relu"), a.subList(7, 11));
    assertEquals(List.of("--metrics", ""), a.subList(17, 19));
  }

  @Test
  void checkNamesTheFlag() {
    ModelSpec t = ModelSpec.tutorial(2, 1);
    assertEquals("--epochs: expected an integer >= 0, found -1",
        assertThrows(IllegalArgumentException.class,
            () -> new SideBySideConfig(t, "xor", -1, 32, true, 0).check(4)).getMessage());
    assertEquals("--batch-size: expected an integer >= 1, found 0",
        assertThrows(IllegalArgumentException.class,
            () -> new SideBySideConfig(t, "xor", 1, 0, true, 0).check(4)).getMessage());
    // Issue 19: a CSV file is the user's own data, with its target column, as for train.
    assertEquals("--target: required with a CSV file (--data d.csv); expected the name of the"
        + " column to predict", assertThrows(IllegalArgumentException.class,
            () -> new SideBySideConfig(t, "d.csv", 1, 32, true, 0).check(4)).getMessage());
    assertEquals("--validation-split: not allowed with --validation-data; give one source of"
        + " validation rows", assertThrows(IllegalArgumentException.class,
            () -> new SideBySideConfig(t, "d.csv", 1, 32, true, 0.5, "y", "v.csv").check(4))
            .getMessage());
    assertEquals("--target: only with a CSV file; 'xor' is a built-in data set",
        assertThrows(IllegalArgumentException.class,
            () -> new SideBySideConfig(t, "xor", 1, 32, true, 0, "y", null).check(4))
            .getMessage());
    assertEquals(List.of("--data", "d.csv", "--data-npy", "w/data.x.npy,w/data.y.npy",
        "--validation-npy", "w/validation.x.npy,w/validation.y.npy"),
        new SideBySideConfig(t, "d.csv", 1, 32, true, 0, "y", "v.csv")
            .kerasArgs(Path.of("w/i.weights.h5"), Path.of("r.json")).subList(19, 25));
  }
}
