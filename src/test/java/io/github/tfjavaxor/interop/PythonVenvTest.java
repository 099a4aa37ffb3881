package io.github.tfjavaxor.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The venv the live tests use, and the pin check that makes a missing dependency a failure. */
class PythonVenvTest {
  @TempDir Path tmp;

  @Test
  void venvMatchesThePinnedRequirements() throws IOException {
    PythonVenv venv = PythonVenv.locate();
    assertTrue(Files.isExecutable(venv.python()), venv.python().toString());
    PythonVenv.Output o =
        venv.run("check_pins.py", venv.dir().resolve("requirements.txt").toString());
    assertEquals(0, o.exitCode(), o.stderr());
    assertEquals("", o.stderr());
  }

  @Test
  void missingOrDriftedPackageFailsWithItsName() throws IOException {
    Path req = tmp.resolve("requirements.txt");
    Files.writeString(req, "keras==0.0.1  # drifted\nno-such-package-tfjavaxor==1.0\nnumpy==2.0.2\n");
    PythonVenv.Output o = PythonVenv.locate().run("check_pins.py", req.toString());
    assertEquals(1, o.exitCode());
    assertEquals("python/.venv does not match " + req + ":\n"
        + "  keras: expected 0.0.1, found 3.15.1\n"
        + "  no-such-package-tfjavaxor: expected 1.0, found nothing installed\n"
        + "  rebuild it with python/venv.sh --force\n", o.stderr());
  }

  @Test
  void foundBesideTheClassesFromAnyWorkingDirectory() throws IOException {
    // Issue 19: from outside the checkout, side-by-side exited 3 "python/venv.sh not found".
    Path checkout = Path.of("").toAbsolutePath(); // Maven runs the tests in the checkout
    Path python = checkout.resolve("python");
    assertEquals(python, PythonVenv.locate(tmp, checkout.resolve("target/classes")).dir());
    assertEquals(python,
        PythonVenv.locate(tmp, checkout.resolve("target/tfjava-xor-cds-classes.jar")).dir());
    assertEquals(python, PythonVenv.locate(checkout.resolve("docs"), null).dir());
    Path elsewhere = tmp.resolve("lib/tfjava-xor.jar");
    IOException e = assertThrows(IOException.class, () -> PythonVenv.locate(tmp, elsewhere));
    assertEquals("python/venv.sh not found beside " + elsewhere + " or in " + tmp + " or its"
        + " parents; run from the project checkout or set -Dtfjavaxor.python.dir=<checkout>/python",
        e.getMessage());
  }
}
