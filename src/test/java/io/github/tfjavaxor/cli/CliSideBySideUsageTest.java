package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** side-by-side's flags and its usage errors: exit 2, found before Python or TensorFlow start. */
class CliSideBySideUsageTest {
  @Test
  void helpListsTheWorkbenchFlags() {
    Cli r = Cli.run("side-by-side", "--help");
    assertEquals(0, r.code());
    for (String s : new String[] {"--layers", "--activation", "--output-activation", "--loss",
        "--optimizer", "--learning-rate", "--metrics", "--seed", "--data", "--batch-size",
        "--epochs", "--[no-]shuffle", "--validation-split", "--out", "--no-fused", "--target",
        "--validation-data"}) {
      assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--validation-split 1 | --validation-split: expected a fraction in [0, 1), found 1.0",
    "--validation-split -0.5 | --validation-split: expected a fraction in [0, 1), found -0.5",
    "--validation-split 0.8 | --validation-split: 0.8 of 4 rows leaves 0 training and 4"
        + " validation rows; expected at least one of each",
    "--epochs -1 | --epochs: expected an integer >= 0, found -1",
    "--batch-size 0 | --batch-size: expected an integer >= 1, found 0",
    "--data rows.csv | --target: required with a CSV file (--data rows.csv); expected the name"
        + " of the column to predict",
    "--data xor --target y | --target: only for CSV files; 'xor' is a built-in data set",
    "--validation-data and | --validation-data: expected a CSV file, found the built-in data set"
        + " name 'and'",
    "--data parity:21 | --data parity:N: expected N in 1..20, found 21",
    "--layers 8,x | --layers: expected positive integers such as 16 or 16,8, found 'x'",
    "--layers 8,4 --activation tanh,relu,elu | --activation: expected one activation for all"
        + " hidden layers or one per layer (2), found 3: [tanh, relu, elu]",
    "--optimizer adagrad | --optimizer: unknown name 'adagrad'; expected one of adam, sgd,"
        + " rmsprop",
  })
  void badFlagsAreUsageErrors(String args, String message) {
    Cli r = Cli.run(("side-by-side " + args).split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals("tfjava-xor side-by-side: " + message, r.firstError());
    assertEquals("", r.out());
  }
}
