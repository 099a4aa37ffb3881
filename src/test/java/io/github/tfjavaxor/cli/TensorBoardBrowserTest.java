package io.github.tfjavaxor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.tfjavaxor.interop.PythonVenv;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real TensorBoard server (the venv's) on {@code train --tensorboard} output, its Graphs
 * dashboard rendered by headless Chromium: the graph's top-level nodes are the model's scopes.
 * Skipped without Debian's {@code chromium} unless {@code CI=true} (.ci/run installs it).
 *
 * <p>The screenshot goes to {@code target/tensorboard/graph.png}; {@code
 * -Ddocs.screenshot=docs/img/tensorboard-graph.png} also writes the one in docs/tutorial.md:
 * {@code mvn -B -o -q test -Dtest=TensorBoardBrowserTest -Ddocs.screenshot=docs/img/tensorboard-graph.png}.
 */
class TensorBoardBrowserTest {
  // The labels of the rendered graph's nodes, through the dashboard's shadow roots.
  private static final String NODE_LABELS = "(() => { const out = [];"
      + " const walk = root => root.querySelectorAll('*').forEach(e => {"
      + "   if (e.classList && e.classList.contains('nodelabel')) {"
      + "     const t = e.querySelector('title'); out.push((t ? t : e).textContent.trim()); }"
      + "   if (e.shadowRoot) walk(e.shadowRoot); });"
      + " walk(document); return out.join('\\n'); })()";

  @TempDir Path dir;

  @Test
  void graphDashboardShowsTheLayerScopes() throws Exception {
    Path chromium = HeadlessChromium.find();
    if (!"true".equals(System.getenv("CI"))) {
      Assumptions.assumeTrue(chromium != null, "no chromium on PATH (apt-get install chromium)");
    }
    assertTrue(chromium != null, "CI=true but no chromium on PATH: .ci/run installs it");
    Cli r = Cli.run("train", "--epochs", "2", "--verbose", "0", "--tensorboard", dir.toString());
    assertEquals(0, r.code(), r.err());

    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    Path log = dir.resolve("tensorboard.log");
    Process server = new ProcessBuilder(PythonVenv.locate().python().toString(), "-m",
            "tensorboard.main", "--logdir", dir.toString(), "--host", "127.0.0.1",
            "--port", String.valueOf(port))
        .redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    try {
      String base = "http://127.0.0.1:" + port;
      awaitServer(base + "/data/plugins_listing", server, log);
      try (HeadlessChromium browser = new HeadlessChromium(chromium, 1000, 640)) {
        browser.navigate(base + "/#graphs&run=train");
        Set<String> labels = new TreeSet<>();
        for (int i = 0; i < 120 && !labels.contains("dense_1"); i++) {
          HeadlessChromium.pause(Duration.ofSeconds(1));
          labels = new TreeSet<>(List.of(browser.evaluate(NODE_LABELS).split("\n")));
        }
        assertTrue(labels.containsAll(
            List.of("dense", "dense_1", "compile_loss", "compile_metrics", "gradients", "adam")),
            "graph node labels: " + labels);
        byte[] png = browser.screenshot();
        Path shot = Path.of("target", "tensorboard", "graph.png");
        Files.createDirectories(shot.getParent());
        Files.write(shot, png);
        String docs = System.getProperty("docs.screenshot");
        if (docs != null) {
          Files.write(Path.of(docs), png);
        }
      }
    } finally {
      server.destroy();
      server.waitFor();
    }
  }

  // TensorBoard imports TensorFlow first: tens of seconds on a busy 2-core machine.
  private static void awaitServer(String url, Process server, Path log) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (int i = 0; i < 240; i++) {
      if (!server.isAlive()) {
        fail("tensorboard exited " + server.exitValue() + ":\n" + Files.readString(log));
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      HeadlessChromium.pause(Duration.ofMillis(500));
    }
    fail("tensorboard did not answer " + url + " in 120 s:\n" + Files.readString(log));
  }
}
