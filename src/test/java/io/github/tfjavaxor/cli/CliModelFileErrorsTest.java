package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad model files and outputs: exit 3, the file (and the dataset path inside it) named, no
 * training run and nothing written. Fixtures from python/make_fixtures.py and make_cli_fixtures.py.
 */
class CliModelFileErrorsTest {
  @TempDir Path dir;

  private static String fixture(String name) {
    return CliKerasFilesTest.fixture(name).toString();
  }

  private Cli fails(String... args) throws Exception {
    Cli r = Cli.run(args);
    assertEquals(3, r.code(), r.err());
    assertEquals("", r.out());
    try (Stream<Path> left = Files.list(dir)) {
      assertEquals(List.of(), left.filter(p -> !p.getFileName().toString().startsWith("in")).toList(),
          "nothing written");
    }
    return r;
  }

  /** The error line (device lines may come first when the flags build the model). */
  private static String error(Cli r) {
    return r.err().lines().filter(l -> l.startsWith("tfjava-xor ")).findFirst().orElse(r.err());
  }

  @Test
  void unsupportedKerasContentIsNamedWhereItIs() throws Exception {
    assertEquals("tfjava-xor evaluate: file error: conv2d.keras!config.json: layers[1] 'conv2d'"
        + " (Conv2D): not supported; the port reads InputLayer and Dense",
        error(fails("evaluate", "--model", fixture("conv2d.keras"))));
    assertEquals("tfjava-xor predict: file error: nobias.keras!config.json: layers[2] 'dense_1'"
        + " use_bias=false: not supported; the port's Dense always has a bias",
        error(fails("predict", "--model", fixture("nobias.keras"))));
    assertEquals("tfjava-xor summary: file error: softmax.keras!config.json: layers[2]"
        + " 'probabilities' activation='softmax': not supported; the port has relu, sigmoid, tanh,"
        + " linear, elu, selu, relu6, softsign",
        error(fails("summary", "--model", fixture("softmax.keras"))));
    assertEquals("tfjava-xor train: file error: functional.keras!config.json: a Functional model"
        + " (class_name 'Functional'): not supported; the port reads keras.Sequential models of"
        + " InputLayer and Dense layers",
        error(fails("train", "--from", fixture("functional.keras"), "--save", dir.resolve("o.keras").toString())));
    assertEquals("tfjava-xor evaluate: file error: subclassed.keras!config.json: a subclassed model"
        + " (class_name 'TwoDense', registered_name 'tfjava_xor>TwoDense'): not supported; the port"
        + " reads keras.Sequential models of InputLayer and Dense layers",
        error(fails("evaluate", "--model", fixture("subclassed.keras"))));
  }

  @Test
  void corruptAndTruncatedFilesAreRejectedBeforeTraining() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of(fixture("stored.keras")));
    Path cut = Files.write(dir.resolve("in-cut.keras"), Arrays.copyOf(bytes, bytes.length - 100));
    assertTrue(error(fails("train", "--from", cut.toString())).startsWith(
        "tfjava-xor train: file error: in-cut.keras: not a readable zip archive (truncated or corrupt? "));
    byte[] flipped = bytes.clone();
    flipped[bytes.length / 2] ^= 0x40; // inside model.weights.h5, a STORED entry
    Path bad = Files.write(dir.resolve("in-flip.keras"), flipped);
    String e = error(fails("evaluate", "--model", bad.toString()));
    assertTrue(e.startsWith("tfjava-xor evaluate: file error: in-flip.keras: bad CRC-32 for entry"
        + " model.weights.h5: expected "), e);
    assertTrue(e.endsWith("; the file is corrupt (Keras refuses it too)"), e);
    Path notH5 = Files.writeString(dir.resolve("in.weights.h5"), "not hdf5");
    assertEquals("tfjava-xor train: file error: " + notH5 + ": not an HDF5 file; expected the"
        + " signature \\x89HDF\\r\\n\\x1a\\n, found 6e6f742068646635",
        error(fails("train", "--from", notH5.toString())));
  }

  @Test
  void aModelPathWithAnExtensionThePortDoesNotReadIsNamedAsSuch() throws Exception {
    // Issue 19: read as a checkpoint prefix, m.pb reported a missing m.pb.json.
    Path h5 = dir.resolve("in.pb");
    Files.writeString(h5, "not read");
    assertEquals("tfjava-xor predict: " + h5 + ": .pb is not a model format the port reads;"
        + " expected a .keras or .h5 file, a SavedModel directory or a checkpoint prefix written by"
        + " train --save or --checkpoint", error(fails("predict", "--model", h5.toString())));
    assertEquals("tfjava-xor evaluate: " + h5 + ": .pb is not a model format the port reads;"
        + " expected a .keras or .h5 file or a checkpoint prefix written by train --save or"
        + " --checkpoint", error(fails("evaluate", "--model", h5.toString())));
    assertEquals("tfjava-xor train: " + h5 + ": .pb is not a model format the port reads;"
        + " expected a .keras, .h5 or .weights.h5 file or a checkpoint prefix",
        error(fails("train", "--from", h5.toString())));
  }

  @Test
  void aModelFilesNameWithoutItsExtensionIsNamedAsASlip() throws Exception {
    Path keras = Files.copy(Path.of(fixture("stored.keras")), dir.resolve("in.keras"));
    Path stem = dir.resolve("in");
    assertEquals("tfjava-xor predict: " + stem + ": no such model file or checkpoint"
        + " prefix (no in.json); did you mean " + keras + "?",
        error(fails("predict", "--model", stem.toString())));
    assertEquals("tfjava-xor train: " + stem + ": no such model file or checkpoint"
        + " prefix (no in.json); did you mean " + keras + "?",
        error(fails("train", "--from", stem.toString())));
  }

  @Test
  void missingDatasetsAndShapesThatDoNotFit() throws Exception {
    assertEquals("tfjava-xor train: file error: missing_bias.weights.h5: dataset layers/dense_1/vars/1"
        + " (dense_1/bias) is missing; expected float32 [1]",
        error(fails("train", "--from", fixture("missing_bias.weights.h5"))));
    assertEquals("tfjava-xor evaluate: parity:3: the model takes 2 features and 1 target(s); the"
        + " data has 3 [x0, x1, x2] and 1",
        error(fails("evaluate", "--model", fixture("stored.keras"), "--data", "parity:3")));
    assertEquals("tfjava-xor train: parity:3: --from: the .keras file's model takes 2 features and"
        + " 1 target(s), the data has 3 and 1",
        error(fails("train", "--from", fixture("stored.keras"), "--data", "parity:3")));
    assertEquals("tfjava-xor evaluate: " + fixture("uncompiled.keras") + ": no compile_config: the"
        + " model was saved before compile(), so it has no loss to evaluate (Keras: \"You must call"
        + " compile() before using the model\")",
        error(fails("evaluate", "--model", fixture("uncompiled.keras"))));
    InputStream old = System.in;
    try {
      // Issue 19: "0,NaN" was taken for a header, then "no data rows"; NaN is a number, refused.
      System.setIn(new ByteArrayInputStream("0,NaN\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals("tfjava-xor predict: <stdin>:1:2: expected a finite number, found 'NaN'",
          error(fails("predict", "--model", fixture("stored.keras"))));
      System.setIn(new ByteArrayInputStream("x,y\n-inf,1\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals("tfjava-xor predict: <stdin>:2:1: column 'x': expected a finite number, found"
          + " '-inf'", error(fails("predict", "--model", fixture("stored.keras"))));
      System.setIn(new ByteArrayInputStream("a,b,c\n0,0,1\n".getBytes(StandardCharsets.UTF_8)));
      assertEquals("tfjava-xor predict: <stdin>:1: expected 2 columns, the model's inputs in order"
          + " (the model file names no features), found [a, b, c]; leave out the target column,"
          + " or evaluate labelled rows with evaluate --data FILE --target COLUMN",
          error(fails("predict", "--model", fixture("stored.keras"))));
    } finally {
      System.setIn(old);
    }
  }

  @Test
  void unwritableSaveIsFoundBeforeTraining() throws Exception {
    assertEquals("tfjava-xor train: " + dir.resolve("no/m.keras") + ": --save: cannot write:"
        + " directory " + dir.resolve("no") + " does not exist",
        error(fails("train", "--epochs", "1", "--save", dir.resolve("no/m.keras").toString())));
    assertEquals("tfjava-xor train: /proc/m.weights.h5: --save: cannot write: cannot create a file"
        + " in directory /proc (NoSuchFileException)",
        error(fails("train", "--epochs", "1", "--save", "/proc/m.weights.h5")));
    assertEquals("tfjava-xor train: " + dir.resolve("no/sm") + ": --save: cannot write: directory "
        + dir.resolve("no") + " does not exist",
        error(fails("train", "--epochs", "1", "--save", dir.resolve("no/sm") + "/")));
  }

  @Test
  void aFirstRowOfNumbersIsData() throws Exception {
    Path m = dir.resolve("m");
    assertEquals(0, Cli.run("train", "--epochs", "1", "--verbose", "0", "--save", m.toString()).code());
    InputStream old = System.in;
    try {
      System.setIn(new ByteArrayInputStream("0,0\n0,1\n".getBytes(StandardCharsets.UTF_8)));
      Cli p = Cli.run("predict", "--model", m.toString());
      assertEquals(0, p.code(), p.err());
      assertEquals(2, p.out().lines().count(), p.out());
    } finally {
      System.setIn(old);
    }
  }
}
