package io.github.tfjavaxor.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's {@code chromium --headless} driven through the DevTools protocol (a WebSocket, from the
 * JDK): open a page, evaluate JavaScript in it, take a screenshot. Pages built of web components
 * (TensorBoard's Polymer dashboards) keep their content in shadow roots, which {@code --dump-dom}
 * does not print; {@code Runtime.evaluate} can walk them.
 */
final class HeadlessChromium implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  /** The chromium executable on PATH, or null. */
  static Path find() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, "chromium");
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /** Starts chromium headless at a window size and connects to its first page. */
  HeadlessChromium(Path chromium, int width, int height) throws Exception {
    profile = Files.createTempDirectory("chromium-profile");
    process = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
            "--hide-scrollbars", "--no-first-run", "--remote-debugging-port=0",
            "--remote-allow-origins=*", "--user-data-dir=" + profile,
            "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true).start();
    String browserUrl = null;
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = out.readLine()) != null; ) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        browserUrl = m.group(1);
        break;
      }
    }
    if (browserUrl == null) {
      throw new IOException("chromium exited " + process.waitFor() + " without a DevTools URL");
    }
    Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
    drain.setDaemon(true);
    drain.start();
    // The first page target's own WebSocket: http://host:port/json/list.
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String list = http.send(HttpRequest.newBuilder(
            URI.create("http://" + browser.getAuthority() + "/json/list")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    String pageUrl = null;
    for (JsonNode t : JSON.readTree(list)) {
      if (t.get("type").asText().equals("page")) {
        pageUrl = t.get("webSocketDebuggerUrl").asText();
      }
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener())
        .get(30, TimeUnit.SECONDS);
  }

  /** Loads a URL (returns once navigation has started; poll {@link #evaluate} for content). */
  void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** The value of a JavaScript expression in the page, as a string ("" for null/undefined). */
  String evaluate(String expression) throws Exception {
    JsonNode r = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    JsonNode v = r.path("result").path("value");
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }

  /** A PNG of the viewport. */
  byte[] screenshot() throws Exception {
    JsonNode r = call("Page.captureScreenshot", Map.of("format", "png"));
    return Base64.getDecoder().decode(r.get("data").asText());
  }

  private JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
    msg.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    pending.put(id, reply);
    socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
    JsonNode r = reply.get(60, TimeUnit.SECONDS);
    if (r.has("error")) {
      throw new IOException(method + ": " + r.get("error"));
    }
    return r.get("result");
  }

  private final class Listener implements WebSocket.Listener {
    private final List<CharSequence> parts = new ArrayList<>();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      parts.add(data.toString());
      if (last) {
        try {
          JsonNode msg = JSON.readTree(String.join("", parts));
          CompletableFuture<JsonNode> f = msg.has("id") ? pending.remove(msg.get("id").asInt()) : null;
          if (f != null) {
            f.complete(msg);
          }
        } catch (IOException e) {
          pending.values().forEach(f -> f.completeExceptionally(e));
        }
        parts.clear();
      }
      ws.request(1);
      return null;
    }
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    try (var files = Files.walk(profile)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Sleeps between polls. */
  static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
