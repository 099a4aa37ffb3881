package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the CLI in a JVM where the TensorFlow native library cannot load (JavaCPP is told a platform
 * that has no natives). Usage and data errors still get their own exit codes and messages, which
 * proves they are found before native code; a valid command fails with exit 1 and one line.
 */
class NoNativeBeforeValidationTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dorg.bytedeco.javacpp.platform=linux-none", "-cp", System.getProperty("java.class.path"),
        TfjavaXor.class.getName()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile()).start();
    int code = p.waitFor();
    return new Run(code, Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void theNativeLoadFailureNamesThePlatformAndWhatShips() {
    assertEquals("tfjava-xor: error: cannot load the TensorFlow native library for FreeBSD/riscv64:"
        + " TensorFlow Java 1.1.0 ships natives for linux-x86_64, linux-x86_64-gpu, linux-arm64,"
        + " macosx-arm64, windows-x86_64 only (JavaCPP: no jnitensorflow in java.library.path)",
        TfjavaXor.nativeLoadFailure("FreeBSD", "riscv64", "no jnitensorflow in java.library.path"));
  }

  @Test
  void usageAndDataErrorsComeBeforeNatives() throws Exception {
    Run usage = run("train", "--layers", "16,x");
    assertEquals(2, usage.code(), usage.err());
    assertEquals("tfjava-xor train: --layers: expected positive integers such as 16 or 16,8, found 'x'\n"
        + "Try 'tfjava-xor train --help' for more information.\n", usage.err());

    Path csv = dir.resolve("d.csv");
    Files.writeString(csv, "a,b,y\n0,1,1\n1,1\n");
    Run data = run("train", "--data", csv.toString(), "--target", "y");
    assertEquals(3, data.code(), data.err());
    assertEquals("tfjava-xor train: " + csv + ":3:3: ragged row: expected 3 fields as in the header, found 2\n", data.err());

    Run sweep = run("sweep", "--layers", "2,4", "--activation", "relu,swish", "--out", dir.resolve("s").toString());
    assertEquals(2, sweep.code(), sweep.err());
    assertFalse(Files.exists(dir.resolve("s")), "no output before validation");

    Run valid = run("train", "--epochs", "1");
    assertEquals(1, valid.code());
    assertTrue(valid.err().startsWith("tfjava-xor: error: cannot load the TensorFlow native library for "
        + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + ": TensorFlow Java 1.1.0 ships"
        + " natives for linux-x86_64, linux-x86_64-gpu, linux-arm64, macosx-arm64, windows-x86_64 only (JavaCPP: "),
        valid.err());
    assertFalse(valid.err().contains("\tat "), "no stack trace: " + valid.err());
  }
}
