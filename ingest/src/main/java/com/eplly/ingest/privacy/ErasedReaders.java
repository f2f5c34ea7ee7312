package com.eplly.ingest.privacy;

import com.eplly.contracts.privacy.ReaderErasure;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Every erasure this process has read from the {@code erasures} topic (the newest per reader), and
 * the gate that keeps an erased reader's in-flight events out of Redis.
 *
 * <p>A listener that writes reader state runs its filter-and-write under {@link #whileCurrent}; a new
 * erasure is {@link #record recorded} only when no such write is in progress. So once
 * {@code record} returned, every later write sees the erasure, and every earlier one is finished:
 * deleting the reader's keys after {@code record} leaves nothing behind.
 */
@Component
public class ErasedReaders {

  /** Metric: events left out of Redis because their reader was erased after they were sent. */
  public static final String DROPPED = "eplly.ingest.erasure.events.dropped";

  /** How long a writer waits for the start-up replay of the topic before its batch fails (and is retried). */
  static final Duration LOAD_WAIT = Duration.ofSeconds(10);

  private final Map<String, ReaderErasure> byReader = new ConcurrentHashMap<>();
  private final ReadWriteLock gate = new ReentrantReadWriteLock();
  private final CountDownLatch loaded = new CountDownLatch(1);
  private final MeterRegistry meters;
  private final Duration loadWait;

  @Autowired
  public ErasedReaders(MeterRegistry meters) {
    this(meters, LOAD_WAIT);
  }

  ErasedReaders(MeterRegistry meters, Duration loadWait) {
    this.meters = meters;
    this.loadWait = loadWait;
  }

  /**
   * Records an erasure, waiting for the writes in progress to finish; the newest per reader wins.
   *
   * @return whether it is newer than what was known of that reader (an older one changes nothing)
   */
  public boolean record(ReaderErasure erasure) {
    gate.writeLock().lock();
    try {
      ReaderErasure known = byReader.get(erasure.readerId());
      if (known != null && known.erasedAt() >= erasure.erasedAt()) {
        return false;
      }
      byReader.put(erasure.readerId(), erasure);
      return true;
    } finally {
      gate.writeLock().unlock();
    }
  }

  /** Marks the start-up replay of the topic done: writers may go on. */
  public void loaded() {
    loaded.countDown();
  }

  public boolean isLoaded() {
    return loaded.getCount() == 0;
  }

  /** Whether an event of {@code readerId} with Kafka record time {@code recordTimeMs} belongs to an erased past. */
  public boolean covers(String readerId, long recordTimeMs) {
    ReaderErasure erasure = readerId == null ? null : byReader.get(readerId);
    return erasure != null && erasure.covers(readerId, recordTimeMs);
  }

  /** Every known erasure. */
  public List<ReaderErasure> all() {
    return new ArrayList<>(byReader.values());
  }

  /**
   * Runs a write of reader state so that no erasure is recorded meanwhile; first waits (at most
   * {@link #LOAD_WAIT}) for the start-up replay, so a backlog is never written before the erasures
   * that cover it are known.
   *
   * @throws IllegalStateException when the replay is not done in time (the batch is retried)
   */
  public <T> T whileCurrent(Supplier<T> write) {
    try {
      if (!loaded.await(loadWait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the erasures topic is not read yet; reader state waits for it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the erasures topic", e);
    }
    gate.readLock().lock();
    try {
      return write.get();
    } finally {
      gate.readLock().unlock();
    }
  }

  /**
   * {@code events} without those of erased readers sent at or before their erasure (call inside
   * {@link #whileCurrent}); counts what it drops under {@code stage}.
   */
  public <T> List<T> withoutErased(List<T> events, Function<T, String> reader, ToLongFunction<T> recordTime,
      String stage) {
    if (byReader.isEmpty()) {
      return events;
    }
    List<T> kept = new ArrayList<>(events.size());
    for (T e : events) {
      if (!covers(reader.apply(e), recordTime.applyAsLong(e))) {
        kept.add(e);
      }
    }
    int dropped = events.size() - kept.size();
    if (dropped > 0) {
      Counter.builder(DROPPED).description("events of erased readers, sent before the erasure, kept out of Redis")
          .tag("stage", stage).register(meters).increment(dropped);
    }
    return kept;
  }
}
