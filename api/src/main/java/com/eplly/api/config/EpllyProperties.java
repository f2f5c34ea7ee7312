package com.eplly.api.config;

import com.eplly.contracts.serving.ServingDefaults;
import com.eplly.contracts.redis.RedisSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the api, under the {@code eplly} prefix; defaults live in application.yml
 * (Kafka settings are Spring Boot's own {@code spring.kafka.*}).
 *
 * @param redis     where the serving state lives and how long the api may wait for it
 *                  ({@code eplly.redis.*}, the settings ingest and the CLI share)
 * @param recommend how recommendations are assembled and cached
 * @param events    page-view intake
 * @param admin     the admin endpoints' keys and audit log
 * @param models    model-version activation rules and the active version's keep-alive
 * @param widget    the embeddable "You Might Like" script ({@code /widget.js})
 * @param served    the served events published for every recommendation answer
 * @param experiments A/B tests between model versions ({@code /v1/admin/experiments})
 * @param editorial   editors' rules ({@code /v1/admin/rules})
 * @param lake        the event lake, read for the lake part of a reader's export
 */
@ConfigurationProperties(prefix = "eplly")
public record EpllyProperties(
    @DefaultValue RedisSettings redis,
    @DefaultValue Recommend recommend,
    @DefaultValue Events events,
    @DefaultValue Admin admin,
    @DefaultValue Widget widget,
    @DefaultValue Models models,
    @DefaultValue Served served,
    @DefaultValue Experiments experiments,
    @DefaultValue Editorial editorial,
    @DefaultValue Lake lake) {

  @ConstructorBinding
  public EpllyProperties {}

  /** Without {@code models}, {@code served}, {@code experiments}, {@code editorial} and {@code lake}: their defaults. */
  public EpllyProperties(RedisSettings redis, Recommend recommend, Events events, Admin admin, Widget widget) {
    this(redis, recommend, events, admin, widget, Models.defaults(), Served.defaults(), Experiments.defaults(),
        Editorial.defaults(), Lake.defaults());
  }

  /**
   * The event lake ({@code eplly.lake.*}), read in-process by DuckDB for the lake part of
   * {@code GET /v1/admin/readers/{readerId}/export}: the folder ingest writes ({@code eplly.ingest.lake-path}),
   * mounted read-only is enough. One export reads it at a time; a second one meanwhile is answered 503.
   *
   * @param dir          the lake's root folder on a local or mounted file system (HDFS and S3 are not
   *                     read here); unset: the export says its lake part is unavailable
   * @param queryTimeout longest one export may read the lake; a slower one is cancelled and answered 503
   * @param maxEvents    most records of each kind (page views, impressions, erasures, admin actions)
   *                     one export lists; more are counted, left out and the export says {@code truncated}
   * @param threads      DuckDB threads of one export: the cores it may take from serving
   * @param memoryLimit  DuckDB's memory (off the Java heap) for one export; a query needing more fails
   *                     (503) rather than spill to disk
   */
  public record Lake(
      Path dir,
      @DefaultValue("60s") Duration queryTimeout,
      @DefaultValue("10000") int maxEvents,
      @DefaultValue("1") int threads,
      @DefaultValue("128MB") DataSize memoryLimit) {

    public Lake {
      if (queryTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("eplly.lake.query-timeout must be at least 1s");
      }
      if (maxEvents < 1 || threads < 1) {
        throw new IllegalArgumentException("eplly.lake.max-events and eplly.lake.threads must be at least 1");
      }
    }

    /** The documented defaults (no lake), for code that builds the properties by hand. */
    public static Lake defaults() {
      return new Lake(null, Duration.ofSeconds(60), 10_000, 1, DataSize.ofMegabytes(128));
    }
  }

  /**
   * Served events ({@code eplly.served.*}): one per {@code /v1/recommendations} answer, to the
   * {@code impressions} topic, from a Kafka producer of their own that never blocks the answer
   * ({@code max.block.ms=0}): what does not fit in its buffer, or is not delivered in time, is
   * dropped and counted ({@code eplly_served_events_dropped_total}), never waited for.
   *
   * @param enabled         false publishes nothing (the answers still carry a requestId)
   * @param bufferMemory    the producer's {@code buffer.memory}: the most served events held while the
   *                        broker is slow or away (a served event is about 400 bytes); a send that
   *                        does not fit is dropped at once
   * @param linger          the producer's {@code linger.ms}: nobody waits for these, so they are
   *                        batched longer than page views: fewer, fuller produce requests cost the
   *                        producer's thread and the broker less per event
   * @param batchSize       the producer's {@code batch.size} per partition: large enough that
   *                        {@code linger} rather than a full batch ends one at the api's peak rate
   * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: how long an event may sit in
   *                        the buffer unacknowledged before it is dropped
   * @param pauseAfterFailure after a failed send (no metadata, a full buffer, an expired event), the
   *                        served events of this long are dropped without trying: a failing send
   *                        costs the answer's thread far more CPU than a successful one
   */
  public record Served(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("4MB") DataSize bufferMemory,
      @DefaultValue("100ms") Duration linger,
      @DefaultValue("256KB") DataSize batchSize,
      @DefaultValue("10s") Duration deliveryTimeout,
      @DefaultValue("1s") Duration pauseAfterFailure) {

    public Served {
      if (bufferMemory.toBytes() < 64 * 1024) {
        throw new IllegalArgumentException("eplly.served.buffer-memory must be at least 64KB");
      }
      if (batchSize.toBytes() < 1024 || batchSize.toBytes() > bufferMemory.toBytes() / 4) {
        throw new IllegalArgumentException(
            "eplly.served.batch-size must be between 1KB and a quarter of buffer-memory, got " + batchSize);
      }
    }

    /** The documented defaults, for code that builds the properties by hand. */
    public static Served defaults() {
      return new Served(
          true, DataSize.ofMegabytes(4), Duration.ofMillis(100), DataSize.ofKilobytes(256), Duration.ofSeconds(10),
          Duration.ofSeconds(1));
    }
  }

  /**
   * A/B tests ({@code eplly.experiments.*}).
   *
   * @param refresh how often this instance checks whether an experiment started or stopped (one
   *                small GET); a change serves everywhere within this delay
   */
  public record Experiments(@DefaultValue("250ms") Duration refresh) {

    /** The documented defaults, for code that builds the properties by hand. */
    public static Experiments defaults() {
      return new Experiments(Duration.ofMillis(250));
    }
  }

  /**
   * Editors' rules ({@code eplly.editorial.*}). A change reaches every instance through a notice on
   * Redis pub/sub within a round trip; this poll is the backstop for a notice lost while an
   * instance's subscription was down.
   *
   * @param refresh how often this instance checks whether the rules changed (one small GET)
   */
  public record Editorial(@DefaultValue("5s") Duration refresh) {

    /** The documented defaults, for code that builds the properties by hand. */
    public static Editorial defaults() {
      return new Editorial(Duration.ofSeconds(5));
    }
  }

  /**
   * Model versions ({@code eplly.models.*}): activation rules and the keep-alive of the active one.
   *
   * @param refuseMargin      activate and rollback refuse a version whose keys expire sooner than
   *                          this (some of its lists may already be gone): 409
   * @param keepAliveInterval how often this instance checks whether the active version's keys have
   *                          fallen below half their publish TTL, and if so re-extends them
   * @param keepAliveLock     how long one instance holds the keep-alive lock ({@code SET NX PX}), so
   *                          that several instances do not all extend the same keys; longer than one
   *                          extension of the largest version takes
   */
  public record Models(
      @DefaultValue("1h") Duration refuseMargin,
      @DefaultValue("10m") Duration keepAliveInterval,
      @DefaultValue("5m") Duration keepAliveLock) {

    /** The documented defaults, for code that builds the properties by hand. */
    public static Models defaults() {
      return new Models(Duration.ofHours(1), Duration.ofMinutes(10), Duration.ofMinutes(5));
    }
  }

  /**
   * Recommendation assembly.
   *
   * @param defaultLimit        items returned when the request has no {@code limit}
   * @param maxLimit            largest accepted {@code limit}
   * @param maxExcluded         largest accepted number of ids in {@code exclude}
   * @param categoryShare       largest share of one category in a list (0..1]; relaxed only when
   *                            the list would otherwise be short
   * @param candidatesPerSource items read from each candidate source (co-visits, trending buckets,
   *                            latest); model lists are read whole
   * @param historySize         recent reads of the reader and of the session that are filtered out
   * @param recentSeeds         without an {@code articleId}, this many of the session's (then the
   *                            reader's) newest reads stand in for the current article: their model
   *                            lists and live co-visits are read in a second round trip
   * @param sessionBlend        on an article page whose session read other articles, blend the
   *                            model lists of the current article and the session's newest reads
   *                            ({@code recentSeeds} in all; SessionBlend) instead of the current
   *                            article's list alone; lists not in the near cache cost a second
   *                            round trip
   * @param trendingBuckets     number of newest trending buckets summed
   * @param trendingDecay       weight ratio between a trending bucket and the next newer one (0..1]
   * @param versionRefresh      how often the active model version pointer is re-read
   * @param articleCacheTtl     how long article metadata is cached in-process: only the backstop for a
   *                            lost change notice (ingest announces every catalog change), so long enough
   *                            that a request rarely pays a second round trip for an expired entry
   * @param articleCacheSize    most articles kept in the metadata cache
   * @param snapshotRefresh     how often the last-known snapshot used when Redis is down is rebuilt
   * @param snapshotSize        items kept per fallback list in that snapshot
   * @param sharedListsTtl      how long the shared fallback lists (trending, popular, latest) are
   *                            reused in-process before Redis is read again; 0 disables. Keep it
   *                            well under a second: trending must follow page views within ~1 s
   * @param articleListCacheTtl how long articles' model lists are kept in-process; safe to keep
   *                            long since they never change within a version; 0 disables
   * @param articleListCacheSize most article model lists kept in-process
   */
  public record Recommend(
      @DefaultValue(ServingDefaults.DEFAULT_LIMIT) int defaultLimit,
      @DefaultValue("50") int maxLimit,
      @DefaultValue("100") int maxExcluded,
      @DefaultValue(ServingDefaults.CATEGORY_SHARE) double categoryShare,
      @DefaultValue(ServingDefaults.CANDIDATES_PER_SOURCE) int candidatesPerSource,
      @DefaultValue(ServingDefaults.HISTORY_SIZE) int historySize,
      @DefaultValue(ServingDefaults.RECENT_SEEDS) int recentSeeds,
      @DefaultValue(ServingDefaults.SESSION_BLEND) boolean sessionBlend,
      @DefaultValue("12") int trendingBuckets,
      @DefaultValue("0.8") double trendingDecay,
      @DefaultValue("1s") Duration versionRefresh,
      @DefaultValue("5m") Duration articleCacheTtl,
      @DefaultValue("20000") long articleCacheSize,
      @DefaultValue("30s") Duration snapshotRefresh,
      @DefaultValue("200") int snapshotSize,
      @DefaultValue("500ms") Duration sharedListsTtl,
      @DefaultValue("60s") Duration articleListCacheTtl,
      @DefaultValue("50000") long articleListCacheSize) {

    public Recommend {
      if (defaultLimit < 1 || defaultLimit > maxLimit) {
        throw new IllegalArgumentException("eplly.recommend.default-limit must be in 1..max-limit");
      }
      if (!(categoryShare > 0 && categoryShare <= 1)) {
        throw new IllegalArgumentException("eplly.recommend.category-share must be in (0, 1]");
      }
      if (!(trendingDecay > 0 && trendingDecay <= 1)) {
        throw new IllegalArgumentException("eplly.recommend.trending-decay must be in (0, 1]");
      }
    }
  }

  /**
   * Event intake: page views ({@code POST /v1/events}) and viewable impressions
   * ({@code POST /v1/impressions}) share these limits, guards and the producer. The body cap is not a setting: it is the codec's
   * {@code EventCodec.MAX_RECORD_BYTES}, the most ingest would accept anyway.
   *
   * @param ackTimeout    longest wait for a reachable broker's acknowledgement (send included) before
   *                      answering 503 (request threads are shared with recommendations; the intake
   *                      bulkhead bounds how many wait). A producer with no open connection is refused
   *                      at once and opens the breaker, so an unreachable broker costs milliseconds. A
   *                      503 may hide a send that lands later: the sender retries with the same eventId
   * @param readTimeout   longest time to receive a whole body; a slower upload is answered 408
   *                      (each single read is also bounded by {@code server.tomcat.connection-timeout})
   * @param maxConcurrent most requests reading or publishing events at once (a Resilience4j
   *                      bulkhead); more are answered 503 at once, so intake can never hold every
   *                      Tomcat thread ({@code server.tomcat.threads.max})
   * @param breaker       when to stop trying Kafka and answer 503 without waiting
   * @param rateLimit     per-client and per-reader request limits
   * @param warmUp        how long start-up waits for the Kafka producer's first metadata before the api
   *                      reports ready (so the first events do not time out and open the breaker);
   *                      past it the api gets ready anyway, recommendations need no Kafka
   */
  public record Events(
      @DefaultValue("500ms") Duration ackTimeout,
      @DefaultValue("5s") Duration readTimeout,
      @DefaultValue("32") int maxConcurrent,
      @DefaultValue Breaker breaker,
      @DefaultValue RateLimit rateLimit,
      @DefaultValue("10s") Duration warmUp) {

    public Events {
      if (maxConcurrent < 1) {
        throw new IllegalArgumentException("eplly.events.max-concurrent must be at least 1");
      }
    }
  }

  /**
   * The circuit breaker around Kafka (Resilience4j, count-based window). While open, events are
   * refused with 503 and {@code Retry-After} without touching the producer.
   *
   * @param failureRate  percentage of failed (or timed-out) sends in the window that opens it
   * @param window       number of most recent sends the failure rate is computed on
   * @param minimumCalls sends needed before the rate is judged
   * @param openFor      how long it stays open before letting a few probe sends through
   */
  public record Breaker(
      @DefaultValue("50") float failureRate,
      @DefaultValue("20") int window,
      @DefaultValue("5") int minimumCalls,
      @DefaultValue("5s") Duration openFor) {}

  /**
   * Token-bucket limits of {@code POST /v1/events} (Bucket4j), answered 429 with
   * {@code Retry-After}. Buckets live in a bounded in-process map, so they are per api instance.
   *
   * @param enabled        false turns both limits off
   * @param perClient      sustained events per second from one client address
   * @param perClientBurst events one client address may send at once
   * @param perReader      sustained events per second for one readerId
   * @param perReaderBurst events one readerId may send at once
   * @param maxTracked     most clients (and, separately, readers) with a bucket in memory; the
   *                       least recently seen are forgotten first
   * @param trustedProxies number of reverse proxies in front of the api that append to
   *                       {@code X-Forwarded-For}; 0 (default) keys clients by the connection's
   *                       remote address and ignores the header, which any caller can forge.
   *                       With N, the client is the N-th address from the right of the header
   *                       (with one proxy that overwrites the header, its first and only hop)
   */
  public record RateLimit(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("20") long perClient,
      @DefaultValue("40") long perClientBurst,
      @DefaultValue("5") long perReader,
      @DefaultValue("10") long perReaderBurst,
      @DefaultValue("100000") long maxTracked,
      @DefaultValue("0") int trustedProxies) {

    public RateLimit {
      if (perClient < 1 || perReader < 1 || perClientBurst < 1 || perReaderBurst < 1) {
        throw new IllegalArgumentException("eplly.events.rate-limit rates and bursts must be at least 1");
      }
      if (trustedProxies < 0) {
        throw new IllegalArgumentException("eplly.events.rate-limit.trusted-proxies must be >= 0");
      }
    }
  }

  /**
   * Admin endpoints ({@code /v1/admin/**}): who may call them, under which name, and how their
   * actions reach the audit log.
   *
   * @param apiKey the single key of old, still accepted as the key named {@value #LEGACY_NAME};
   *               unset or blank adds no key
   * @param keys   named keys (name to key): callers send a key in the {@code X-Api-Key} header and
   *               act under its name, which the audit log records. A blank key is left out (so an
   *               unset {@code ${ENV:}} disables one key); with no key at all the admin endpoints
   *               are disabled (403) instead of open
   * @param audit  how each admin action's audit record is delivered
   */
  public record Admin(String apiKey, @DefaultValue Map<String, String> keys, @DefaultValue Audit audit) {

    /** The name {@code apiKey} acts under. */
    public static final String LEGACY_NAME = "admin";

    public Admin {
      // not Map.copyOf: a key left empty in YAML binds as null, which AdminApiKey leaves out like a blank one
      keys = keys == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(keys));
      audit = audit == null ? Audit.defaults() : audit;
    }
  }

  /**
   * The audit log of admin actions ({@code eplly.admin.audit.*}), sent to the {@code audit} topic
   * after each action by a producer of its own.
   *
   * @param ackTimeout      how long the request's thread waits for the broker's acknowledgement
   *                        (metadata included) once the answer is written; the record is not given
   *                        up then
   * @param deliveryTimeout how long the producer keeps retrying a record not acknowledged in time;
   *                        one still undelivered then is logged whole at ERROR and counted
   *                        ({@code eplly_audit_undelivered_total})
   */
  public record Audit(
      @DefaultValue("2s") Duration ackTimeout,
      @DefaultValue("5m") Duration deliveryTimeout) {

    public Audit {
      if (deliveryTimeout.compareTo(ackTimeout) < 0) {
        throw new IllegalArgumentException("eplly.admin.audit.delivery-timeout must be at least ack-timeout");
      }
    }

    /** The documented defaults, for code that builds the properties by hand. */
    public static Audit defaults() {
      return new Audit(Duration.ofSeconds(2), Duration.ofMinutes(5));
    }
  }

  /**
   * The widget portals embed.
   *
   * @param allowedOrigins origins (scheme://host[:port]) whose pages may post page views
   *                       ({@code POST /v1/events}); any other cross-origin post is refused with
   *                       403 whatever the browser does with CORS. Empty (default): no
   *                       cross-origin writes, only the api's own pages and non-browser clients
   *                       (which send no Origin). {@code *} allows any origin
   * @param readOrigins    origins whose pages may read recommendations and articles; {@code *}
   *                       (default) suits a widget embedded on any of the portal's sites: the
   *                       reads change nothing and never carry credentials
   */
  public record Widget(
      @DefaultValue List<String> allowedOrigins,
      @DefaultValue("*") List<String> readOrigins) {}
}
