package com.eplly.bench.faults;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RedisProxyTest {

  @Test
  void forwardsBothWaysAndSwallowsRepliesWhileSwitchedOn() throws Exception {
    AtomicLong upstreamGot = new AtomicLong();
    try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread t = new Thread(() -> {
        try (Socket s = echo.accept()) {
          byte[] buf = new byte[1024];
          int n;
          while ((n = s.getInputStream().read(buf)) >= 0) {
            upstreamGot.addAndGet(n);
            s.getOutputStream().write(buf, 0, n);
          }
        } catch (IOException ignored) {
          // closed
        }
      });
      t.setDaemon(true);
      t.start();
      try (RedisProxy proxy = RedisProxy.start(0, echo.getLocalPort());
          Socket client = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
        client.setSoTimeout(1000);
        InputStream in = client.getInputStream();
        client.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("PING\r\n".getBytes(StandardCharsets.US_ASCII), in.readNBytes(6));

        proxy.swallowReplies(true);
        client.getOutputStream().write("INCR x\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThrows(SocketTimeoutException.class, in::read);
        assertEquals(14, upstreamGot.get(), "the server still got the command");
        assertTrue(proxy.swallowedBytes() >= 8);

        proxy.swallowReplies(false);
        client.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("PING\r\n".getBytes(StandardCharsets.US_ASCII), in.readNBytes(6));
        assertEquals(1, proxy.connections());
      }
    }
  }
}
