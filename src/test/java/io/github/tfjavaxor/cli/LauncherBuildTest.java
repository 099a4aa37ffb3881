package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 19: the launcher's first build printed Maven's "[ERROR] ... offline mode" lines from its
 * offline attempt before the online retry succeeded. Run on a copy of the launcher with stand-ins
 * for mvn and java on the PATH.
 */
class LauncherBuildTest {
  @TempDir Path dir;

  private record Run(int code, String out, String err) {}

  /** A checkout holding only the launcher, and an mvn that fails offline and, if asked, online. */
  private Run launch(boolean onlineFails) throws IOException, InterruptedException {
    return launch(onlineFails, null);
  }

  /** @param xlaFlags the user's XLA_FLAGS, or null for none */
  private Run launch(boolean onlineFails, String xlaFlags) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(this.dir, "run");
    Path checkout = Files.createDirectories(dir.resolve("checkout"));
    Files.copy(Path.of("tfjava-xor"), checkout.resolve("tfjava-xor"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>");
    Files.createDirectories(checkout.resolve("src/main"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    script(bin.resolve("mvn"), """
        #!/bin/bash
        if [[ "$1" == -o ]]; then echo "[ERROR] offline mode: artifact not cached"; exit 1; fi
        %s
        mkdir -p target/classes && touch target/classes/tfjava-xor.version
        for a in "$@"; do [[ "$a" == -Dmdep.outputFile=* ]] && : > "${a#-Dmdep.outputFile=}"; done
        """.formatted(onlineFails ? "echo '[ERROR] online: no network'; exit 1" : ""));
    script(bin.resolve("java"), "#!/bin/bash\necho \"java ran: ${@: -1}\"\n"
        + "echo \"XLA_FLAGS=${XLA_FLAGS-(unset)}\"\n");
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("tfjava-xor").toString(),
        "-V");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("TFJAVA_XOR_CDS", "0");
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().remove("XLA_FLAGS");
    if (xlaFlags != null) {
      pb.environment().put("XLA_FLAGS", xlaFlags);
    }
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = p.waitFor();
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of(), left.toList(), "the offline attempt's log is removed");
    }
    return new Run(code, out, err);
  }

  @Test
  void theLauncherGivesXlaTheClassicCpuRuntimeUnlessTheUserSetsXlaFlags() throws Exception {
    // framework-defects.md §8: 2-3x faster XLA steps on the CPU.
    String classic = "XLA_FLAGS=--xla_cpu_use_thunk_runtime=false"
        + " --xla_cpu_multi_thread_eigen=false";
    assertTrue(launch(false).out().contains(classic + "\n"), "unset");
    assertTrue(launch(false, "--xla_dump_to=/tmp/x").out().contains("XLA_FLAGS=--xla_dump_to=/tmp/x\n"),
        "the user's");
    assertTrue(launch(false, "").out().contains("XLA_FLAGS=\n"), "the user's, empty");
  }

  private static void script(Path p, String text) throws IOException {
    Files.writeString(p, text);
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @Test
  void anOfflineFailureThatTheOnlineBuildFixesIsNotShown() throws Exception {
    Run r = launch(false);
    assertEquals(0, r.code(), r.err());
    assertEquals("tfjava-xor: building (mvn package)...\n", r.err());
    assertTrue(r.out().startsWith("java ran: -V\n"), r.out());
  }

  @Test
  void whenBothFailBothAreShown() throws Exception {
    Run r = launch(true);
    assertEquals(1, r.code());
    assertEquals("tfjava-xor: building (mvn package)...\n[ERROR] online: no network\n"
        + "tfjava-xor: the offline attempt (mvn -o) said:\n"
        + "[ERROR] offline mode: artifact not cached\ntfjava-xor: build failed\n", r.err());
    assertFalse(r.out().contains("java ran"), r.out());
    assertTrue(r.out().isEmpty(), r.out());
  }
}
