package com.eplly.ingest.config;

import com.eplly.contracts.redis.RedisSettings;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * All settings of the ingest process (prefix {@code eplly}); the one place its configuration is
 * typed and documented. Kafka connection settings stay with Boot ({@code spring.kafka.*}).
 *
 * @param redis  where the live state and catalog are written ({@code eplly.redis.*}, the settings the api
 *               and the CLI share)
 * @param ingest how records are consumed, stored and bounded
 */
@ConfigurationProperties("eplly")
public record IngestProperties(@DefaultValue RedisSettings redis, @DefaultValue Ingest ingest) {

  /**
   * The ingest pipeline ({@code eplly.ingest.*}).
   *
   * @param lakePath        root of the event lake: a folder (relative to the working directory) or a URI
   *                        ({@code file:///…}; with {@code lake-storage: hadoop} also {@code hdfs://…}, {@code s3a://…})
   * @param lakeStorage     how the lake is written: {@code local} (java.nio, fsync) or {@code hadoop} (a Hadoop
   *                        FileSystem chosen by the URI's scheme, hsync); both publish files atomically
   * @param lakeHadoop      extra Hadoop settings for {@code lake-storage: hadoop}, e.g.
   *                        {@code eplly.ingest.lake-hadoop[dfs.replication]=3} or {@code [fs.s3a.endpoint]}
   * @param kafka           consumer settings
   * @param retry           back-off of a failed batch (Redis down, disk error); retried forever, never skipped
   * @param live            caps and lifetimes of the live state in Redis
   * @param catalog         caps and lifetimes of the article catalog in Redis
   * @param content         the live content-similarity index and the {@code similar:{id}} sets it writes
   * @param summaryInterval how often a one-line throughput summary is logged
   * @param requireKnownArticle dead-letter page views whose articleId has no {@code article:{id}} hash in
   *                        Redis (reason "unknown article"); costs one pipelined Redis read per batch. Off by
   *                        default because a view may arrive before its article's catalog record is consumed
   * @param lakeProbeInterval how long the lake health's write probe (create, write, fsync, rename and delete a
   *                        small temporary file under the lake root) is reused before it runs again, so that
   *                        health polling does not hammer the disk
   */
  public record Ingest(
      @DefaultValue("var/lake") String lakePath,
      @DefaultValue("local") LakeStorageKind lakeStorage,
      Map<String, String> lakeHadoop,
      @DefaultValue Kafka kafka,
      @DefaultValue Retry retry,
      @DefaultValue Live live,
      @DefaultValue Catalog catalog,
      @DefaultValue Content content,
      @DefaultValue("30s") Duration summaryInterval,
      @DefaultValue("false") boolean requireKnownArticle,
      @DefaultValue("5s") Duration lakeProbeInterval) {

    public Ingest {
      lakeHadoop = lakeHadoop == null ? Map.of() : Map.copyOf(lakeHadoop);
      lakeProbeInterval = lakeProbeInterval == null ? Duration.ofSeconds(5) : lakeProbeInterval;
    }
  }

  /** The {@link com.eplly.ingest.lake.LakeStorage} implementation behind {@code eplly.ingest.lake-storage}. */
  public enum LakeStorageKind {
    /** java.nio on a local or mounted folder. */
    LOCAL,
    /** A Hadoop FileSystem (file, hdfs, s3a …) picked by the lake URI's scheme. */
    HADOOP
  }

  /**
   * Kafka consumer settings of both listeners.
   *
   * @param groupId                consumer group; a fresh group re-reads the topics from the start
   * @param pageViewConcurrency    consumer threads for {@code page-views} (at most its partition count is useful)
   * @param articleConcurrency     consumer threads for {@code articles}
   * @param maxPollRecords         records per poll, i.e. the largest batch handed to a listener; larger batches mean
   *                               fewer lake files (each fsynced) and fewer Redis commands per event
   * @param fetchMinBytes          the broker holds a fetch until this much is there (or {@code fetchMaxWait} passed),
   *                               so that a busy stream comes in batches worth aggregating
   * @param fetchMaxWait           the longest a fetch is held for {@code fetchMinBytes}: the latency it may add to a
   *                               page view's freshness (target 1 s p99)
   * @param maxPartitionFetchBytes bytes fetched per partition and request; large enough that a backlog fills
   *                               {@code maxPollRecords} in one fetch
   * @param impressionsFetchMaxWait {@code fetchMaxWait} of the impressions' lake writer, which feeds nothing
   *                               live (the experiment counters read on their own): a light stream then comes
   *                               in batches of seconds, one lake file each, not a file per record
   * @param dlqSendTimeout         how long to wait for the broker to confirm a dead-letter record
   */
  public record Kafka(
      @DefaultValue("eplly-ingest") String groupId,
      @DefaultValue("2") int pageViewConcurrency,
      @DefaultValue("1") int articleConcurrency,
      @DefaultValue("5000") int maxPollRecords,
      @DefaultValue("64KB") DataSize fetchMinBytes,
      @DefaultValue("100ms") Duration fetchMaxWait,
      @DefaultValue("8MB") DataSize maxPartitionFetchBytes,
      @DefaultValue("2s") Duration impressionsFetchMaxWait,
      @DefaultValue("30s") Duration dlqSendTimeout) {

    public Kafka {
      positive("eplly.ingest.kafka.page-view-concurrency", pageViewConcurrency);
      positive("eplly.ingest.kafka.article-concurrency", articleConcurrency);
      positive("eplly.ingest.kafka.max-poll-records", maxPollRecords);
    }
  }

  /**
   * Exponential back-off between redeliveries of a batch that failed transiently (Redis or Kafka
   * unavailable or timing out, IO errors); such batches are retried forever, never skipped. A
   * permanent failure is pinned on its record, which goes to the dead-letter topic instead.
   *
   * @param initialInterval first pause
   * @param multiplier      growth per attempt
   * @param maxInterval     longest pause; retries go on forever at this pace
   * @param stuckAfter      a partition whose deliveries keep failing this long turns health {@code partitions}
   *                        DOWN (the gauge {@code eplly.ingest.partition.stuck.seconds} shows it from the first failure)
   */
  public record Retry(
      @DefaultValue("500ms") Duration initialInterval,
      @DefaultValue("2.0") double multiplier,
      @DefaultValue("30s") Duration maxInterval,
      @DefaultValue("30s") Duration stuckAfter) {}

  /**
   * Live state: every key is capped and expires.
   *
   * @param readerRecentCap      reads kept per reader (newest first)
   * @param readerRecentTtl      a reader's list expires this long after their last read
   * @param sessionRecentCap     reads kept per session
   * @param sessionRecentTtl     a session's list expires this long after its last read
   * @param trendingTtl          a trending bucket lives this long after the bucket ends; older events skip trending
   * @param coVisitCap           co-visited articles kept per article (highest counts)
   * @param coVisitTtl           a co-visit set expires this long after its last update
   * @param coVisitReverseWeight weight of the backward pair B→A when A→B is read (0 disables it)
   * @param sessionHeadCacheSize sessions whose recent reads are remembered in memory, sparing a Redis read per
   *                             session and batch (about 150 bytes plus 8 per remembered read each)
   * @param readerFirstReadTtl   lifetime of a reader list holding a single read: ids seen once (bots, random ids
   *                             from anonymous clients) do not hold memory for {@code reader-recent-ttl}
   * @param trendingCap          articles kept per trending bucket (highest counts)
   * @param maxFutureSkew        views dated further ahead of ingest's clock are kept in the lake but left out of
   *                             the live state, so nobody can pre-load future trending buckets
   * @param maxEventsPerScript   views applied per Redis script call; bounds how long one call holds Redis
   *                             (a few ms at 500), each call being atomic with its offset watermark
   * @param readerSessionsCap    sessions remembered per reader (the newest), so that erasing the reader finds
   *                             their session lists; keep it above the sessions one reader opens within
   *                             {@code session-recent-ttl}
   */
  public record Live(
      @DefaultValue("100") int readerRecentCap,
      @DefaultValue("30d") Duration readerRecentTtl,
      @DefaultValue("20") int sessionRecentCap,
      @DefaultValue("2h") Duration sessionRecentTtl,
      @DefaultValue("3h") Duration trendingTtl,
      @DefaultValue("100") int coVisitCap,
      @DefaultValue("2d") Duration coVisitTtl,
      @DefaultValue("0.5") double coVisitReverseWeight,
      @DefaultValue("200000") int sessionHeadCacheSize,
      @DefaultValue("1d") Duration readerFirstReadTtl,
      @DefaultValue("1000") int trendingCap,
      @DefaultValue("5m") Duration maxFutureSkew,
      @DefaultValue("500") int maxEventsPerScript,
      @DefaultValue("50") int readerSessionsCap) {

    public Live {
      positive("eplly.ingest.live.reader-sessions-cap", readerSessionsCap);
      positive("eplly.ingest.live.trending-cap", trendingCap);
      positive("eplly.ingest.live.max-events-per-script", maxEventsPerScript);
      positive("eplly.ingest.live.reader-recent-cap", readerRecentCap);
      positive("eplly.ingest.live.session-head-cache-size", sessionHeadCacheSize);
      positive("eplly.ingest.live.session-recent-cap", sessionRecentCap);
      positive("eplly.ingest.live.co-visit-cap", coVisitCap);
      if (coVisitReverseWeight < 0) {
        throw new IllegalArgumentException("eplly.ingest.live.co-visit-reverse-weight must be >= 0");
      }
    }
  }

  /**
   * Article catalog.
   *
   * @param defaultTtl   lifetime of an article hash without {@code expiresAt}; refreshed by every update
   * @param expiredGrace an article hash with {@code expiresAt} lives this long beyond it
   * @param latestCap    newest articles kept in {@code articles:latest}
   * @param latestTtl    lifetime of {@code articles:latest}, refreshed by every catalog batch
   */
  public record Catalog(
      @DefaultValue("90d") Duration defaultTtl,
      @DefaultValue("1d") Duration expiredGrace,
      @DefaultValue("5000") int latestCap,
      @DefaultValue("90d") Duration latestTtl) {

    public Catalog {
      positive("eplly.ingest.catalog.latest-cap", latestCap);
    }
  }

  /**
   * Live content similarity: an in-memory TF-IDF index of the recent catalog (the same terms and
   * IDF formula as the recommender's content model) gives a new article similar-content neighbours
   * within seconds, and puts it under its neighbours, until the next training lists it. The index
   * is seeded from {@code articles:latest} on the first article batch, then follows the topic.
   *
   * @param maxArticles    newest articles indexed (the seed reads at most catalog.latest-cap of them)
   * @param maxAge         articles published longer ago are not indexed
   * @param categoryWeight times an article's category token counts; keep it equal to the recommender's
   *                       {@code categoryWeight} (2 unless changed there)
   * @param topK           neighbours computed for a new article: its own set, and the sets it joins
   * @param minScore       lowest cosine written, in [0, 1); keeps matches on the section token alone out
   * @param similarCap     members kept per {@code similar:{id}} set (highest scores)
   * @param similarTtl     lifetime of a {@code similar:{id}} set, refreshed by every write to it
   */
  public record Content(
      @DefaultValue("5000") int maxArticles,
      @DefaultValue("14d") Duration maxAge,
      @DefaultValue("2") int categoryWeight,
      @DefaultValue("20") int topK,
      @DefaultValue("0.1") double minScore,
      @DefaultValue("20") int similarCap,
      @DefaultValue("3d") Duration similarTtl) {

    public Content {
      positive("eplly.ingest.content.max-articles", maxArticles);
      positive("eplly.ingest.content.top-k", topK);
      positive("eplly.ingest.content.similar-cap", similarCap);
      if (categoryWeight < 0) {
        throw new IllegalArgumentException("eplly.ingest.content.category-weight must be >= 0, got " + categoryWeight);
      }
      if (!(minScore >= 0 && minScore < 1)) {
        throw new IllegalArgumentException("eplly.ingest.content.min-score must be in [0, 1), got " + minScore);
      }
      if (maxAge.isNegative() || maxAge.isZero() || similarTtl.isNegative() || similarTtl.isZero()) {
        throw new IllegalArgumentException("eplly.ingest.content.max-age and similar-ttl must be positive");
      }
    }
  }

  private static void positive(String property, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(property + " must be at least 1, got " + value);
    }
  }
}
