package com.eplly.api.recommend;

import com.eplly.api.traffic.TrafficRecorder;
import com.eplly.contracts.serving.Recommended;
import com.eplly.contracts.event.Reason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Recommendation meters: request latency, degraded answers, items served per source (trending,
 * popular and latest are the fallbacks; a rise in them means the models cover less), and
 * impressions, the denominator of click-through (clicks are counted by the event intake:
 * {@code eplly_suggestions_clicks_total / eplly_suggestions_impressions_total}). The same figures
 * go to the {@link TrafficRecorder}, whose per-minute sums every instance adds up in Redis for the
 * console (a Prometheus scrape sees one instance; the console must see them all).
 */
@Component
public class RecommendationMetrics {

  private final Timer latency;
  private final Counter degraded;
  private final Counter impressions;
  private final Map<Reason, Counter> itemsBySource = new EnumMap<>(Reason.class);
  private final TrafficRecorder traffic;

  public RecommendationMetrics(MeterRegistry registry, TrafficRecorder traffic) {
    this.traffic = traffic;
    this.latency = Timer.builder("eplly.recommendations.latency")
        .description("Time to answer a recommendation request")
        .publishPercentileHistogram()
        .register(registry);
    this.degraded = Counter.builder("eplly.recommendations.degraded")
        .description("Answers served from the last-known snapshot because Redis failed")
        .register(registry);
    this.impressions = Counter.builder("eplly.suggestions.impressions")
        .description("Suggestions shown (items served); click-through = clicks / impressions")
        .register(registry);
    for (Reason reason : Reason.values()) {
      itemsBySource.put(reason, Counter.builder("eplly.recommendations.items")
          .description("Items served, by the source (reason) that supplied them")
          .tag("source", reason.wireName())
          .register(registry));
    }
  }

  public <T> T time(Supplier<T> work) {
    long start = System.nanoTime();
    try {
      return work.get();
    } finally {
      long nanos = System.nanoTime() - start;
      latency.record(nanos, TimeUnit.NANOSECONDS);
      traffic.answered(nanos);
    }
  }

  public void degraded() {
    degraded.increment();
    traffic.degraded();
  }

  public void served(List<Recommended> items) {
    impressions.increment(items.size());
    for (Recommended item : items) {
      Reason reason = item.suggestion().reason();
      itemsBySource.get(reason).increment();
      traffic.item(reason);
    }
  }
}
