package com.eplly.api.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.EventCodec;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bodies of {@code POST /v1/events} are bounded before they are read: 300 MB, with or without a
 * Content-Length, is a 413 (the api used to read it whole and die of OutOfMemoryError), a body
 * that trickles in is a 408, and the api answers normally afterwards, all on a real socket (the
 * cap to the byte, and the other refusals: EventControllerTest).
 */
class EventBodyLimitsTest extends LiveStackTest {

  private static final long HUGE = 300L * 1024 * 1024;

  @BeforeEach
  void seed() {
    seedFixture();
  }

  /**
   * Raw sockets, since the JDK client gives up on its own request when the server closes during
   * the upload, even with the 413 in hand (curl and browsers show it): one thread streams 300 MB
   * from a generator until the server hangs up, the test reads the answer meanwhile.
   */
  @Test
  void refusesAHugeChunkedBodyAfterTheCap() throws Exception {
    assertRefusedUpload("Transfer-Encoding: chunked", true);
  }

  @Test
  void refusesAHugeDeclaredBodyBeforeReadingIt() throws Exception {
    assertRefusedUpload("Content-Length: " + HUGE, false);
  }

  private void assertRefusedUpload(String lengthHeader, boolean chunked) throws Exception {
    long start = System.nanoTime();
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 2000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + lengthHeader + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      Thread uploader = new Thread(() -> {
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
          for (long sent = 0; sent < HUGE; sent += chunk.length) {
            if (chunked) {
              out.write(size);
            }
            out.write(chunk);
            if (chunked) {
              out.write('\r');
              out.write('\n');
            }
          }
        } catch (java.io.IOException closedByServer) {
          // expected: the server stops listening after the cap
        }
      });
      uploader.setDaemon(true);
      uploader.start();
      String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 413 ");
      assertThat(answer.substring(answer.indexOf("\r\n\r\n") + 4))
          .contains("\"error\"").contains(Integer.toString(EventCodec.MAX_RECORD_BYTES));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertStillServing();
  }

  @Test
  void aBodyThatTricklesInTimesOut() throws Exception {
    // eplly.events.read-timeout is 1 s in the shared test context; this body would take 20 s
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("localhost", port), 2000);
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(("POST /v1/events HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\n"
          + "Content-Length: 200\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      InputStream in = s.getInputStream();
      for (int i = 0; i < 200 && in.available() == 0; i++) {
        out.write('x');
        out.flush();
        Thread.sleep(100); // the slow client itself: a real trickle on the wire
      }
      String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
      assertThat(head).isEqualTo("HTTP/1.1 408");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
    }
    assertStillServing();
  }

  private void assertStillServing() throws Exception {
    HttpResponse<String> res = get("/v1/recommendations?articleId=cur");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(json.readTree(res.body()).get("items").size()).isPositive();
  }

}
