package com.eplly.ingest.monitoring;

import com.eplly.ingest.config.IngestProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Logs one summary line per interval (records/s, rejects, lake files) instead of a line per event. */
@Component
public class ThroughputLog implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ThroughputLog.class);

  private final IngestMetrics metrics;
  private final Duration interval;
  private ScheduledExecutorService scheduler;
  private double lastAccepted;
  private double lastRejected;
  private double lastFiles;
  private double lastSkipped;

  public ThroughputLog(IngestMetrics metrics, IngestProperties properties) {
    this.metrics = metrics;
    this.interval = properties.ingest().summaryInterval();
  }

  @Override
  public synchronized void start() {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "ingest-summary");
      t.setDaemon(true);
      return t;
    });
    long ms = interval.toMillis();
    scheduler.scheduleAtFixedRate(this::logSummary, ms, ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
      logSummary();
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return scheduler != null;
  }

  synchronized void logSummary() {
    double accepted = metrics.total(IngestMetrics.ACCEPTED);
    double rejected = metrics.total(IngestMetrics.REJECTED);
    double files = metrics.total(IngestMetrics.LAKE_FILES);
    double skipped = metrics.total(IngestMetrics.ALREADY_IN_LAKE);
    double newAccepted = accepted - lastAccepted;
    if (newAccepted > 0 || rejected > lastRejected || skipped > lastSkipped) {
      log.info(String.format(Locale.ROOT,
          "ingest: %.0f accepted (%.1f/s), %.0f rejected, %.0f already in lake, %.0f lake files in the last %ds; totals %.0f accepted, %.0f rejected",
          newAccepted, newAccepted / Math.max(1, interval.toSeconds()), rejected - lastRejected,
          skipped - lastSkipped, files - lastFiles, interval.toSeconds(), accepted, rejected));
    }
    lastAccepted = accepted;
    lastRejected = rejected;
    lastFiles = files;
    lastSkipped = skipped;
  }
}
