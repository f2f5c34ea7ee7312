package com.eplly.bench.faults;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP proxy in front of Redis that forwards both ways, with a switch that swallows the
 * server-to-client bytes: while it is on, Redis still receives and runs every command, but its
 * replies never reach the client, which times out. Turning it off forwards again; a connection
 * that lost replies is out of step, which is the client's to notice (Jedis drops a connection
 * after a timeout).
 */
public final class RedisProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong swallowed = new AtomicLong();
  private final AtomicLong connections = new AtomicLong();
  private volatile boolean swallowReplies;
  private volatile boolean closed;

  private RedisProxy(ServerSocket listener, int upstreamPort) {
    this.listener = listener;
    this.upstreamPort = upstreamPort;
  }

  /** Listens on {@code 127.0.0.1:port} (0 = any free port) and forwards to {@code 127.0.0.1:upstreamPort}. */
  public static RedisProxy start(int port, int upstreamPort) {
    try {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      RedisProxy proxy = new RedisProxy(s, upstreamPort);
      Thread t = new Thread(proxy::acceptLoop, "redis-proxy-accept");
      t.setDaemon(true);
      t.start();
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException("redis proxy cannot listen on port " + port, e);
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Turns the swallowing of Redis replies on or off. */
  public void swallowReplies(boolean on) {
    swallowReplies = on;
  }

  /** Reply bytes swallowed so far. */
  public long swallowedBytes() {
    return swallowed.get();
  }

  /** Client connections accepted so far. */
  public long connections() {
    return connections.get();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      connections.incrementAndGet();
      Socket server;
      try {
        server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        server.setTcpNoDelay(true);
        client.setTcpNoDelay(true);
      } catch (IOException e) {
        closeQuietly(client);
        continue;
      }
      sockets.add(client);
      sockets.add(server);
      pump(client, server, false, "redis-proxy-up");
      pump(server, client, true, "redis-proxy-down");
    }
  }

  private void pump(Socket from, Socket to, boolean replies, String name) {
    Thread t = new Thread(() -> {
      byte[] buf = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (replies && swallowReplies) {
            swallowed.addAndGet(n);
            continue;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // one side went away: end the pair
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        sockets.remove(from);
        sockets.remove(to);
      }
    }, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException ignored) {
      // nothing to recover
    }
    sockets.forEach(RedisProxy::closeQuietly);
  }
}
