package com.eplly.ingest.monitoring;

import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.lake.LakeWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the event lake (actuator {@code lake}): down when a real write under the lake root fails
 * (full, read-only, gone). The probe's result is reused for {@code eplly.ingest.lake-probe-interval}
 * so frequent health polls cost at most one small fsynced file per interval.
 */
@Component("lake")
public class LakeHealthIndicator extends AbstractHealthIndicator {

  private final LakeWriter lake;
  private final Clock clock;
  private final Duration interval;
  private Probe last;

  /** One probe's outcome: empty problem means the write worked. */
  private record Probe(Instant at, Optional<String> problem) {}

  public LakeHealthIndicator(LakeWriter lake, Clock clock, IngestProperties properties) {
    this.lake = lake;
    this.clock = clock;
    this.interval = properties.ingest().lakeProbeInterval();
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Probe probe = probe();
    builder.withDetail("location", lake.storage().location()).withDetail("probedAt", probe.at().toString());
    probe.problem().ifPresentOrElse(p -> builder.down().withDetail("error", p), builder::up);
  }

  private synchronized Probe probe() {
    Instant now = clock.instant();
    if (last == null || !now.isBefore(last.at().plus(interval)) || now.isBefore(last.at())) {
      last = new Probe(now, lake.storage().writeProblem());
    }
    return last;
  }
}
