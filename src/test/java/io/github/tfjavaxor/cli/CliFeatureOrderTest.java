package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint names its features; evaluate and train --from take the data's columns by those
 * names, as predict does. By position, swapped columns evaluated a trained model at loss 0.499.
 */
class CliFeatureOrderTest {
  @TempDir Path dir;

  // y = a: the model learns to read column a, so reading b in its place is wrong.
  static final String ROWS_A_B = "a,b,y\n0,0,0\n0,1,0\n1,0,1\n1,1,1\n";
  static final String ROWS_B_A = "b,a,y\n0,0,0\n1,0,0\n0,1,1\n1,1,1\n";

  private Path write(String name, String text) throws Exception {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void evaluateAndTrainFromReadTheCheckpointsFeaturesByName() throws Exception {
    Path ab = write("ab.csv", ROWS_A_B);
    Path ba = write("ba.csv", ROWS_B_A);
    String ck = dir.resolve("ck").toString();
    Cli t = Cli.run("train", "--data", ab.toString(), "--target", "y", "--epochs", "300",
        "--learning-rate", "0.05", "--verbose", "0", "--save", ck);
    assertEquals(0, t.code(), t.err());

    Cli same = Cli.run("evaluate", "--model", ck, "--data", ab.toString(), "--target", "y");
    Cli swapped = Cli.run("evaluate", "--model", ck, "--data", ba.toString(), "--target", "y");
    assertEquals(0, swapped.code(), swapped.err());
    assertEquals(same.out(), swapped.out(), "the same rows with the columns in another order");

    Cli more = Cli.run("train", "--from", ck, "--data", ab.toString(), "--target", "y", "--epochs",
        "310", "--verbose", "0");
    Cli moreSwapped = Cli.run("train", "--from", ck, "--data", ba.toString(), "--target", "y",
        "--epochs", "310", "--verbose", "0");
    assertEquals(0, moreSwapped.code(), moreSwapped.err());
    assertEquals(more.out(), moreSwapped.out().replace(ba.toString(), ab.toString()));

    Path xz = write("xz.csv", "x,z,y\n0,0,0\n1,0,0\n0,1,1\n1,1,1\n");
    Cli other = Cli.run("evaluate", "--model", ck, "--data", xz.toString(), "--target", "y");
    assertEquals(3, other.code(), other.err());
    assertEquals("tfjava-xor evaluate: " + xz + ":1: feature column 'a' not found; the model"
        + " needs [a, b], the data's features are [x, z]", other.firstError());
  }
}
