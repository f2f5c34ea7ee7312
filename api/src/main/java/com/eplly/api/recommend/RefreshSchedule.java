package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/** Starts the periodic refreshes of the active version and of the fallback snapshot. */
@Component
class RefreshSchedule {

  private final TaskScheduler scheduler;
  private final ActiveVersion activeVersion;
  private final ServingSnapshot snapshot;
  private final EpllyProperties.Recommend settings;

  RefreshSchedule(
      TaskScheduler scheduler, ActiveVersion activeVersion, ServingSnapshot snapshot,
      EpllyProperties properties) {
    this.scheduler = scheduler;
    this.activeVersion = activeVersion;
    this.snapshot = snapshot;
    this.settings = properties.recommend();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    // The version first, so that the first snapshot already carries the popular list.
    activeVersion.refresh();
    scheduler.scheduleWithFixedDelay(activeVersion::refresh, settings.versionRefresh());
    scheduler.scheduleWithFixedDelay(snapshot::refresh, settings.snapshotRefresh());
  }
}
