package com.eplly.ingest.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/** The ingest meters (exposed by actuator, e.g. on {@code /actuator/prometheus}). */
@Component
public class IngestMetrics {

  public static final String ACCEPTED = "eplly.ingest.records.accepted";
  public static final String REJECTED = "eplly.ingest.records.rejected";
  public static final String ALREADY_IN_LAKE = "eplly.ingest.records.already.in.lake";
  public static final String LAKE_FILES = "eplly.ingest.lake.files";
  public static final String BATCH = "eplly.ingest.batch";
  public static final String BATCH_FAILURES = "eplly.ingest.batch.failures";
  public static final String LIVE_SKIPPED = "eplly.ingest.live.skipped";
  public static final String NEWEST_EVENT = "eplly.ingest.newest.event";

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> newest = new ConcurrentHashMap<>();

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void accepted(String topic, int count) {
    Counter.builder(ACCEPTED).description("valid records consumed").tag("topic", topic)
        .register(registry).increment(count);
  }

  public void rejected(String topic, String reason) {
    Counter.builder(REJECTED).description("records sent to the dead-letter topic").tag("topic", topic)
        .tag("reason", RejectionKind.of(reason).tag()).register(registry).increment();
  }

  public void alreadyInLake(String topic, int count) {
    Counter.builder(ALREADY_IN_LAKE).description("records skipped because the lake already held them (replays)")
        .tag("topic", topic).register(registry).increment(count);
  }

  public void lakeFiles(String dataset, int count) {
    Counter.builder(LAKE_FILES).description("lake files published").tag("dataset", dataset)
        .register(registry).increment(count);
  }

  /** Views the live state left out: already applied by an earlier attempt, or dated too far ahead. */
  public void liveSkipped(int alreadyApplied, int future) {
    Counter.builder(LIVE_SKIPPED).description("page views left out of the live state").tag("why", "already-applied")
        .register(registry).increment(alreadyApplied);
    Counter.builder(LIVE_SKIPPED).description("page views left out of the live state").tag("why", "future")
        .register(registry).increment(future);
  }

  /**
   * Events up to {@code eventMillis} (their own timestamp) went through {@code stage}
   * ({@code IngestMinuteTraffic.LAKE}, {@code LIVE}); the stage's newest event only moves forward.
   */
  public void reached(String stage, long eventMillis) {
    newest.computeIfAbsent(stage, s -> {
      AtomicLong at = new AtomicLong(Long.MIN_VALUE);
      Gauge.builder(NEWEST_EVENT, at, a -> a.get() == Long.MIN_VALUE ? Double.NaN : a.get() / 1000.0)
          .description("timestamp (epoch seconds) of the newest event through the stage").baseUnit("seconds")
          .tag("stage", s).register(registry);
      return at;
    }).accumulateAndGet(eventMillis, Math::max);
  }

  /** The newest event's timestamp (epoch ms) per stage, for stages that saw one. */
  public Map<String, Long> newestEvents() {
    Map<String, Long> out = new TreeMap<>();
    newest.forEach((stage, at) -> out.put(stage, at.get()));
    return out;
  }

  /** A counter's total per value of its {@code topic} tag. */
  public Map<String, Double> totalsByTopic(String name) {
    Map<String, Double> out = new TreeMap<>();
    registry.find(name).counters().forEach(c -> out.merge(c.getId().getTag("topic"), c.count(), Double::sum));
    return out;
  }

  public void batchFailed(String topic) {
    Counter.builder(BATCH_FAILURES).description("failed batch deliveries (each is retried)").tag("topic", topic)
        .register(registry).increment();
  }

  public Timer batchTimer(String topic) {
    return Timer.builder(BATCH).description("time to process one batch").tag("topic", topic).register(registry);
  }

  /** Sum of a counter over all its tags; 0 before the first increment. */
  public double total(String name) {
    return registry.find(name).counters().stream().mapToDouble(Counter::count).sum();
  }
}
