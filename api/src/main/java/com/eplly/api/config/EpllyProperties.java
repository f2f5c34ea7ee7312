package com.eplly.api.config;

import com.eplly.contracts.redis.RedisSettings;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every setting of the api, under the {@code eplly} prefix; defaults live in application.yml
 * (Kafka settings are Spring Boot's own {@code spring.kafka.*}).
 *
 * @param redis     where the serving state lives and how long the api may wait for it
 * @param recommend how recommendations are assembled and cached
 * @param events    page-view intake
 * @param admin     the model-version admin endpoints
 * @param models    model-version activation rules and the active version's keep-alive
 * @param widget    the embeddable "You Might Like" script ({@code /widget.js})
 */
@ConfigurationProperties(prefix = "eplly")
public record EpllyProperties(
    @DefaultValue Redis redis,
    @DefaultValue Recommend recommend,
    @DefaultValue Events events,
    @DefaultValue Admin admin,
    @DefaultValue Widget widget,
    @DefaultValue Models models) {

  @ConstructorBinding
  public EpllyProperties {}

  /** Without {@code models}: the defaults of {@link Models}. */
  public EpllyProperties(Redis redis, Recommend recommend, Events events, Admin admin, Widget widget) {
    this(redis, recommend, events, admin, widget, Models.defaults());
  }

  /**
   * Redis connection.
   *
   * @param host     Redis host
   * @param port     Redis port
   * @param timeout  connect and socket timeout; a slow Redis must turn into a degraded answer,
   *                 never into a hanging request, so keep this small
   * @param poolSize maximum pooled connections (one request borrows one connection per round trip;
   *                 with a cluster, this is the pool of each node)
   * @param clusterNodes {@code host:port} seeds of a Redis Cluster; when set, host and port are
   *                 ignored and a request's keys are pipelined per node. Empty: one Redis server
   * @param username ACL user (env {@code EPLLY_REDIS_USERNAME}); empty = the default user
   * @param password AUTH password (env {@code EPLLY_REDIS_PASSWORD}); empty = no AUTH
   * @param ssl      connect over TLS (env {@code EPLLY_REDIS_SSL}); the server's certificate must
   *                 name the host (or cluster node) connected to
   * @param truststore CA certificates trusted for TLS: a PEM file ({@code .pem/.crt/.cer}) or a
   *                 PKCS12/JKS keystore (env {@code EPLLY_REDIS_TRUSTSTORE}); empty = the JVM's default trust
   * @param truststorePassword password of a keystore truststore (env {@code EPLLY_REDIS_TRUSTSTORE_PASSWORD})
   */
  public record Redis(
      @DefaultValue("localhost") String host,
      @DefaultValue("6379") int port,
      @DefaultValue("100ms") Duration timeout,
      @DefaultValue("32") int poolSize,
      @DefaultValue List<String> clusterNodes,
      String username,
      String password,
      @DefaultValue("false") boolean ssl,
      String truststore,
      String truststorePassword) {

    @ConstructorBinding
    public Redis {}

    /** Without AUTH or TLS. */
    public Redis(String host, int port, Duration timeout, int poolSize, List<String> clusterNodes) {
      this(host, port, timeout, poolSize, clusterNodes, null, null, false, null, null);
    }

    /** The shared client settings (contracts) these properties describe. */
    public RedisSettings settings() {
      return new RedisSettings(host, port, clusterNodes, 0, username, password, ssl, truststore,
          truststorePassword, timeout, "eplly-api");
    }

    @Override
    public String toString() {
      return settings().toString();
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
   * @param trendingBuckets     number of newest trending buckets summed
   * @param trendingDecay       weight ratio between a trending bucket and the next newer one (0..1]
   * @param versionRefresh      how often the active model version pointer is re-read
   * @param articleCacheTtl     how long article metadata is cached in-process
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
      @DefaultValue("6") int defaultLimit,
      @DefaultValue("50") int maxLimit,
      @DefaultValue("100") int maxExcluded,
      @DefaultValue("0.5") double categoryShare,
      @DefaultValue("50") int candidatesPerSource,
      @DefaultValue("100") int historySize,
      @DefaultValue("3") int recentSeeds,
      @DefaultValue("12") int trendingBuckets,
      @DefaultValue("0.8") double trendingDecay,
      @DefaultValue("1s") Duration versionRefresh,
      @DefaultValue("30s") Duration articleCacheTtl,
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
   * Page-view intake.
   *
   * @param ackTimeout longest wait for the broker's acknowledgement before answering 503; keep it
   *                   at or above the producer's {@code delivery.timeout.ms} so a 503 means the
   *                   send really failed
   */
  public record Events(@DefaultValue("3500ms") Duration ackTimeout) {}

  /**
   * Admin endpoints ({@code /v1/admin/models}).
   *
   * @param apiKey the key callers send in the {@code X-Api-Key} header; unset or blank disables
   *               the admin endpoints (403) instead of leaving them open
   */
  public record Admin(String apiKey) {}

  /**
   * The widget portals embed.
   *
   * @param allowedOrigins origins (scheme://host[:port]) whose pages may call the recommendation
   *                       and event endpoints from the widget; {@code *} allows any (no
   *                       credentials are ever sent, so this exposes nothing personal)
   */
  public record Widget(@DefaultValue("*") java.util.List<String> allowedOrigins) {}
}
