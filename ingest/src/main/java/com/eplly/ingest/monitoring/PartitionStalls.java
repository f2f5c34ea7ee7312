package com.eplly.ingest.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

/**
 * Since when each consumed partition's deliveries keep failing: a streak starts at the first failed
 * delivery and ends when a batch of the partition succeeds or is recovered, or the partition changes
 * owner. Exposed as the gauge {@value #STUCK_SECONDS} (tags topic, partition; 0 when flowing) and read
 * by {@link PartitionHealthIndicator}.
 */
@Component
public class PartitionStalls {

  public static final String STUCK_SECONDS = "eplly.ingest.partition.stuck.seconds";

  /** A failing streak: when it began and the latest failure, in one line. */
  public record Stall(Instant since, String lastError) {}

  private final Clock clock;
  private final MeterRegistry registry;
  private final Map<TopicPartition, Stall> stalls = new ConcurrentHashMap<>();
  private final Set<TopicPartition> gauged = ConcurrentHashMap.newKeySet();

  public PartitionStalls(Clock clock, MeterRegistry registry) {
    this.clock = clock;
    this.registry = registry;
  }

  /** A delivery of these partitions failed; starts their streak unless one is running. */
  public void failed(Collection<TopicPartition> partitions, String error) {
    Instant now = clock.instant();
    for (TopicPartition tp : partitions) {
      gauge(tp);
      stalls.compute(tp, (k, old) -> new Stall(old == null ? now : old.since(), error));
    }
  }

  /** These partitions moved on (a batch succeeded or was recovered). */
  public void progressed(Collection<TopicPartition> partitions) {
    for (TopicPartition tp : partitions) {
      gauge(tp);
      stalls.remove(tp);
    }
  }

  /** These partitions left this consumer; whoever gets them next keeps its own clock. */
  public void forget(Collection<TopicPartition> partitions) {
    partitions.forEach(stalls::remove);
  }

  /** How long {@code tp} has been failing; zero when it is not. */
  public Duration stuckFor(TopicPartition tp) {
    Stall s = stalls.get(tp);
    if (s == null) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(s.since(), clock.instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The running streaks, ordered by topic and partition. */
  public Map<TopicPartition, Stall> current() {
    Map<TopicPartition, Stall> out = new TreeMap<>((a, b) -> a.topic().equals(b.topic())
        ? Integer.compare(a.partition(), b.partition()) : a.topic().compareTo(b.topic()));
    out.putAll(stalls);
    return out;
  }

  private void gauge(TopicPartition tp) {
    if (gauged.add(tp)) {
      Gauge.builder(STUCK_SECONDS, this, s -> s.stuckFor(tp).toMillis() / 1000.0)
          .description("seconds the partition's deliveries have kept failing (0 when it flows)")
          .tag("topic", tp.topic()).tag("partition", Integer.toString(tp.partition()))
          .baseUnit("seconds")
          .register(registry);
    }
  }
}
