package com.eplly.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A headless Debian Chromium driven over the DevTools protocol (a WebSocket from the JDK's own
 * client): navigate, evaluate, click with real mouse events, take screenshots.
 */
public final class HeadlessChromium implements AutoCloseable {

  /** Where the Debian package installs the browser. */
  public static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final JsonMapper json = JsonMapper.builder().build();
  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  /**
   * Skips the calling test on a developer's machine without Chromium; fails it under CI (the
   * {@code CI} environment variable set, as {@code .ci/run} does), where a skip would pass unseen.
   */
  public static void assumeInstalled() {
    String message = BINARY + " is absent (apt-get install -y chromium)";
    if (!installed() && System.getenv("CI") != null) {
      throw new AssertionError("the browser tests must run in CI: " + message);
    }
    Assumptions.assumeTrue(installed(), "skipped: " + message);
  }

  /** Starts the browser on a blank page of the given size and attaches to that page. */
  public static HeadlessChromium start(int width, int height) throws Exception {
    Path profile = Files.createTempDirectory("eplly-chromium-");
    Process process = new ProcessBuilder(BINARY.toString(),
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars",
        "--user-data-dir=" + profile, "--remote-debugging-port=0",
        "--window-size=" + width + "," + height, "about:blank")
        .redirectErrorStream(true)
        .redirectOutput(profile.resolve("chromium.log").toFile())
        .start();
    try {
      int port = devToolsPort(profile, process);
      HttpClient http = HttpClient.newHttpClient();
      JsonMapper json = JsonMapper.builder().build();
      String pageSocket = null;
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (pageSocket == null && System.nanoTime() < deadline) {
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
            .build(), HttpResponse.BodyHandlers.ofString()).body();
        for (JsonNode t : json.readTree(targets)) {
          if ("page".equals(t.path("type").asString())) {
            pageSocket = t.path("webSocketDebuggerUrl").asString();
          }
        }
        if (pageSocket == null) {
          Thread.sleep(100); // polling the browser's target list, not waiting on time
        }
      }
      if (pageSocket == null) {
        throw new IllegalStateException("chromium opened no page target");
      }
      HeadlessChromium[] self = new HeadlessChromium[1];
      WebSocket socket = http.newWebSocketBuilder()
          .buildAsync(URI.create(pageSocket), new Listener(m -> self[0].onMessage(m)))
          .get(20, TimeUnit.SECONDS);
      self[0] = new HeadlessChromium(process, profile, socket);
      self[0].call("Page.enable", Map.of());
      self[0].call("Runtime.enable", Map.of());
      return self[0];
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int devToolsPort(Path profile, Process process) throws Exception {
    Path file = profile.resolve("DevToolsActivePort");
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(file)) {
        List<String> lines = Files.readAllLines(file);
        if (!lines.isEmpty() && !lines.get(0).isBlank()) {
          return Integer.parseInt(lines.get(0).trim());
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
      }
      Thread.sleep(50); // polling for the file the browser writes once it listens
    }
    throw new IllegalStateException("chromium did not open its DevTools port within 30 s");
  }

  /** Calls a DevTools method and waits for its result. */
  public JsonNode call(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = json.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", json.valueToTree(params));
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    socket.sendText(json.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    JsonNode answer = result.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    if (answer.has("error")) {
      throw new IllegalStateException(method + " failed: " + answer.get("error"));
    }
    return answer.path("result");
  }

  private void onMessage(String text) {
    JsonNode message = json.readTree(text);
    if (message.has("id")) {
      CompletableFuture<JsonNode> waiting = pending.remove(message.get("id").asInt());
      if (waiting != null) {
        waiting.complete(message);
      }
    }
  }

  public void navigate(String url) throws Exception {
    call("Page.navigate", Map.of("url", url));
  }

  /** Evaluates a JavaScript expression in the page (awaiting a promise) and returns its value. */
  public JsonNode evaluate(String expression) throws Exception {
    JsonNode result = call("Runtime.evaluate",
        Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new IllegalStateException("script failed: " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Polls {@code expression} until its value satisfies {@code done}; returns that value. */
  public JsonNode waitFor(String expression, Predicate<JsonNode> done, Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    JsonNode value = null;
    while (System.nanoTime() < deadline) {
      value = evaluate(expression);
      if (done.test(value)) {
        return value;
      }
      Thread.sleep(100); // polling the page's state
    }
    throw new AssertionError("page never satisfied the condition on `" + expression + "`; last value " + value);
  }

  /** Clicks the centre of the first element matching {@code selector} with real mouse events. */
  public void click(String selector) throws Exception {
    JsonNode box = evaluate("(() => { const e = document.querySelector(" + json.writeValueAsString(selector)
        + "); if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
        + " return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()");
    if (box == null || box.isNull() || box.isMissingNode()) {
      throw new AssertionError("nothing matches " + selector);
    }
    double x = box.get("x").asDouble();
    double y = box.get("y").asDouble();
    call("Input.dispatchMouseEvent", Map.of("type", "mouseMoved", "x", x, "y", y));
    call("Input.dispatchMouseEvent", Map.of("type", "mousePressed", "x", x, "y", y, "button", "left", "clickCount", 1));
    call("Input.dispatchMouseEvent", Map.of("type", "mouseReleased", "x", x, "y", y, "button", "left", "clickCount", 1));
  }

  /** Saves a PNG of the viewport. */
  public void screenshot(Path file) throws Exception {
    JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, Base64.getDecoder().decode(shot.get("data").asString()));
  }

  @Override
  public void close() {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (RuntimeException ignored) {
      // the browser is being stopped anyway
    }
    // Chromium's helper processes (network service, renderers) outlive the browser briefly and keep
    // writing into the profile: stop them all before deleting it.
    List<ProcessHandle> helpers = process.descendants().toList();
    process.destroy();
    helpers.forEach(ProcessHandle::destroy);
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      for (ProcessHandle h : helpers) {
        h.onExit().get(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      helpers.forEach(ProcessHandle::destroyForcibly);
    }
    deleteProfile();
  }

  /** Best effort: a leftover temporary profile must not fail the test that used the browser. */
  private void deleteProfile() {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      System.err.println("could not delete the Chromium profile " + profile + ": " + e.getMessage());
    }
  }

  /** Reassembles fragmented text frames into whole DevTools messages. */
  private static final class Listener implements WebSocket.Listener {

    private final java.util.function.Consumer<String> sink;
    private final StringBuilder partial = new StringBuilder();

    Listener(java.util.function.Consumer<String> sink) {
      this.sink = sink;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        sink.accept(message);
      }
      webSocket.request(1);
      return null;
    }
  }
}
