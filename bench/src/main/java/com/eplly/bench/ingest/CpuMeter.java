package com.eplly.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import redis.clients.jedis.Jedis;

/**
 * CPU seconds spent so far by the processes of a benchmark: this JVM (which hosts the broker),
 * a child process, and redis-server. On a shared machine, events per CPU second compare fairly
 * where events per wall second only tell how busy the neighbours were.
 */
public final class CpuMeter {

  private CpuMeter() {}

  /** CPU seconds of this JVM (broker included). */
  public static double thisJvm() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
  }

  /** CPU seconds of a running process; 0 when the OS does not tell. */
  public static double process(long pid) {
    return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L) / 1e9;
  }

  /** CPU seconds of the redis-server behind {@code jedis} (user + system). */
  public static double redis(Jedis jedis) {
    String info = jedis.info("cpu");
    return field(info, "used_cpu_user") + field(info, "used_cpu_sys");
  }

  private static double field(String info, String name) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(name + ":")) {
        return Double.parseDouble(line.substring(name.length() + 1).trim());
      }
    }
    throw new IllegalStateException("INFO cpu has no " + name);
  }
}
