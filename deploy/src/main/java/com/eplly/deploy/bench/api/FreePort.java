package com.eplly.deploy.bench.api;

import java.io.IOException;
import java.net.ServerSocket;

/** Prints a free local TCP port, for the bench-api script's redis-server and api. */
public final class FreePort {

  private FreePort() {}

  public static void main(String[] args) throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      System.out.println(socket.getLocalPort());
    }
  }
}
