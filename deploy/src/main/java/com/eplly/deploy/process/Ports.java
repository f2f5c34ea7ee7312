package com.eplly.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Port checks: fail fast on a taken port, or pick a free one for tests. */
public final class Ports {

  private Ports() {}

  /** True when nothing listens on {@code port} on the loopback interface or the wildcard address. */
  public static boolean isFree(int port) {
    return canBind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)) && canBind(new InetSocketAddress(port));
  }

  /** Throws a message naming the component when {@code port} is taken. */
  public static void requireFree(int port, String what) {
    if (!isFree(port)) {
      throw new StepFailedException("port " + port + " for " + what + " is already in use; stop whatever holds it"
          + " (e.g. `ss -ltnp | grep :" + port + "`) or pick another port with the matching option", (Throwable) null);
    }
  }

  /** A port the OS considers free right now (for tests; another process could still take it). */
  public static int free() {
    try (ServerSocket s = new ServerSocket(0)) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * {@code n} different free ports, for components started together: each pick's socket stays open
   * until all are picked, since the OS may hand a just-closed port out again (two Kafka nodes of
   * one cluster were once given the same port).
   */
  public static int[] distinct(int n) {
    List<ServerSocket> held = new ArrayList<>(n);
    try {
      int[] ports = new int[n];
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        ports[i] = s.getLocalPort();
      }
      return ports;
    } catch (IOException e) {
      throw new UncheckedIOException("no " + n + " free ports", e);
    } finally {
      for (ServerSocket s : held) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing a listening socket we never used: nothing to recover
        }
      }
    }
  }

  private static boolean canBind(InetSocketAddress address) {
    try (ServerSocket s = new ServerSocket()) {
      s.setReuseAddress(true);
      s.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
