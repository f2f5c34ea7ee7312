package com.eplly.contracts.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's {@code redis-server} (7.x, built with TLS) as a child process on a random loopback port,
 * with a password and optionally TLS only, for the tests that must prove AUTH and TLS work
 * (embedded-redis's 6.2 binary has no TLS). Missing binaries fail the test loudly, never skip it.
 */
public final class RedisServerProcess implements AutoCloseable {

  private static final String INSTALL = "install it: apt-get update && apt-get install -y redis-server openssl";

  private final Process process;
  private final int port;
  private final Path caCert;
  private final Path log;

  private RedisServerProcess(Process process, int port, Path caCert, Path log) {
    this.process = process;
    this.port = port;
    this.caCert = caCert;
    this.log = log;
  }

  /** A plain-TCP server requiring {@code password} for the default user. */
  public static RedisServerProcess withPassword(Path dir, String password) {
    return start(dir, password, false);
  }

  /** A TLS-only server (certificate for localhost and 127.0.0.1, signed by a fresh CA) requiring {@code password}. */
  public static RedisServerProcess tls(Path dir, String password) {
    return start(dir, password, true);
  }

  public int port() {
    return port;
  }

  /** The PEM CA certificate the server's certificate is signed by (TLS servers only). */
  public Path caCert() {
    return caCert;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static RedisServerProcess start(Path dir, String password, boolean tls) {
    String server = onPath("redis-server");
    try {
      Files.createDirectories(dir);
      int port = freePort();
      List<String> cmd = new ArrayList<>(List.of(server, "--bind", "127.0.0.1", "--requirepass", password,
          "--save", "", "--appendonly", "no", "--dir", dir.toString()));
      Path ca = null;
      if (tls) {
        ca = certificates(dir);
        cmd.addAll(List.of("--port", "0", "--tls-port", Integer.toString(port),
            "--tls-cert-file", dir.resolve("redis.crt").toString(),
            "--tls-key-file", dir.resolve("redis.key").toString(),
            "--tls-ca-cert-file", ca.toString(),
            "--tls-auth-clients", "no"));
      } else {
        cmd.addAll(List.of("--port", Integer.toString(port)));
      }
      Path log = dir.resolve("redis-" + port + ".log");
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      RedisServerProcess started = new RedisServerProcess(p, port, ca, log);
      started.awaitListening();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void awaitListening() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited with " + process.exitValue() + ": "
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
      }
    }
    close();
    throw new IllegalStateException("redis-server did not listen on " + port + " within 10 s: "
        + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** A CA and a server certificate for localhost/127.0.0.1 (EC P-256: quick to generate). */
  private static Path certificates(Path dir) throws IOException {
    String openssl = onPath("openssl");
    Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
    run(dir, openssl, "req", "-x509", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=eplly-test-ca");
    run(dir, openssl, "req", "-new", "-nodes", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-keyout", "redis.key", "-out", "redis.csr", "-subj", "/CN=localhost");
    run(dir, openssl, "x509", "-req", "-in", "redis.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
        "-out", "redis.crt", "-days", "2", "-extfile", "san.ext");
    return dir.resolve("ca.crt");
  }

  private static void run(Path dir, String... cmd) throws IOException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (p.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String onPath(String binary) {
    for (String folder : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
      Path candidate = Path.of(folder, binary);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    for (String folder : List.of("/usr/bin", "/usr/sbin", "/usr/local/bin")) {
      if (Files.isExecutable(Path.of(folder, binary))) {
        return Path.of(folder, binary).toString();
      }
    }
    throw new AssertionError(binary + " is not installed, and the Redis AUTH/TLS tests need a real one: " + INSTALL);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
