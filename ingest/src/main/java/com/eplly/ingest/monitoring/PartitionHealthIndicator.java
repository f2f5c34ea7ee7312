package com.eplly.ingest.monitoring;

import com.eplly.ingest.config.IngestProperties;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of consumption (actuator {@code partitions}): down while any partition has kept failing for
 * longer than {@code eplly.ingest.retry.stuck-after}, whatever the cause; details name the failing
 * partitions, for how long and why.
 */
@Component("partitions")
public class PartitionHealthIndicator extends AbstractHealthIndicator {

  private final PartitionStalls stalls;
  private final Duration stuckAfter;

  public PartitionHealthIndicator(PartitionStalls stalls, IngestProperties properties) {
    this.stalls = stalls;
    this.stuckAfter = properties.ingest().retry().stuckAfter();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    boolean stuck = false;
    Map<String, Object> failing = new LinkedHashMap<>();
    for (var e : stalls.current().entrySet()) {
      Duration d = stalls.stuckFor(e.getKey());
      stuck |= d.compareTo(stuckAfter) >= 0;
      failing.put(e.getKey().toString(), Map.of("failingForSeconds", d.toSeconds(), "lastError", e.getValue().lastError()));
    }
    builder.withDetail("stuckAfterSeconds", stuckAfter.toSeconds()).withDetail("failing", failing);
    if (stuck) {
      builder.down();
    } else {
      builder.up();
    }
  }
}
