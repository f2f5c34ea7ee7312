package com.eplly.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HugeBodyTest {

  /** A server that refuses after the headers and closes, as a size limit on Content-Length would. */
  @Test
  void readsAnEarlyRefusalAndStopsWriting() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          readHeaders(s.getInputStream());
          String body = "{\"error\":\"request body larger than 64 KB\"}";
          s.getOutputStream().write(("HTTP/1.1 413 Content Too Large\r\nContent-Type: application/json\r\nContent-Length: "
              + body.length() + "\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
          s.getOutputStream().flush();
          Thread.sleep(200);
        } catch (IOException | InterruptedException ignored) {
          // test server
        }
      });
      t.start();
      HugeBody.Outcome o = HugeBody.post(server.getLocalPort(), "/v1/events", 300L << 20, false, Duration.ofSeconds(20));
      t.join();
      assertEquals(413, o.status(), o.toString());
      assertTrue(o.jsonAnswer(), o.toString());
      assertTrue(o.bytesSent() < (300L << 20), "the writer stops once answered: " + o.bytesSent());
    }
  }

  /** A server that reads the whole chunked body, then answers with a chunked JSON body. */
  @Test
  void sendsAWellFormedChunkedBodyOfTheExactSize() throws Exception {
    long size = 3L << 20;
    AtomicLong received = new AtomicLong();
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = server.accept()) {
          InputStream in = new BufferedInputStream(s.getInputStream());
          readHeaders(in);
          while (true) {
            int n = Integer.parseInt(line(in), 16);
            if (n == 0) {
              line(in);
              break;
            }
            received.addAndGet(in.readNBytes(n).length);
            line(in);
          }
          OutputStream out = s.getOutputStream();
          out.write(("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
              + "5\r\n{\"a\":\r\n3\r\n1}\n\r\n0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
          out.flush();
        } catch (IOException ignored) {
          // test server
        }
      });
      t.start();
      HugeBody.Outcome o = HugeBody.post(server.getLocalPort(), "/v1/events", size, true, Duration.ofSeconds(20));
      t.join();
      assertEquals(202, o.status(), o.toString());
      assertEquals("{\"a\":1}\n", o.body());
      assertEquals(size, received.get());
      assertEquals(size, o.bytesSent());
    }
  }

  private static void readHeaders(InputStream in) throws IOException {
    while (!line(in).isEmpty()) {
      // skip
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
