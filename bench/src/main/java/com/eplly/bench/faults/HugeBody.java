package com.eplly.bench.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * POSTs a huge body over a raw socket, generated on the fly in 64 KB pieces (never held in
 * memory): a page-view JSON object whose articleId runs for the whole length. Sent with a
 * {@code Content-Length} or {@code Transfer-Encoding: chunked}. A reader thread takes the answer
 * as soon as the server sends it, even while the body is still being written (a server that
 * refuses early and closes would otherwise reset the connection before the answer is read); the
 * writer stops once an answer has come.
 */
public final class HugeBody {

  private static final int PIECE = 64 * 1024;
  private static final int MAX_ANSWER = 64 * 1024;

  /**
   * What happened.
   *
   * @param status     HTTP status, or -1 when no answer came
   * @param headers    the answer's header block (lower-cased names), or empty
   * @param body       the answer's body (de-chunked, at most 64 KB)
   * @param bytesSent  body bytes written before the answer, the end or an error
   * @param seconds    time until the answer (or the failure)
   * @param error      what went wrong on the connection, or null
   */
  public record Outcome(int status, String headers, String body, long bytesSent, double seconds, String error) {

    /** The answer is JSON: a JSON content type and an object body. */
    public boolean jsonAnswer() {
      return headers.contains("content-type: application/json") || headers.contains("content-type: application/problem+json")
          ? body.strip().startsWith("{") : false;
    }

    public String describe() {
      String answer = status < 0 ? "no answer" : status + (jsonAnswer() ? " json" : " non-json");
      return String.format(Locale.ROOT, "%s after %.1f s, %d MB sent%s", answer, seconds, bytesSent >> 20,
          error == null ? "" : " (" + error + ")");
    }
  }

  private HugeBody() {}

  /**
   * @param port     the api's port on the loopback interface
   * @param path     e.g. {@code /v1/events}
   * @param size     body bytes
   * @param chunked  chunked transfer encoding instead of a Content-Length
   * @param timeout  bound of the whole exchange
   */
  public static Outcome post(int port, String path, long size, boolean chunked, Duration timeout) {
    long t0 = System.nanoTime();
    AtomicLong sent = new AtomicLong();
    AtomicBoolean answered = new AtomicBoolean();
    AtomicReference<String> writeError = new AtomicReference<>();
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      socket.setSoTimeout(500);
      Thread writer = new Thread(() -> write(socket, port, path, size, chunked, sent, answered, writeError), "huge-body-writer");
      writer.setDaemon(true);
      writer.start();
      long deadline = t0 + timeout.toNanos();
      Answer a = readAnswer(socket.getInputStream(), deadline, answered);
      double seconds = (System.nanoTime() - t0) / 1e9;
      answered.set(true);
      writer.join(2_000);
      String error = a.error != null ? a.error : (a.status < 0 ? writeError.get() : null);
      return new Outcome(a.status, a.headers, a.body, sent.get(), seconds, error);
    } catch (IOException e) {
      return new Outcome(-1, "", "", sent.get(), (System.nanoTime() - t0) / 1e9, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Outcome(-1, "", "", sent.get(), (System.nanoTime() - t0) / 1e9, "interrupted");
    }
  }

  /** The body: {@code {"eventId":"…","readerId":"…","articleId":"xxxx…","sessionId":"…","timestamp":…}}, exactly {@code size} bytes. */
  static byte[][] frame(long size) {
    byte[] head = ("{\"eventId\":\"" + UUID.randomUUID() + "\",\"readerId\":\"huge-body-reader\",\"articleId\":\"")
        .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = ("\",\"sessionId\":\"huge-body-session\",\"timestamp\":" + System.currentTimeMillis() + "}")
        .getBytes(StandardCharsets.US_ASCII);
    if (size < head.length + tail.length) {
      throw new IllegalArgumentException("body of " + size + " bytes is too small");
    }
    return new byte[][] {head, tail};
  }

  private static void write(Socket socket, int port, String path, long size, boolean chunked, AtomicLong sent,
      AtomicBoolean answered, AtomicReference<String> error) {
    byte[][] frame = frame(size);
    byte[] fill = new byte[PIECE];
    Arrays.fill(fill, (byte) 'x');
    try {
      OutputStream out = socket.getOutputStream();
      String headers = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: application/json\r\n"
          + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + size + "\r\n") + "\r\n";
      out.write(headers.getBytes(StandardCharsets.US_ASCII));
      long middle = size - frame[0].length - frame[1].length;
      piece(out, frame[0], frame[0].length, chunked, sent);
      while (middle > 0 && !answered.get()) {
        int n = (int) Math.min(PIECE, middle);
        piece(out, fill, n, chunked, sent);
        middle -= n;
      }
      if (!answered.get()) {
        piece(out, frame[1], frame[1].length, chunked, sent);
        if (chunked) {
          out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
      }
    } catch (IOException e) {
      error.set("writing stopped after " + (sent.get() >> 20) + " MB: " + e.getMessage());
    }
  }

  private static void piece(OutputStream out, byte[] bytes, int n, boolean chunked, AtomicLong sent) throws IOException {
    if (chunked) {
      out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }
    out.write(bytes, 0, n);
    if (chunked) {
      out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    sent.addAndGet(n);
  }

  private record Answer(int status, String headers, String body, String error) {}

  /** Reads status line, headers and body (by Content-Length, chunks, or to the end) until the deadline. */
  static Answer readAnswer(InputStream in, long deadlineNanos, AtomicBoolean answered) {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    String error = null;
    while (System.nanoTime() < deadlineNanos && raw.size() < MAX_ANSWER) {
      try {
        int n = in.read(buf);
        if (n < 0) {
          break;
        }
        raw.write(buf, 0, n);
        answered.set(true); // the server has spoken: stop writing the body
        if (complete(raw.toByteArray())) {
          break;
        }
      } catch (SocketTimeoutException e) {
        // nothing yet: read again until the deadline
      } catch (IOException e) {
        error = "reading the answer: " + e.getMessage();
        break;
      }
    }
    if (raw.size() == 0 && error == null && System.nanoTime() >= deadlineNanos) {
      error = "no answer within the time bound";
    }
    return parse(raw.toByteArray(), error);
  }

  private static boolean complete(byte[] raw) {
    String s = new String(raw, StandardCharsets.ISO_8859_1);
    int end = s.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String headers = s.substring(0, end).toLowerCase(Locale.ROOT);
    String body = s.substring(end + 4);
    int cl = headers.indexOf("content-length:");
    if (cl >= 0) {
      int eol = headers.indexOf("\r\n", cl);
      long length = Long.parseLong(headers.substring(cl + 15, eol < 0 ? headers.length() : eol).strip());
      return body.length() >= length;
    }
    if (headers.contains("transfer-encoding: chunked")) {
      return body.contains("\r\n0\r\n\r\n") || body.startsWith("0\r\n\r\n");
    }
    return false; // read to the end of the connection
  }

  static Answer parse(byte[] raw, String error) {
    String s = new String(raw, StandardCharsets.ISO_8859_1);
    int end = s.indexOf("\r\n\r\n");
    if (!s.startsWith("HTTP/") || end < 0) {
      return new Answer(-1, "", "", error != null ? error : (raw.length == 0 ? "connection closed without an answer" : "garbled answer"));
    }
    String headers = s.substring(0, end).toLowerCase(Locale.ROOT);
    int status;
    try {
      status = Integer.parseInt(s.substring(s.indexOf(' ') + 1, s.indexOf(' ') + 4));
    } catch (RuntimeException e) {
      return new Answer(-1, headers, "", "garbled status line");
    }
    String body = s.substring(end + 4);
    if (headers.contains("transfer-encoding: chunked")) {
      body = dechunk(body);
    }
    return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8), null);
  }

  private static String dechunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < chunked.length()) {
      int eol = chunked.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int n;
      try {
        n = Integer.parseInt(chunked.substring(i, eol).split(";")[0].strip(), 16);
      } catch (NumberFormatException e) {
        break;
      }
      if (n == 0 || eol + 2 + n > chunked.length()) {
        break;
      }
      out.append(chunked, eol + 2, eol + 2 + n);
      i = eol + 2 + n + 2;
    }
    return out.toString();
  }
}
