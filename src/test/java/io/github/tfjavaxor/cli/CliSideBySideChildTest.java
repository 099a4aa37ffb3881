package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * side-by-side's Keras child (python/xor_keras3.py) ends with the CLI: on SIGINT and SIGTERM the
 * handler stops it, and on SIGKILL, which the JVM never sees, the child notices its parent is
 * gone (python/child.py). Needs python/.venv, as the other live Keras tests.
 */
class CliSideBySideChildTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({"INT, 130", "TERM, 143", "KILL, 137"})
  void theKerasChildEndsWithItsParent(String signal, int code) throws Exception {
    Path err = tmp.resolve("err");
    Process p = new ProcessBuilder(CliProcess.command("side-by-side", "--epochs", "100000",
            "--out", tmp.resolve("out").toString()))
        .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(err.toFile()).start();
    ProcessHandle child = null;
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (child == null) {
        Optional<ProcessHandle> c = p.descendants().filter(d -> d.info().commandLine()
            .orElse("").contains("xor_keras3.py")).findFirst();
        if (c.isPresent()) {
          child = c.get();
        } else if (!p.isAlive() || System.nanoTime() > deadline) {
          fail("no Keras child started: " + Files.readString(err));
        } else {
          Thread.sleep(50);
        }
      }
      CliProcess.signal(p.pid(), signal);
      assertTrue(p.waitFor(30, TimeUnit.SECONDS), "side-by-side still running 30 s after SIG" + signal);
    } finally {
      p.destroyForcibly();
    }
    assertEquals(code, p.exitValue());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (CliProcess.running(child.pid())) {
      if (System.nanoTime() > deadline) {
        child.destroyForcibly();
        fail("the Keras child " + child.pid() + " still runs 3 s after its parent got SIG" + signal);
      }
      Thread.sleep(20);
    }
    if (!signal.equals("KILL")) {
      assertEquals(List.of("tfjava-xor side-by-side: interrupted by SIG" + signal),
          CliProcess.cliLines(err));
    }
  }
}
