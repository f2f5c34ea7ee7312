package com.eplly.recommender.publish;

import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.redis.RegistryException;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.recommender.evaluate.ValidationDocument;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.StoredVersion;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.train.Progress;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Publishes a trained version to Redis: every list key with a TTL (written from the Spark
 * partitions in pipelined batches), the popular list and the meta hash (recording that TTL, which
 * activation and the api's keep-alive extend the keys to again), then registers the version and,
 * only once all of that succeeded, flips the active pointer to it, if the pointer still names the
 * version that was active when the publish started (else it fails and leaves the pointer alone).
 */
public final class PublishJob {

  public static final int STEPS = 4;
  /** Commands per pipeline round trip. */
  public static final int BATCH = 1_000;

  private final SparkSession spark;
  private final ModelStore store;
  private final RedisEndpoint redis;
  private final Clock clock;
  private final Progress progress;

  public PublishJob(SparkSession spark, ModelStore store, RedisEndpoint redis, Clock clock, Progress progress) {
    this.spark = spark;
    this.store = store;
    this.redis = redis;
    this.clock = clock;
    this.progress = progress;
  }

  /** Publishes {@code version} if the default {@link QualityGate} lets it replace the active one. */
  public PublishResult publish(String version, Duration ttl) {
    return publish(version, ttl, QualityGate.defaults(), false);
  }

  /**
   * Publishes {@code version}: first asks {@code gate} whether it may replace the active version
   * and, refused without {@code force}, throws {@link GateRefused} before writing anything. The
   * verdict (forced or not) is recorded in the version's meta hash.
   */
  public PublishResult publish(String version, Duration ttl, QualityGate gate, boolean force) {
    long started = System.nanoTime();
    ModelMeta meta = store.readMeta(version);
    StoredVersion stored = store.version(version);
    long ttlSeconds = Math.max(1, ttl.toSeconds());
    String previous;
    try (UnifiedJedis client = redis.open()) {
      previous = new VersionRegistry(client).active().orElse(null);
    }
    QualityGate.Verdict verdict = gate.judge(meta, Optional.ofNullable(previous),
        previous != null && store.exists(previous) ? Optional.of(store.readMeta(previous)) : Optional.empty());
    if (!verdict.passed() && !force) {
      throw new GateRefused(version, verdict);
    }
    String gateLine = (verdict.passed() ? "" : "forced, ") + verdict.line();
    progress.note("quality gate " + gateLine);

    progress.begin("article lists -> " + redis.display());
    long articleKeys = writeLists(stored.articleLists(), ListKind.ARTICLE, version, ttlSeconds);
    progress.end(String.format("%,d keys", articleKeys));

    progress.begin("reader lists -> " + redis.display());
    long readerKeys = writeLists(stored.readerLists(), ListKind.READER, version, ttlSeconds);
    progress.end(String.format("%,d keys", readerKeys));

    try (UnifiedJedis client = redis.open()) {
      progress.begin("popular list and version meta");
      List<Suggestion> popular = readPopular(stored);
      Instant publishedAt = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
      Map<String, String> hash = metaHash(meta, publishedAt, ttlSeconds);
      hash.put(VersionMetaFields.GATE, gateLine);
      writeSingles(client, version, popular, hash, ttlSeconds);
      progress.end(String.format(java.util.Locale.ROOT, "%d popular articles; keys expire in %.1f days",
          popular.size(), ttlSeconds / 86_400.0));

      progress.begin("activating " + version);
      VersionRegistry registry = new VersionRegistry(client);
      registry.register(version, publishedAt);
      try {
        registry.switchToFresh(version, previous);
      } catch (RegistryException e) {
        throw new RegistryException(e.kind(), version + " is published but not active: " + e.getMessage()
            + "; 'reco activate " + version + "' makes it active");
      }
      progress.end("active: " + version + (previous == null ? "" : " (was " + previous + ")"));
      return new PublishResult(version, articleKeys, readerKeys, popular.size(), previous, gateLine,
          (System.nanoTime() - started) / 1e9);
    }
  }

  private long writeLists(String path, ListKind kind, String version, long ttlSeconds) {
    Dataset<Row> lists = spark.read().parquet(path);
    long expected = lists.count();
    LongAccumulator written = spark.sparkContext().longAccumulator("reco " + kind + " keys");
    lists.foreachPartition(new ListWriter(redis, kind, version, ttlSeconds, BATCH, written));
    if (written.value() != expected) {
      throw new IllegalStateException("wrote " + written.value() + " of " + expected + " " + kind
          + " lists; version not activated");
    }
    return expected;
  }

  private List<Suggestion> readPopular(StoredVersion stored) {
    List<Row> rows = spark.read().parquet(stored.popularList()).collectAsList();
    return rows.isEmpty() ? List.of() : SuggestionLists.fromRow(rows.get(0));
  }

  private static void writeSingles(UnifiedJedis client, String version, List<Suggestion> popular,
      Map<String, String> meta, long ttlSeconds) {
    try (AbstractPipeline p = client.pipelined()) {
      List<Response<?>> responses = List.of(
          p.set(Keyspace.popularList(version), SuggestionListCodec.encode(popular), SetParams.setParams().ex(ttlSeconds)),
          p.del(Keyspace.versionMeta(version)),
          p.hset(Keyspace.versionMeta(version), meta),
          p.expire(Keyspace.versionMeta(version), ttlSeconds));
      p.sync();
      responses.forEach(Response::get);
    }
  }

  /** The validation cut-off and the served path's validation figures at 10, when the version tuned itself. */
  public static Map<String, String> validationFields(ModelMeta meta) {
    Map<String, String> out = new LinkedHashMap<>();
    ValidationDocument validation = new ValidationDocument(meta.validation());
    validation.cutOff().ifPresent(cutOff -> out.put(VersionMetaFields.VALIDATION_CUT_OFF, cutOff));
    ValidationDocument.Figures at10 = validation.served(QualityGate.CUT);
    if (at10.present()) {
      out.put(VersionMetaFields.VALIDATION_HR10, String.valueOf(at10.hr()));
      out.put(VersionMetaFields.VALIDATION_MRR10, String.valueOf(at10.mrr()));
      out.put(VersionMetaFields.VALIDATION_COVERAGE10, String.valueOf(at10.coverage()));
    }
    return out;
  }

  static Map<String, String> metaHash(ModelMeta meta, Instant publishedAt, long ttlSeconds) {
    Map<String, String> hash = new LinkedHashMap<>();
    hash.put(VersionMetaFields.TTL_SECONDS, Long.toString(ttlSeconds));
    hash.put(VersionMetaFields.CREATED, meta.createdAt());
    hash.put(VersionMetaFields.PUBLISHED, publishedAt.toString());
    hash.put(VersionMetaFields.REFERENCE_TIME, meta.referenceTime());
    meta.input().forEach((k, v) -> hash.put(k, Long.toString(v)));
    meta.output().forEach((k, v) -> hash.put(k, Long.toString(v)));
    hash.put(VersionMetaFields.TRAIN_SECONDS, Double.toString(meta.trainSeconds()));
    hash.putAll(validationFields(meta));
    try {
      hash.put(VersionMetaFields.PARAMS, JsonMapper.builder().build().writeValueAsString(new TreeMap<>(meta.params())));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode params of " + meta.version(), e);
    }
    return hash;
  }
}
