package io.github.tfjavaxor.interop;

import io.github.tfjavaxor.keras.utils.Interrupts;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The project-local Python venv ({@code python/.venv}, made from the pinned {@code
 * python/requirements.txt} by {@code python/venv.sh} on first use) and the scripts in {@code
 * python/}. Child processes inherit this JVM's environment, so {@code TF_ENABLE_ONEDNN_OPTS} is the
 * same on both sides; {@code TF_CPP_MIN_LOG_LEVEL} is set to 2 if unset.
 *
 * <pre>{@code
 * PythonVenv venv = PythonVenv.locate();      // finds python/ beside the classes, or from the cwd up
 * String json = venv.run("interop_check.py", "model", "out.keras").stdout();
 * }</pre>
 */
public final class PythonVenv {
  /** System property that overrides where {@code python/} is. */
  public static final String DIR_PROPERTY = "tfjavaxor.python.dir";

  private final Path dir;
  private Path python;

  private PythonVenv(Path dir) {
    this.dir = dir;
  }

  /**
   * What a script printed, and its exit status.
   *
   * @param exitCode the script's exit status
   * @param stdout what it printed on stdout, decoded as UTF-8
   * @param stderr what it printed on stderr, decoded as UTF-8
   */
  public record Output(int exitCode, String stdout, String stderr) {}

  /**
   * Finds {@code python/venv.sh}: the {@value #DIR_PROPERTY} property; else beside the classes this
   * runs from ({@code target/classes} or a jar in {@code target/}, so the launcher works from any
   * directory); else in the working directory or a parent of it.
   *
   * @return the venv of that directory, created on first use
   * @throws IOException naming where it looked if there is none
   */
  public static PythonVenv locate() throws IOException {
    return locate(Path.of("").toAbsolutePath(), codeLocation());
  }

  /** {@link #locate()} from a given working directory and code location (either may be null). */
  static PythonVenv locate(Path workingDir, Path code) throws IOException {
    String prop = System.getProperty(DIR_PROPERTY);
    if (prop != null) {
      Path d = Path.of(prop).toAbsolutePath();
      if (!Files.isRegularFile(d.resolve("venv.sh"))) {
        throw new IOException(DIR_PROPERTY + "=" + prop + ": expected a directory with venv.sh");
      }
      return new PythonVenv(d);
    }
    for (Path start : new Path[] {code, workingDir}) {
      for (Path p = start; p != null; p = p.getParent()) {
        if (Files.isRegularFile(p.resolve("python/venv.sh"))) {
          return new PythonVenv(p.resolve("python"));
        }
      }
    }
    throw new IOException("python/venv.sh not found beside " + code + " or in " + workingDir
        + " or its parents; run from the project checkout or set -D" + DIR_PROPERTY
        + "=<checkout>/python");
  }

  // Where this class was loaded from: target/classes, or a jar; null if unknown.
  private static Path codeLocation() {
    try {
      var source = PythonVenv.class.getProtectionDomain().getCodeSource();
      return source == null ? null : Path.of(source.getLocation().toURI()).toAbsolutePath();
    } catch (java.net.URISyntaxException | SecurityException
        | java.nio.file.FileSystemNotFoundException e) {
      return null;
    }
  }

  /** {@return the {@code python/} directory} */
  public Path dir() {
    return dir;
  }

  /**
   * Creates the venv if needed (pip install of the pinned requirements) and checks the pins.
   *
   * @return the venv's python executable
   * @throws IOException with venv.sh's message if creation or the check fails
   */
  public synchronized Path python() throws IOException {
    if (python == null) {
      Output o = exec(List.of("bash", dir.resolve("venv.sh").toString()));
      if (o.exitCode() != 0) {
        throw new IOException("python/venv.sh failed (exit " + o.exitCode() + "):\n" + o.stderr());
      }
      String[] lines = o.stdout().strip().split("\n");
      python = Path.of(lines[lines.length - 1].strip());
    }
    return python;
  }

  /**
   * Runs {@code python/<script> args...} with the venv's python.
   *
   * @param script a script in {@code python/}, e.g. {@code xor_keras3.py}
   * @param args its arguments
   * @return the output; see {@link #runChecked} to fail on a non-zero exit
   * @throws IOException if the venv cannot be created or the script cannot start
   */
  public Output run(String script, String... args) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(python().toString());
    cmd.add(dir.resolve("child.py").toString()); // ends the script if this JVM dies
    cmd.add(dir.resolve(script).toString());
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  /**
   * As {@link #run} but throws if the script exits non-zero.
   *
   * @param script a script in {@code python/}
   * @param args its arguments
   * @return the output of a zero exit
   * @throws IOException with the script's stderr
   */
  public Output runChecked(String script, String... args) throws IOException {
    Output o = run(script, args);
    if (o.exitCode() != 0) {
      throw new IOException("python/" + script + " " + String.join(" ", args) + " failed (exit "
          + o.exitCode() + "):\n" + o.stderr());
    }
    return o;
  }

  private static Output exec(List<String> cmd) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putIfAbsent("TF_CPP_MIN_LOG_LEVEL", "2");
    pb.environment().put("TFJAVA_XOR_PARENT_PID", Long.toString(ProcessHandle.current().pid()));
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    ChildProcesses.track(p);
    try {
      CompletableFuture<String> err =
          CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
      String out = drain(p.getInputStream());
      int code = p.waitFor();
      Interrupts.check(); // a signal handler stopped the child: raise it here, not its status
      return new Output(code, out, err.join());
    } catch (InterruptedException e) {
      p.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + cmd, e);
    } finally {
      ChildProcesses.forget(p);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      in.transferTo(b);
      return b.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
