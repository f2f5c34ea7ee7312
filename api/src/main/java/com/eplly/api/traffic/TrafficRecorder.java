package com.eplly.api.traffic;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.traffic.LatencyBuckets;
import com.eplly.contracts.traffic.MinuteTraffic;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * This instance's recommendation traffic since the last {@link #drain()}: answers, degraded answers,
 * latency per fixed bucket and items per reason. Fed on every request by {@code RecommendationMetrics}
 * beside its Micrometer meters; adders, so the hot path takes no lock and touches no Redis.
 */
@Component
public class TrafficRecorder {

  private final LongAdder requests = new LongAdder();
  private final LongAdder degraded = new LongAdder();
  private final LongAdder[] latency = new LongAdder[LatencyBuckets.COUNT];
  private final Map<Reason, LongAdder> items = new EnumMap<>(Reason.class);

  public TrafficRecorder() {
    for (int i = 0; i < latency.length; i++) {
      latency[i] = new LongAdder();
    }
    for (Reason reason : Reason.values()) {
      items.put(reason, new LongAdder());
    }
  }

  /** One answer and how long it took. */
  public void answered(long nanos) {
    requests.increment();
    latency[LatencyBuckets.index(nanos)].increment();
  }

  public void degraded() {
    degraded.increment();
  }

  public void item(Reason reason) {
    items.get(reason).increment();
  }

  /**
   * What was recorded since the last call, and starts over. A request recorded while this runs
   * lands in this drain or the next one, never in both nor in neither.
   */
  public MinuteTraffic drain() {
    long[] buckets = new long[latency.length];
    for (int i = 0; i < latency.length; i++) {
      buckets[i] = latency[i].sumThenReset();
    }
    Map<String, Long> byReason = new HashMap<>();
    items.forEach((reason, n) -> {
      long count = n.sumThenReset();
      if (count > 0) {
        byReason.put(reason.wireName(), count);
      }
    });
    return new MinuteTraffic(requests.sumThenReset(), degraded.sumThenReset(), buckets, byReason);
  }
}
