package com.eplly.ingest.monitoring;

import com.eplly.ingest.lake.LakeWriter;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Health of the event lake folder (actuator {@code lake}): down when files cannot be written. */
@Component("lake")
public class LakeHealthIndicator extends AbstractHealthIndicator {

  private final LakeWriter lake;

  public LakeHealthIndicator(LakeWriter lake) {
    this.lake = lake;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("location", lake.storage().location());
    if (lake.storage().isWritable()) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
