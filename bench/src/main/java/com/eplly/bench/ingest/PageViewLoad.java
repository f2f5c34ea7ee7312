package com.eplly.bench.ingest;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Sends page views to {@link Topics#PAGE_VIEWS} as fast as the producer allows, keyed by reader,
 * remembering each eventId when asked to, and printing progress every tenth of the load.
 */
public final class PageViewLoad {

  /** How a load went. */
  public record Result(long sent, double seconds) {
    public double perSecond() {
      return sent / Math.max(seconds, 1e-9);
    }
  }

  private final Producer<String, byte[]> producer;
  private final EventCodec codec;
  private final PrintStream out;
  private final AtomicLong sent = new AtomicLong();

  public PageViewLoad(Producer<String, byte[]> producer, EventCodec codec, PrintStream out) {
    this.producer = producer;
    this.codec = codec;
    this.out = out;
  }

  /** Events handed to the producer so far (also while {@link #send} runs on another thread). */
  public long sentSoFar() {
    return sent.get();
  }

  /**
   * Sends all views and waits for every acknowledgement.
   *
   * @param eventIds where to add each sent eventId, or null
   */
  public Result send(Iterator<PageView> views, long expected, Set<UUID> eventIds) {
    AtomicReference<Exception> failure = new AtomicReference<>();
    long step = Math.max(1, expected / 10);
    long t0 = System.nanoTime();
    while (views.hasNext()) {
      PageView v = views.next();
      producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), codec.encode(v)), (meta, e) -> {
        if (e != null) {
          failure.compareAndSet(null, e);
        }
      });
      if (eventIds != null) {
        eventIds.add(UUID.fromString(v.eventId()));
      }
      long n = sent.incrementAndGet();
      if (n % step == 0) {
        out.printf(Locale.ROOT, "  produced %,d / %,d (%.0f events/s)%n", n, expected, n / ((System.nanoTime() - t0) / 1e9));
      }
    }
    producer.flush();
    if (failure.get() != null) {
      throw new IllegalStateException("Kafka refused page views: " + failure.get().getMessage(), failure.get());
    }
    return new Result(sent.get(), (System.nanoTime() - t0) / 1e9);
  }
}
