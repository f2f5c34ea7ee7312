package com.eplly.ingest.privacy;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.privacy.ReaderErasure;
import com.eplly.contracts.privacy.ReaderErasureJson;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.live.LiveStateWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the whole {@code erasures} topic in every ingest instance (all partitions, assigned, no
 * consumer group: from the beginning at start-up, then following it) into {@link ErasedReaders},
 * and deletes each new erasure's keys from Redis ({@link ReaderDataEraser}), retrying with back-off
 * until Redis took it. An erasure is recorded before its keys are deleted, so the listeners write
 * nothing of the reader's past afterwards.
 *
 * <p>At start-up the replay deletes again only erasures younger than the longest lifetime of a
 * reader's keys (plus a day): an older erasure's keys were deleted when it was new, and whatever an
 * in-flight event wrote before it was known has expired since. A model version is the exception,
 * its reader lists living as long as it is active: every version that appears in
 * {@link Keyspace#versions} (all of them at start-up) loses the lists of every known erased reader.
 */
@Component
public class ErasureFollower implements SmartLifecycle {

  /** Metric: erasures whose keys were deleted. */
  public static final String APPLIED = "eplly.ingest.erasures.applied";
  /** Metric: keys deleted for erased readers. */
  public static final String KEYS_DELETED = "eplly.ingest.erasure.keys.deleted";
  /** Metric: deletions Redis did not take (each is tried again); growing while erasures wait for Redis. */
  public static final String FAILED_ATTEMPTS = "eplly.ingest.erasure.attempts.failed";

  private static final Logger log = LoggerFactory.getLogger(ErasureFollower.class);
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration VERSION_CHECK = Duration.ofSeconds(1);
  private static final Duration TOPIC_CHECK = Duration.ofSeconds(5);
  private static final long FIRST_BACK_OFF_MS = 100;
  private static final long MAX_BACK_OFF_MS = 2000;

  private final ConsumerFactory<String, byte[]> consumers;
  private final ErasedReaders erased;
  private final ReaderDataEraser eraser;
  private final LiveStateWriter live;
  private final Clock clock;
  private final Duration replayWindow;
  private final ReaderErasureJson json = new ReaderErasureJson();
  private final Counter applied;
  private final Counter keysDeleted;
  private final Counter rejected;
  private final Counter failedAttempts;
  private final Set<String> sweptVersions = new HashSet<>();
  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private Thread thread;

  public ErasureFollower(ConsumerFactory<String, byte[]> consumers, ErasedReaders erased, ReaderDataEraser eraser,
      LiveStateWriter live, Clock clock, IngestProperties properties, MeterRegistry meters) {
    this.consumers = consumers;
    this.erased = erased;
    this.eraser = eraser;
    this.live = live;
    this.clock = clock;
    this.replayWindow = replayWindow(properties.ingest().live());
    this.applied = Counter.builder(APPLIED).description("erasures whose Redis keys were deleted").register(meters);
    this.keysDeleted = Counter.builder(KEYS_DELETED).description("Redis keys deleted for erased readers")
        .register(meters);
    this.rejected = Counter.builder("eplly.ingest.erasures.rejected")
        .description("erasure records that do not decode (skipped)").register(meters);
    this.failedAttempts = Counter.builder(FAILED_ATTEMPTS)
        .description("erasure deletions Redis did not take (tried again)").register(meters);
  }

  /** Longest lifetime of a key holding a reader's data, plus a day for erasures learnt late. */
  static Duration replayWindow(IngestProperties.Live live) {
    return Stream.of(live.readerRecentTtl(), live.readerFirstReadTtl(), live.sessionRecentTtl(),
            Keyspace.EXPERIMENT_UNIT_TTL)
        .max(Duration::compareTo).orElseThrow().plusDays(1);
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "erasures");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    if (thread == null) {
      return;
    }
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    thread.interrupt();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Before the listeners, which wait for the replay ({@link ErasedReaders#whileCurrent}). */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 200;
  }

  /**
   * Follows the topic until stopped; a failure (Kafka unreachable beyond the client's timeouts) ends
   * the session, and a new one reads the topic again from the beginning after a back-off, which
   * only re-records what is known already.
   */
  private void run() {
    long backOff = FIRST_BACK_OFF_MS;
    while (running) {
      try {
        follow();
      } catch (WakeupException | InterruptedException e) {
        return; // stopping
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        log.warn("Reading the erasures topic failed ({}); reading it again in {} ms", e.toString(), backOff);
        try {
          Thread.sleep(backOff);
        } catch (InterruptedException stop) {
          return;
        }
        backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
      }
    }
  }

  private void follow() throws InterruptedException {
    Properties overrides = new Properties();
    // an erasure must act within seconds: no waiting for a fuller fetch
    overrides.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
    overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(ReaderDataEraser.CHUNK));
    // the topic must be created compacted (TopicLayout), never by a consumer's metadata request
    overrides.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
    try (Consumer<String, byte[]> c = consumers.createConsumer(null, "eplly-erasures", null, overrides)) {
      consumer = c;
      Map<TopicPartition, Long> end = assignWholeTopic(c);
      long nextVersionCheck = 0;
      while (running) {
        List<ReaderErasure> fresh = new ArrayList<>();
        long oldest = clock.millis() - replayWindow.toMillis();
        for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
          ReaderErasure e = decode(r);
          if (e != null && erased.record(e) && e.erasedAt() >= oldest) {
            fresh.add(e);
          }
        }
        if (!fresh.isEmpty()) {
          // the remembered heads of the reader's sessions would pair a later read with an erased one
          live.forgetSessionHeads();
          List<String> readers = fresh.stream().map(ReaderErasure::readerId).distinct().toList();
          long deleted = untilDone(() -> eraser.erase(readers), "erase " + readers.size() + " reader(s)");
          applied.increment(readers.size());
          keysDeleted.increment(deleted);
          log.info("Erased {} reader(s) from Redis: {} key(s) deleted", readers.size(), deleted);
        }
        if (!erased.isLoaded() && caughtUp(c, end)) {
          erased.loaded();
          log.info("Erasures topic read: {} erased reader(s) known", erased.all().size());
        }
        if (erased.isLoaded() && clock.millis() >= nextVersionCheck) {
          sweepNewVersions();
          nextVersionCheck = clock.millis() + VERSION_CHECK.toMillis();
        }
      }
    } finally {
      consumer = null;
    }
  }

  /**
   * Assigns every partition of the topic from the beginning; returns the end offsets the start-up
   * replay must reach. While the topic does not exist there is nothing to replay: the listeners go
   * on, and the topic is looked for again every few seconds.
   */
  private Map<TopicPartition, Long> assignWholeTopic(Consumer<String, byte[]> c) throws InterruptedException {
    while (running) {
      List<PartitionInfo> infos = c.partitionsFor(Topics.ERASURES);
      if (infos != null && !infos.isEmpty()) {
        List<TopicPartition> partitions = infos.stream()
            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return c.endOffsets(partitions);
      }
      if (!erased.isLoaded()) {
        log.warn("Topic {} does not exist: no erasure to replay; looking for it every {}", Topics.ERASURES,
            TOPIC_CHECK);
        erased.loaded();
      }
      Thread.sleep(TOPIC_CHECK.toMillis());
    }
    throw new InterruptedException("stopping");
  }

  private static boolean caughtUp(Consumer<String, byte[]> c, Map<TopicPartition, Long> end) {
    for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
      if (c.position(e.getKey()) < e.getValue()) {
        return false;
      }
    }
    return true;
  }

  private ReaderErasure decode(ConsumerRecord<String, byte[]> r) {
    if (r.value() == null) {
      return null; // a tombstone: nobody should send one, and it un-erases nothing
    }
    Decoded<ReaderErasure> decoded = json.read(r.value());
    if (decoded instanceof Decoded.Valid<ReaderErasure> v) {
      return v.value();
    }
    rejected.increment();
    log.warn("Skipped erasure record at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(),
        ((Decoded.Invalid<ReaderErasure>) decoded).reason());
    return null;
  }

  /** Deletes the known erased readers' lists from each version not seen before (one published since). */
  private void sweepNewVersions() {
    List<String> versions;
    try {
      versions = eraser.versions();
    } catch (RuntimeException e) {
      log.warn("Cannot list the published versions ({}); trying again in {}", e.toString(), VERSION_CHECK);
      return;
    }
    sweptVersions.retainAll(versions);
    List<String> readers = null;
    for (String version : versions) {
      if (sweptVersions.contains(version)) {
        continue;
      }
      if (readers == null) {
        readers = erased.all().stream().map(ReaderErasure::readerId).toList();
      }
      if (!readers.isEmpty()) {
        List<String> erasedReaders = readers;
        long deleted;
        try {
          deleted = untilDone(() -> eraser.eraseReaderLists(version, erasedReaders), "sweep version " + version);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        keysDeleted.increment(deleted);
        if (deleted > 0) {
          log.info("Version {} held {} erased reader list(s); deleted them", version, deleted);
        }
      }
      sweptVersions.add(version);
    }
  }

  /** Runs {@code deletion} until Redis takes it, backing off between attempts; only a stop ends it early. */
  private long untilDone(LongSupplier deletion, String what) throws InterruptedException {
    long backOff = FIRST_BACK_OFF_MS;
    while (true) {
      try {
        return deletion.getAsLong();
      } catch (RuntimeException e) {
        if (!running) {
          throw new InterruptedException("stopping");
        }
        failedAttempts.increment();
        log.warn("Cannot {} yet ({}); retrying in {} ms", what, e.toString(), backOff);
        Thread.sleep(backOff);
        backOff = Math.min(MAX_BACK_OFF_MS, backOff * 2);
      }
    }
  }
}
