package com.eplly.deploy.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PortsTest {

  @Test
  void distinctPortsAreDifferentAndFreeAgainOnceReturned() {
    int[] ports = Ports.distinct(40);
    assertEquals(40, Arrays.stream(ports).distinct().count(), Arrays.toString(ports));
    for (int port : ports) {
      assertTrue(port > 0 && Ports.isFree(port), "port " + port + " is still held");
    }
  }
}
