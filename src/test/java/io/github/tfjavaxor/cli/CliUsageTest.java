package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Help, version, and every usage (2) and data (3) error, with exact messages. */
class CliUsageTest {
  @TempDir Path dir;

  @Test
  void helpListsSubcommandsAndExitCodes() {
    Cli r = Cli.run("--help");
    assertEquals(0, r.code());
    for (String s : new String[] {"tutorial", "train", "evaluate", "predict", "sweep", "merge", "summary",
        "2  usage error (bad flag or value), found before TensorFlow loads",
        "3  data or file error, reported as file:line:column or as the dataset path\n"
            + "     inside a model file; also --device gpu without a usable GPU, and\n"
            + "     side-by-side missing its parity target"}) {
      assertTrue(r.out().contains(s), s + " missing from:\n" + r.out());
    }
    Cli train = Cli.run("train", "--help");
    for (String s : new String[] {"--layers", "--activation", "--output-activation", "--loss", "--optimizer",
        "--learning-rate", "--metrics", "--epochs", "--batch-size", "--seed", "--verbose", "--plot",
        "--plot-boundary", "--history-csv", "--tensorboard", "--resume", "--early-stopping", "--patience",
        "--min-delta", "--restore-best-weights", "--baseline", "--start-from-epoch", "--terminate-on-nan", "--checkpoint", "--save-best-only"}) {
      assertTrue(train.out().contains(s), s);
    }
  }

  @Test
  void deviceFlags() {
    Cli bad = Cli.run("tutorial", "--device", "tpu");
    assertEquals(2, bad.code());
    assertEquals("tfjava-xor tutorial: --device: expected cpu, gpu or auto, found 'tpu'\n"
        + "Try 'tfjava-xor tutorial --help' for more information.\n", bad.err());
    // This CI machine has the CPU natives and no GPU: --device gpu fails at once, with exit 3.
    Cli gpu = Cli.run("train", "--device", "gpu", "--epochs", "3", "--verbose", "0");
    assertEquals(3, gpu.code());
    assertTrue(gpu.err().startsWith("tfjava-xor train: --device gpu: no usable GPU: GPU natives not on"
        + " the class path (build with -Pgpu"), gpu.err());
    assertEquals("", gpu.out());
    Cli cpu = Cli.run("--device", "cpu", "--epochs", "2", "--verbose", "0");
    assertEquals(0, cpu.code());
    assertTrue(cpu.err().contains("Training on /device:CPU:0 (--device cpu)"), cpu.err());
    assertTrue(Cli.run("train", "--help").out().contains("--log-device-placement"));
  }

  @Test
  void aMistypedOptionOrCommandGetsPicoclisSuggestions() {
    Cli option = Cli.run("train", "--epoch", "10");
    assertEquals(2, option.code());
    assertEquals("tfjava-xor train: Unknown options: '--epoch', '10'\n"
        + "Possible solutions: --epochs\n"
        + "Try 'tfjava-xor train --help' for more information.\n", option.err());
    Cli command = Cli.run("trian");
    assertEquals(2, command.code());
    assertEquals("tfjava-xor: Unmatched argument at index 0: 'trian'\n"
        + "Did you mean: tfjava-xor tutorial or tfjava-xor train or tfjava-xor statistical-parity?\n"
        + "Try 'tfjava-xor --help' for more information.\n", command.err());
  }

  @Test
  void jitCompileFlag() {
    Cli bad = Cli.run("train", "--jit-compile", "yes");
    assertEquals(2, bad.code());
    assertEquals("tfjava-xor train: --jit-compile: expected auto, true or false, found 'yes'\n"
        + "Try 'tfjava-xor train --help' for more information.\n", bad.err());
    assertTrue(Cli.run("tutorial", "--help").out().contains("--jit-compile=auto|true|false"));
    Cli xla = Cli.run("train", "--device", "cpu", "--jit-compile", "true", "--epochs", "20",
        "--verbose", "0");
    assertEquals(0, xla.code(), xla.err());
  }

  @Test
  void absurdModelSizesAreUsageErrors() {
    Cli r = Cli.run("train", "--layers", "100000000", "--epochs", "1");
    assertEquals(2, r.code());
    assertEquals("tfjava-xor train: --layers: expected a model of at most 50,000,000 parameters"
        + " (190 MiB of float32 weights, three times that with Adam's state), found 400,000,001\n"
        + "Try 'tfjava-xor train --help' for more information.\n", r.err());
  }

  @Test
  void aCorruptCheckpointIsADataErrorNamingTheFile() throws Exception {
    assertEquals(0, Cli.run("train", "--epochs", "2", "--verbose", "0", "--save", dir.resolve("good").toString()).code());
    for (String ext : new String[] {".json", ".data-00000-of-00001"}) {
      Files.copy(dir.resolve("good" + ext), dir.resolve("bad" + ext));
    }
    Files.writeString(dir.resolve("bad.index"), "junk");
    Path input = Files.writeString(dir.resolve("in.csv"), "a,b\n0,1\n");
    Cli r = Cli.run("predict", "--model", dir.resolve("bad").toString(), "--input", input.toString());
    assertEquals(3, r.code());
    assertEquals("tfjava-xor predict: " + dir.resolve("bad") + ".index: not a readable TF checkpoint:"
        + " expected the files written by --save or --checkpoint, found one TensorFlow cannot restore"
        + " (file is too short to be an sstable)\n", r.err());
  }

  @Test
  void anOutputDirectoryThatRefusesFilesIsFoundBeforeTraining() {
    // /proc passes a permission-bit check (as root) but refuses new files.
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(Path.of("/proc")));
    Cli r = Cli.run("train", "--epochs", "3", "--verbose", "0", "--plot-boundary", "/proc/x.png");
    assertEquals(3, r.code());
    assertEquals("", r.out());
    assertEquals("tfjava-xor train: /proc/x.png: --plot-boundary: cannot write: cannot create a file"
        + " in directory /proc (NoSuchFileException)\n", r.err());
  }

  @Test
  void version() {
    Cli r = Cli.run("--version");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("tfjava-xor 0.1.0-SNAPSHOT"), r.out());
    // Issue 19: train -V printed nothing.
    for (String sub : new String[] {"tutorial", "train", "evaluate", "predict", "sweep", "merge",
        "summary", "side-by-side", "statistical-parity"}) {
      Cli v = Cli.run(sub, "-V");
      assertEquals(0, v.code(), sub);
      assertEquals(r.out(), v.out(), sub);
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "train --layers x|tfjava-xor train: --layers: expected positive integers such as 16 or 16,8, found 'x'",
    "train --layers 16,,8|tfjava-xor train: --layers: expected no empty items, found '16,,8'",
    "train --layers 16,8 --activation relu,tanh,relu|tfjava-xor train: --activation: expected one activation for all hidden layers or one per layer (2), found 3: [relu, tanh, relu]",
    "train --activation swish|tfjava-xor train: --activation: unknown name 'swish'; expected one of relu, sigmoid, tanh, linear, elu, selu, relu6, softsign",
    "train --output-activation soft|tfjava-xor train: --output-activation: unknown name 'soft'; expected one of relu, sigmoid, tanh, linear, elu, selu, relu6, softsign",
    "train --loss hinge|tfjava-xor train: --loss: unknown name 'hinge'; expected one of mean_squared_error, mean_absolute_error, binary_crossentropy",
    "train --optimizer adagrad|tfjava-xor train: --optimizer: unknown name 'adagrad'; expected one of adam, sgd, rmsprop",
    "train --learning-rate -1|tfjava-xor train: --learning-rate: expected a finite number > 0, found -1",
    "train --learning-rate abc|tfjava-xor train: --learning-rate: expected a number > 0, found 'abc'",
    "train --metrics auc|tfjava-xor train: --metrics: unknown name 'auc'; expected one of accuracy, binary_accuracy, categorical_accuracy, mean_squared_error, mean_absolute_error, binary_crossentropy",
    "train --metrics Binary_Accuracy|tfjava-xor train: --metrics: unknown name 'Binary_Accuracy'; expected one of accuracy, binary_accuracy, categorical_accuracy, mean_squared_error, mean_absolute_error, binary_crossentropy",
    "train --metrics acc,acc|tfjava-xor train: --metrics: each name may appear once, found [acc, acc]",
    "train --epochs -1|tfjava-xor train: --epochs: expected an integer >= 0, found -1",
    "train --validation-split 1|tfjava-xor train: --validation-split: expected a number in [0, 1), found 1.0",
    "train --validation-split -0.5|tfjava-xor train: --validation-split: expected a number in [0, 1), found -0.5",
    "train --validation-split 0.8|tfjava-xor train: --validation-split: expected a fraction that leaves at least one training row and one validation row of the 4 rows, found 0.8 (split at floor(4 * (1 - 0.8)) = 0, as Keras splits)",
    "train --validation-split 0.25 --validation-data v.csv|tfjava-xor train: --validation-split: not allowed with --validation-data; give one source of validation rows",
    "train --validation-data xor|tfjava-xor train: --validation-data: expected a CSV file, found the built-in data set name 'xor'",
    "train --validation-split 0.25 --early-stopping --monitor val_mse|tfjava-xor train: --monitor: expected one of the logged metrics [binary_accuracy, loss, val_binary_accuracy, val_loss], found 'val_mse'",
    "train --batch-size 0|tfjava-xor train: --batch-size: expected an integer >= 1, found 0",
    "train --verbose 3|tfjava-xor train: --verbose: expected 0, 1 or 2, found 3",
    "train --seed x|tfjava-xor train: --seed: expected an integer in [-2^63, 2^63), found 'x'",
    "train --epochs abc|tfjava-xor train: --epochs: expected an integer >= 0, found 'abc'",
    "train --batch-size 1.5|tfjava-xor train: --batch-size: expected an integer >= 1, found '1.5'",
    "train --min-delta x|tfjava-xor train: --min-delta: expected a finite number, found 'x'",
    "tutorial --verbose loud|tfjava-xor tutorial: --verbose: expected 0, 1 or 2, found 'loud'",
    "sweep --jobs many|tfjava-xor sweep: --jobs: expected an integer >= 1, found 'many'",
    "side-by-side --validation-split half|tfjava-xor side-by-side: --validation-split: expected a number, found 'half'",
    "train --layers -3|tfjava-xor train: --layers: expected positive integers such as 16 or 16,8 (layer sizes), found '-3'",
    "train --from m.keras --layers 8|tfjava-xor train: --layers: not allowed with --from m.keras; the model comes from the .keras file",
    "train --from m.keras --device cpu|tfjava-xor train: --device: not allowed with --from m.keras; the model is restored on the CPU or GPU TensorFlow picks",
    "train --from m.keras --save ck|tfjava-xor train: --save ck: a model from a .keras file is written as PATH.keras, PATH.h5, PATH.weights.h5 or PATH/ (a SavedModel); a TF checkpoint holds models the flags describe",
    "train --from m.keras --checkpoint ck-{epoch}|tfjava-xor train: --checkpoint ck-{epoch}: a model from a .keras file is written as PATH.keras, PATH.h5 or PATH.weights.h5; a TF checkpoint holds models the flags describe",
    "train --checkpoint ck/|tfjava-xor train: --checkpoint ck/: expected a file path (PATH.keras, PATH.h5, PATH.weights.h5 or a checkpoint prefix), found a directory path; --save DIR/ writes a SavedModel after the last epoch",
    "train --from /tmp|tfjava-xor train: --from: /tmp is a directory (a SavedModel?), which holds no training state; expected a .keras, .h5 or .weights.h5 file or a checkpoint prefix",
    "evaluate --model m.weights.h5|tfjava-xor evaluate: --model: m.weights.h5 holds weights only, no model; expected a .keras or .h5 model file or a checkpoint prefix (train --from takes .weights.h5 with the model flags)",
    "summary --model /tmp|tfjava-xor summary: --model: /tmp is a directory (a SavedModel?); this command reads a .keras or .h5 model file or a checkpoint prefix (predict also reads SavedModel directories)",
    "train --bogus|tfjava-xor train: Unknown option: '--bogus'",
    "train --data parity:21|tfjava-xor train: --data parity:N: expected N in 1..20, found 21",
    "train --data parity:two|tfjava-xor train: --data parity:N: expected an integer N in 1..20, found 'two'",
    "train --data xor --target y|tfjava-xor train: --target: only for CSV files; 'xor' is a built-in data set",
    "train --data my.csv|tfjava-xor train: --target: required with a CSV file (--data my.csv); expected the name of the column to predict",
    "train --data parity:3 --plot-boundary b.png|tfjava-xor train: --plot-boundary: needs 2-input data, found 3 features in parity:3",
    "train --early-stopping --monitor val_loss|tfjava-xor train: --monitor: expected one of the logged metrics [binary_accuracy, loss], found 'val_loss'",
    "train --start-from-epoch -1|tfjava-xor train: --start-from-epoch: expected an integer >= 0, found -1",
    "train --save-best-only|tfjava-xor train: --save-best-only: needs --checkpoint PATH",
    "train --save /|tfjava-xor train: --save /: expected a path with a name, found the file system's root",
    "train --restore-best-weights|tfjava-xor train: --restore-best-weights: an EarlyStopping option; needs --early-stopping",
    "train --patience 3|tfjava-xor train: --patience: an EarlyStopping option; needs --early-stopping",
    "train --histogram-freq 2|tfjava-xor train: --histogram-freq: a TensorBoard option; needs --tensorboard DIR",
    "train --save m.json|tfjava-xor train: --save m.json: .json is not a format the port writes; expected PATH.keras (a Keras 3 model file), PATH.h5 (Keras's legacy HDF5 model), PATH.weights.h5 (Keras weights), PATH/ (a SavedModel directory) or a checkpoint prefix without an extension (PREFIX.index, PREFIX.data-*, PREFIX.json)",
    "train --checkpoint out/ck-{epoch}.index|tfjava-xor train: --checkpoint out/ck-{epoch}.index: .index is not a format the port writes; expected PATH.keras (a Keras 3 model file), PATH.h5 (Keras's legacy HDF5 model), PATH.weights.h5 (Keras weights), PATH/ (a SavedModel directory) or a checkpoint prefix without an extension (PREFIX.index, PREFIX.data-*, PREFIX.json)",
    "train --resume m --layers 8|tfjava-xor train: --layers: not allowed with --resume m; the model comes from the checkpoint",
    "tutorial --epochs 0|tfjava-xor tutorial: --epochs: expected an integer >= 1, found 0",
    "statistical-parity --runs 1|tfjava-xor statistical-parity: expected --runs >= 2, --epochs >= 1, --learning-rate > 0; found 1, 1000, 0.001",
    "--verbose 7|tfjava-xor: --verbose: expected 0, 1 or 2, found 7",
    "evaluate --data xor|tfjava-xor evaluate: Missing required option: '--model=PATH'",
    "predict|tfjava-xor predict: Missing required option: '--model=PATH'",
    "summary --layers 0,4|tfjava-xor summary: --layers: expected unit counts >= 1, found 0",
    "nosuch|tfjava-xor: Unmatched argument at index 0: 'nosuch'",
  })
  void usageErrorsExitTwo(String args, String message) {
    Cli r = Cli.run(args.split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals(message, r.firstError());
    assertEquals("", r.out());
  }

  @Test
  void emptyOutputPathsAreRefused() {
    // An empty path is the working directory: it was reported as ": --save: cannot write: is a
    // directory", with the empty name first.
    for (String[] c : new String[][] {{"--save", "--save: expected a path, found an empty string"},
        {"--checkpoint", "--checkpoint: expected a path, found an empty string"},
        {"--plot", "--plot: expected a file path, found an empty string"},
        {"--history-csv", "--history-csv: expected a file path, found an empty string"}}) {
      Cli r = Cli.run("train", c[0], "");
      assertEquals(2, r.code(), r.err());
      assertEquals("tfjava-xor train: " + c[1], r.firstError());
    }
  }

  private Path csv(String text) throws Exception {
    Path p = dir.resolve("d.csv");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void dataErrorsExitThreeWithLocation() throws Exception {
    String[][] cases = {
      {"a,b,y\n1,2,3\n4,5\n", ":3:3: ragged row: expected 3 fields as in the header, found 2"},
      {"a,b,y\n1,x,3\n", ":2:2: column 'b': expected a number, found 'x'"},
      {"a,b,y\n1,inf,3\n", ":2:2: column 'b': expected a finite number, found 'inf'"},
      {"a,b,y\n", ":2: expected at least one data row after the header, found none"},
      {"a,b,z\n1,2,3\n", ":1: target column 'y' not found; the header has [a, b, z]"},
    };
    for (String[] c : cases) {
      Path p = csv(c[0]);
      Cli r = Cli.run("train", "--data", p.toString(), "--target", "y", "--epochs", "1", "--verbose", "0");
      assertEquals(3, r.code(), r.err());
      assertEquals("tfjava-xor train: " + p + c[1], r.firstError());
      assertEquals("", r.out());
    }
  }

  @Test
  void missingFilesAndUnwritableOutputsExitThree() {
    Cli r = Cli.run("evaluate", "--model", dir.resolve("none").toString());
    assertEquals(3, r.code());
    assertTrue(r.firstError().startsWith("tfjava-xor evaluate: " + dir.resolve("none") + ".json: checkpoint description not found"), r.err());
    Cli w = Cli.run("train", "--epochs", "1", "--plot", dir.resolve("no/such/dir/c.png").toString());
    assertEquals(3, w.code());
    assertEquals("tfjava-xor train: " + dir.resolve("no/such/dir/c.png") + ": --plot: cannot write: directory "
        + dir.resolve("no/such/dir") + " does not exist", w.firstError());
  }

  @Test
  void malformedCheckpointJsonNamesLineAndColumn() throws Exception {
    Files.writeString(dir.resolve("m.json"), "{\n  \"format\": tfjava\n}");
    Cli r = Cli.run("predict", "--model", dir.resolve("m").toString());
    assertEquals(3, r.code());
    assertTrue(r.firstError().startsWith("tfjava-xor predict: " + dir.resolve("m.json") + ":2:"), r.err());
  }
}
