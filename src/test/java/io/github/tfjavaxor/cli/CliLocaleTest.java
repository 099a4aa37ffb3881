package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Non-ASCII paths: Java decodes arguments and file names in LC_CTYPE's character set, so under
 * LANG=C a JVM cannot name {@code dü.csv}. The launcher gives the JVM a UTF-8 LC_CTYPE; a JVM
 * started without it exits 3 naming the path.
 */
class CliLocaleTest {
  private static final String CSV = "a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n";
  @TempDir Path dir;

  private record Run(int code, String err) {}

  private Run java(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(CliProcess.command(args))
        .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
    pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    pb.environment().putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Run(p.exitValue(), Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void underLangCAJvmNamesThePathItCannotOpenAndExits3() throws Exception {
    Files.writeString(dir.resolve("dü.csv"), CSV);
    Run r = java(Map.of("LANG", "C", "LC_ALL", "C"), "train", "--data", dir + "/dü.csv",
        "--target", "y", "--epochs", "1", "--verbose", "0");
    assertEquals(3, r.code(), r.err());
    // ü is two bytes, each decoded as U+FFFD and printed in ASCII as '?'.
    assertEquals(List.of("tfjava-xor train: " + dir + "/d??.csv: cannot name this path in the"
        + " locale's character set (ANSI_X3.4-1968); run under a UTF-8 locale, e.g. LC_ALL=C.UTF-8"
        + " (./tfjava-xor chooses one)"), CliProcess.cliLines(dir.resolve("err")));
    Run plot = java(Map.of("LANG", "C", "LC_ALL", "C"), "train", "--plot", dir + "/pü.png");
    assertEquals(3, plot.code(), plot.err());
    assertTrue(plot.err().startsWith("tfjava-xor train: " + dir + "/p"), plot.err());
  }

  @Test
  void theLaunchersLocaleLetsTheJvmReadAndWriteNonAsciiNames() throws Exception {
    // The launcher's block, run under LANG=C: which locale it leaves for the JVM.
    String launcher = Files.readString(Path.of("tfjava-xor"));
    int from = launcher.indexOf("# Java decodes arguments");
    int to = launcher.indexOf("\nfi\n", launcher.indexOf("export LC_CTYPE", from)) + 4;
    assertTrue(from >= 0 && to > from, "the locale block is in the launcher");
    ProcessBuilder pb = new ProcessBuilder("bash", "-c", launcher.substring(from, to)
        + "echo \"$(locale charmap) ${LANG:-} ${LC_ALL:-unset} $LC_CTYPE\"");
    pb.environment().keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    pb.environment().putAll(Map.of("LANG", "C", "LC_ALL", "POSIX"));
    Process p = pb.redirectErrorStream(true).start();
    String shown = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertEquals(0, p.waitFor());
    assumeTrue(!shown.startsWith("ANSI"), "no UTF-8 locale installed: " + shown);
    String[] f = shown.split(" ");
    assertEquals("UTF-8 POSIX unset", f[0] + " " + f[1] + " " + f[2], "LC_ALL moved to LANG");

    Files.writeString(dir.resolve("dü.csv"), CSV);
    Run r = java(Map.of("LANG", "POSIX", "LC_CTYPE", f[3]), "train", "--data", dir + "/dü.csv",
        "--target", "y", "--epochs", "1", "--verbose", "0", "--plot", dir + "/pü.png");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(dir.resolve("pü.png")) > 0);
  }
}
