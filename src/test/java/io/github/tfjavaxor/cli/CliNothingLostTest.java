package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfjavaxor.interop.SavedModelPredictor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * No output destroys a file the command did not write: {@code --save DIR/} writes into an existing
 * directory as Keras's {@code model.export} does, and outputs that would replace an input or each
 * other are refused before any training (exit 2, nothing written).
 */
class CliNothingLostTest {
  private static final float[][] XOR = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  @TempDir Path dir;

  @Test
  void saveIntoAnExistingDirectoryKeepsEveryOtherFile() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out/variables"));
    Files.writeString(dir.resolve("out/notes.txt"), "mine\n");
    Files.writeString(out.resolve("mine.txt"), "also mine\n");
    Files.writeString(dir.resolve("out/saved_model.pb"), "an older export's, replaced");
    Cli r = Cli.run("train", "--epochs", "3", "--verbose", "0", "--save", dir.resolve("out") + "/");
    assertEquals(0, r.code(), r.err());
    assertEquals("mine\n", Files.readString(dir.resolve("out/notes.txt")));
    assertEquals("also mine\n", Files.readString(out.resolve("mine.txt")));
    assertEquals(List.of("notes.txt", "saved_model.pb", "variables"), names(dir.resolve("out")));
    assertEquals(List.of("mine.txt", "variables.data-00000-of-00001", "variables.index"), names(out));
    assertEquals(List.of("out"), names(dir), "no temporary directory left beside it");
    // The export is the trained model: it predicts what train printed.
    String printed = r.out().lines().filter(l -> l.startsWith("predictions:")).findFirst().orElseThrow();
    try (SavedModelPredictor p = SavedModelPredictor.load(dir.resolve("out"))) {
      StringBuilder sb = new StringBuilder("predictions:");
      for (float[] row : p.predict(XOR)) {
        sb.append(' ').append(io.github.tfjavaxor.keras.utils.PyFormat.fixed(row[0], 4));
      }
      assertEquals(printed, sb.toString());
    }
  }

  @Test
  void aSavedModelDirectoryWhoseFileIsADirectoryIsRefusedBeforeTraining() throws Exception {
    Files.createDirectories(dir.resolve("out/saved_model.pb"));
    Cli r = Cli.run("train", "--epochs", "3", "--verbose", "0", "--save", dir.resolve("out") + "/");
    assertEquals(3, r.code(), r.err());
    assertEquals("tfjava-xor train: " + dir.resolve("out") + ": --save: cannot write the SavedModel's"
        + " saved_model.pb: " + dir.resolve("out/saved_model.pb") + " is a directory", r.firstError());
    assertEquals("", r.out());
  }

  /** {@code @} stands for the temporary directory; every path collides before native work. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "--save @m --history-csv @m.json"
        + "|--save @m and --history-csv @m.json both write @m.json; give each its own path",
    "--tensorboard @x --plot @x"
        + "|--plot @x and --tensorboard @x write a file and a directory at @x; give each its own path",
    "--plot @a.png --history-csv @sub/../a.png"
        + "|--plot @a.png and --history-csv @sub/../a.png both write @sub/../a.png; give each its own path",
    "--plot @a.png --plot-boundary @link.png"
        + "|--plot @a.png and --plot-boundary @link.png both write @link.png; give each its own path",
    "--checkpoint @ck-{epoch}.keras --save @ck-7.keras"
        + "|--save @ck-7.keras and --checkpoint @ck-{epoch}.keras both write @ck-7.keras; give each its own path",
    "--checkpoint @best.keras --save-best-only --save @best.keras"
        + "|--save @best.keras and --checkpoint @best.keras both write @best.keras; give each its own path",
    "--save @out/ --plot @out/saved_model.pb"
        + "|--save @out/ and --plot @out/saved_model.pb both write @out/saved_model.pb; give each its own path",
    "--data @d.csv --target y --history-csv @d.csv"
        + "|--history-csv @d.csv would replace the input --data @d.csv; write it elsewhere",
    "--data @d.csv --target y --plot @hard.png"
        + "|--plot @hard.png would replace the input --data @d.csv; write it elsewhere",
    "--validation-data @d.csv --plot @sub/../d.csv"
        + "|--plot @sub/../d.csv would replace the input --validation-data @d.csv; write it elsewhere",
    "--from @m.keras --history-csv @m.keras"
        + "|--history-csv @m.keras would replace the input --from @m.keras; write it elsewhere",
  })
  void collidingPathsAreRefusedBeforeTraining(String args, String message) throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("d.csv"), "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
    Files.createLink(dir.resolve("hard.png"), dir.resolve("d.csv"));
    Files.createSymbolicLink(dir.resolve("link.png"), dir.resolve("a.png"));
    Files.copy(Path.of("src/test/resources/io/github/tfjavaxor/interop/xor.keras"), dir.resolve("m.keras"));
    List<String> before = names(dir);
    String at = dir + "/";
    Cli r = Cli.run(("train --epochs 2 --verbose 0 " + args.replace("@", at)).split(" "));
    assertEquals(2, r.code(), r.err());
    assertEquals("tfjava-xor train: " + message.replace("@", at), r.firstError());
    assertEquals("", r.out(), "nothing trained");
    assertEquals(before, names(dir), "nothing written");
    assertEquals("a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n", Files.readString(dir.resolve("d.csv")));
  }

  @Test
  void continuingAModelInPlaceIsNoCollision() throws Exception {
    Path m = dir.resolve("m.keras");
    assertEquals(0, Cli.run("train", "--epochs", "2", "--verbose", "0", "--save", m.toString()).code());
    Cli r = Cli.run("train", "--from", m.toString(), "--epochs", "4", "--verbose", "0",
        "--save", m.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("epochs: 4 (resumed at 2)\n"), r.out());
    r = Cli.run("train", "--from", m.toString(), "--epochs", "5", "--verbose", "0",
        "--checkpoint", m.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("epochs: 5 (resumed at 4)\n"), r.out());
  }

  @Test
  void sweepAndMergeOutputsDoNotReplaceTheirInputs() throws Exception {
    Files.createDirectories(dir.resolve("s"));
    Files.writeString(dir.resolve("s/summary.csv"), "a,y\n0,1\n");
    Cli sweep = Cli.run("sweep", "--data", dir + "/s/summary.csv", "--target", "y", "--out",
        dir + "/s");
    assertEquals(2, sweep.code(), sweep.err());
    assertEquals("tfjava-xor sweep: --out " + dir + "/s would replace the input --data " + dir
        + "/s/summary.csv; write it elsewhere", sweep.firstError());
    Cli merge = Cli.run("merge", dir + "/s/summary.csv", "--out", dir + "/s/");
    assertEquals(2, merge.code(), merge.err());
    assertEquals("tfjava-xor merge: --out " + dir + "/s would replace the input RUNS_CSV " + dir
        + "/s/summary.csv; write it elsewhere", merge.firstError());
    assertEquals("a,y\n0,1\n", Files.readString(dir.resolve("s/summary.csv")));
  }

  private static List<String> names(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theSameFileIsFoundThroughLinksAndDots() throws Exception {
    Files.createDirectories(dir.resolve("a/b"));
    Files.createSymbolicLink(dir.resolve("l"), dir.resolve("a/b"));
    assertEquals(FileClaims.canonical(dir + "/a/b/new.csv"),
        FileClaims.canonical(dir + "/l/../b/./new.csv"));
    assertArrayEquals(new String[] {dir.toRealPath() + "/a/b/x/y"},
        new String[] {FileClaims.canonical(dir + "/l/x/y")});
  }
}
