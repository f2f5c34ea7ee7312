package com.eplly.bench.faults;

import com.eplly.bench.ingest.LakeAudit;
import com.eplly.contracts.Topics;
import com.eplly.contracts.event.PageView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fault 2: a gzip-compressed page view of {@code recordMb} MB produced to page-views, then
 * {@code views} valid views with the same key. Expects every valid view in the lake within
 * {@link CaseTools#CATCH_UP}, the oversized one in the dead-letter topic, nothing lost or doubled.
 */
public record OversizedRecordSpec(int recordMb, int views) implements FaultSpec {

  @Override
  public String name() {
    return "oversized-record";
  }

  @Override
  public String injected() {
    return "gzip " + recordMb + " MB page view, then " + views + " valid, same key";
  }

  @Override
  public FaultWorker newWorker(CaseTools tools) {
    return new Worker(this, tools);
  }

  /** Injects the fault, sends the case's traffic through it, heals it and checks what came out. */
  static final class Worker extends CaseWorker {

    private final OversizedRecordSpec spec;

    Worker(OversizedRecordSpec spec, CaseTools tools) {
      super(tools);
      this.spec = spec;
    }

    @Override
    public CaseResult run(String name) throws Exception {
      long t0 = System.nanoTime();
      CaseViews views = CaseViews.generate("f2-" + tools.run(), 1, spec.views(), 10, 0, FaultStack.PARTITIONS, System.currentTimeMillis());
      String reader = views.views().get(0).readerId();
      String hugeEventId = UUID.randomUUID().toString();
      byte[] huge = oversizedView(hugeEventId, reader, (long) spec.recordMb() << 20);
      List<String> failures = new ArrayList<>();
      RecordMetadata meta;
      try (Producer<String, byte[]> gzip = gzipProducer()) {
        meta = gzip.send(new ProducerRecord<>(Topics.PAGE_VIEWS, reader, huge)).get(30, TimeUnit.SECONDS);
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        for (PageView v : views.views()) {
          sends.add(gzip.send(new ProducerRecord<>(Topics.PAGE_VIEWS, v.readerId(), tools.codec().encode(v))));
        }
        gzip.flush();
        for (Future<RecordMetadata> f : sends) {
          f.get(30, TimeUnit.SECONDS);
        }
      }
      out.printf(Locale.ROOT, "[faults] oversized-record: %,d-byte view (gzip ~%,d bytes) at %s-%d@%d, then %d valid views with key %s%n",
          huge.length, gzipSize(huge), Topics.PAGE_VIEWS, meta.partition(), meta.offset(), views.size(), reader);

      long dupesBefore = tools.lakeDupes();
      Set<UUID> ids = new HashSet<>(views.eventIds());
      long sentAt = System.nanoTime();
      double caughtUp = -1;
      DeadLetterProbe.Found dlq = null;
      LakeAudit audit;
      try (DeadLetterProbe probe = new DeadLetterProbe(stack.bootstrapServers(), Topics.PAGE_VIEWS_DLQ, reader, hugeEventId)) {
        long deadline = sentAt + CaseTools.CATCH_UP.toNanos();
        while (true) {
          dlq = probe.poll(Duration.ofMillis(250));
          audit = LakeAudit.of(stack.lakeDir(), ids);
          if (caughtUp < 0 && audit.missing() == 0) {
            caughtUp = tools.secondsSince(sentAt);
          }
          if ((caughtUp >= 0 && dlq != null) || System.nanoTime() > deadline) {
            break;
          }
        }
      }
      LiveState live = LiveState.settle(stack.redis(), views, caughtUp >= 0 ? CaseTools.LIVE_SETTLE : Duration.ZERO, Duration.ofMillis(500));
      long dupes = tools.lakeDupes() - dupesBefore;
      long inLake = views.size() - audit.missing();
      if (caughtUp < 0) {
        failures.add(audit.missing() + " of " + views.size() + " valid views not in the lake within " + CaseTools.CATCH_UP.toSeconds() + " s");
      }
      if (dlq == null) {
        failures.add("the oversized record is not in " + Topics.PAGE_VIEWS_DLQ + " within " + CaseTools.CATCH_UP.toSeconds() + " s");
      }
      tools.checkLake(failures, dupes);
      tools.checkLive(failures, live);
      String happened = (caughtUp >= 0 ? String.format(Locale.ROOT, "valid views in lake after %.1f s", caughtUp)
          : String.format(Locale.ROOT, "lake %d/%d after %d s (partition stalled)", inLake, views.size(), CaseTools.CATCH_UP.toSeconds()))
          + "; DLQ: " + (dlq == null ? "nothing" : String.format(Locale.ROOT, "%,d bytes, headers %s", dlq.valueBytes(), dlq.headers()))
          + "; " + live.describe() + tools.ingestNote();
      return new CaseResult(name, spec.injected(), happened, views.size(), inLake, views.size() - inLake,
          live.doubleCounted(), 0, tools.secondsSince(t0), failures.isEmpty(), failures);
    }

    /** A page view whose articleId is {@code size} bytes of a repeating pattern (compresses well, like real padding). */
    private static byte[] oversizedView(String eventId, String reader, long size) {
      String head = "{\"eventId\":\"" + eventId + "\",\"readerId\":\"" + reader + "\",\"articleId\":\"";
      String tail = "\",\"sessionId\":\"" + reader.replace("-r", "-s") + "\",\"timestamp\":" + System.currentTimeMillis() + "}";
      byte[] bytes = new byte[(int) size];
      byte[] h = head.getBytes(StandardCharsets.US_ASCII);
      byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(h, 0, bytes, 0, h.length);
      String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
      for (int i = h.length; i < bytes.length - t.length; i++) {
        bytes[i] = (byte) alphabet.charAt(i % alphabet.length());
      }
      System.arraycopy(t, 0, bytes, bytes.length - t.length, t.length);
      return bytes;
    }

    private static int gzipSize(byte[] bytes) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      try (OutputStream gz = new GZIPOutputStream(buf)) {
        gz.write(bytes);
      } catch (IOException e) {
        return -1;
      }
      return buf.size();
    }

    private Producer<String, byte[]> gzipProducer() {
      return new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
          ProducerConfig.COMPRESSION_TYPE_CONFIG, "gzip",
          ProducerConfig.MAX_REQUEST_SIZE_CONFIG, FaultStack.PAGE_VIEWS_MAX_MESSAGE_BYTES,
          ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024,
          ProducerConfig.CLIENT_ID_CONFIG, "eplly-faults-gzip"),
          new StringSerializer(), new ByteArraySerializer());
    }
  }
}
