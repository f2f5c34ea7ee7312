package com.eplly.ingest.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eplly.contracts.privacy.ReaderErasure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The in-flight rule: what an erasure covers, which erasure of a reader counts, and the write gate. */
class ErasedReadersTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ErasedReaders erased = new ErasedReaders(meters);

  @Test
  void coversTheReadersEventsSentAtOrBeforeTheErasureOnly() {
    erased.record(new ReaderErasure("r-1", 1_000, "admin"));

    assertThat(erased.covers("r-1", 999)).isTrue();
    assertThat(erased.covers("r-1", 1_000)).isTrue();
    assertThat(erased.covers("r-1", 1_001)).as("sent after the erasure: new data").isFalse();
    assertThat(erased.covers("r-2", 500)).isFalse();
    assertThat(erased.covers(null, 500)).isFalse();
  }

  @Test
  void theNewestErasureOfAReaderWinsWhateverTheOrder() {
    assertThat(erased.record(new ReaderErasure("r-1", 2_000, "admin"))).isTrue();
    assertThat(erased.record(new ReaderErasure("r-1", 1_000, "admin"))).isFalse();
    assertThat(erased.covers("r-1", 1_500)).isTrue();
    assertThat(erased.record(new ReaderErasure("r-1", 3_000, "ops"))).isTrue();
    assertThat(erased.all()).containsExactly(new ReaderErasure("r-1", 3_000, "ops"));
  }

  @Test
  void withoutErasedDropsCoveredEventsAndCountsThem() {
    erased.record(new ReaderErasure("r-1", 1_000, "admin"));
    record Event(String reader, long time) {}
    List<Event> events = List.of(new Event("r-1", 900), new Event("r-2", 900), new Event("r-1", 1_100));

    assertThat(erased.withoutErased(events, Event::reader, Event::time, "live"))
        .containsExactly(new Event("r-2", 900), new Event("r-1", 1_100));
    assertThat(meters.counter(ErasedReaders.DROPPED, "stage", "live").count()).isEqualTo(1.0);
  }

  @Test
  void writesWaitForTheTopicToBeReadAndAnErasureWaitsForWritesInProgress() throws Exception {
    erased.loaded();
    CountDownLatch writing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread writer = new Thread(() -> erased.whileCurrent(() -> {
      writing.countDown();
      await(release);
      return null;
    }));
    writer.start();
    writing.await(10, TimeUnit.SECONDS);
    AtomicBoolean recorded = new AtomicBoolean();
    Thread eraser = new Thread(() -> recorded.set(erased.record(new ReaderErasure("r-1", 1_000, "admin"))));
    eraser.start();
    eraser.join(200);
    assertThat(recorded).as("recorded while a write was in progress").isFalse();
    release.countDown();
    eraser.join(10_000);
    assertThat(recorded).isTrue();
    writer.join(10_000);
  }

  @Test
  void aWriteBeforeTheTopicIsReadFailsSoItsBatchIsRetried() {
    // not loaded: the wait is bounded, then the batch fails
    ErasedReaders unread = new ErasedReaders(meters, java.time.Duration.ofMillis(1));
    assertThatThrownBy(() -> unread.whileCurrent(() -> 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("erasures topic is not read yet");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
