package com.eplly.ingest.pageviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.catalog.KnownArticles;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.deadletter.DeadLetterPublisher;
import com.eplly.ingest.lake.LakeWriter;
import com.eplly.ingest.lake.LocalLakeStorage;
import com.eplly.ingest.live.LiveStateWriter;
import com.eplly.ingest.monitoring.IngestMetrics;
import com.eplly.ingest.privacy.ErasedReaders;
import com.eplly.ingest.support.EmptyRedisTest;
import com.eplly.ingest.support.LiveStateSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A batch whose lake write fails after its live-state update is retried, as Spring Kafka's error
 * handler does: the lake then holds each view once and the live state counts each view once, equal
 * to a run without the failure. The lake write fails for real (a non-empty folder squats the temporary file's name).
 */
@Tag("slow")
class PageViewListenerRetryTest extends EmptyRedisTest {

  private static final long NOW = System.currentTimeMillis();

  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  @Test
  void aLakeWriteFailingAfterTheLiveUpdateCountsNothingTwice(@TempDir Path cleanLake, @TempDir Path faultyLake)
      throws IOException {
    List<ConsumerRecord<String, byte[]>> batch = batch(60);
    listener(cleanLake, new SimpleMeterRegistry()).onBatch(batch);
    Map<String, Object> clean = liveState();

    redis.flushAll();
    Path dir = faultyLake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(NOW));
    Path squatter = dir.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(0, 0, batch.size() - 1));
    Files.createDirectories(squatter);
    Files.writeString(squatter.resolve("keeps-it-non-empty"), "x"); // neither clean-up nor publish can remove it
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    PageViewListener listener = listener(faultyLake, meters);

    assertThatThrownBy(() -> listener.onBatch(batch)).hasMessageContaining("cannot write lake file");
    assertThat(redis.llen(Keyspace.readerRecent("r-0"))).as("the live update ran before the failure").isPositive();
    Files.delete(squatter.resolve("keeps-it-non-empty"));
    Files.delete(squatter);
    listener.onBatch(batch); // the redelivery

    assertThat(liveState()).isEqualTo(clean);
    assertThat(meters.get(IngestMetrics.LIVE_SKIPPED).tag("why", "already-applied").counter().count())
        .isEqualTo(batch.size());
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactly(LakeLayout.fileName(0, 0, batch.size() - 1));
    }
  }

  private List<ConsumerRecord<String, byte[]>> batch(int count) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String reader = "r-" + (i % 6);
      PageView v = new PageView(java.util.UUID.nameUUIDFromBytes(("e-" + i).getBytes()).toString(), reader, "a-" + (i * 7 % 11), "s-" + reader, NOW, null, null);
      records.add(new ConsumerRecord<>(Topics.PAGE_VIEWS, 0, i, reader, codec.encode(v)));
    }
    return records;
  }

  private PageViewListener listener(Path lake, SimpleMeterRegistry meters) {
    IngestProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
        "eplly.ingest.lake-path", lake.toString()))).bindOrCreate("eplly", IngestProperties.class);
    return new PageViewListener(codec, new DeadLetterPublisher(null, Duration.ofSeconds(1)),
        new LakeWriter(new LocalLakeStorage(lake)), new LiveStateWriter(redis, properties, Clock.systemUTC()),
        new KnownArticles(redis), loadedErasures(meters), new IngestMetrics(meters), properties);
  }

  /** No reader erased, the (absent) erasures topic read. */
  private static ErasedReaders loadedErasures(SimpleMeterRegistry meters) {
    ErasedReaders erased = new ErasedReaders(meters);
    erased.loaded();
    return erased;
  }

  private Map<String, Object> liveState() {
    Map<String, Object> state = LiveStateSnapshot.of(redis);
    assertThat(state).isNotEmpty();
    return state;
  }
}
