package com.eplly.bench.api;

import com.eplly.deploy.process.Ports;

/** Prints a free local TCP port, for the bench-api script's redis-server and api. */
public final class FreePort {

  private FreePort() {}

  public static void main(String[] args) {
    System.out.println(Ports.free());
  }
}
