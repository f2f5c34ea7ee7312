package com.eplly.contracts.redis;

import com.eplly.contracts.experiment.ArmMeasure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis keyspace: every key the engine reads or writes is spelled here and nowhere else.
 *
 * <p>Owners and bounds (every key has a TTL or a size cap):
 * <ul>
 *   <li>recommender publish: {@code reco:{v}:*} with a TTL (re-extended while the version is
 *       active); {@code reco:versions}, trimmed to the newest versions; {@code reco:active}, a single
 *       small string;
 *   <li>api: {@code lock:reco-keep-alive}, a lock with a PX expiry; {@code exp:definitions}, one
 *       field per experiment, capped ({@link #MAX_EXPERIMENTS}); {@code exp:running:{unit}}, one
 *       small string per assignment unit; {@code exp:revision}, a counter; {@code editorial:rules},
 *       one field per rule, capped ({@link #MAX_EDITORIAL_RULES}); {@code editorial:revision}, a counter;
 *   <li>api and ingest publish on the {@link #changesChannel()} pub/sub channel (no key);
 *   <li>ingest: {@code exp:counts:{name}:{day}}, one small hash per experiment and day (TTL);
 *       {@code exp:req:{requestId}} per experiment answer and {@code exp:unit:{name}:{unit}} per
 *       counted unit (TTL);
 *   <li>api: {@code traffic:api:{minute}}, one small hash per minute, summed over the instances (TTL);
 *   <li>ingest: {@code article:{id}} hashes and {@code articles:latest} (capped), reader and session
 *       recent reads (capped lists with TTL), each reader's sessions (capped sorted sets with TTL),
 *       {@code trending:{bucket}} (TTL), {@code covisit:{id}}
 *       (capped sorted sets with TTL), {@code similar:{id}} (capped sorted sets with TTL),
 *       {@code live:applied:{tag}} (one small hash per slot tag, a field per partition).
 * </ul>
 */
public final class Keyspace {

  /** Width of one trending bucket; the api sums the newest few with decaying weights. */
  public static final Duration TRENDING_BUCKET = Duration.ofMinutes(5);

  private Keyspace() {}

  // --- model versions, written by the recommender's publish -----------------------------------

  /** String: the version the api serves. Flipped atomically by publish, activate and rollback. */
  public static String activeVersion() {
    return "reco:active";
  }

  /** Sorted set: published versions scored by publish time (epoch ms). */
  public static String versions() {
    return "reco:versions";
  }

  /** Hash: a version's metadata (created time, counts, parameters, metrics JSON). */
  public static String versionMeta(String version) {
    return "reco:" + version + ":meta";
  }

  /** String: suggestion list for readers of an article (see SuggestionListCodec). */
  public static String articleList(String version, String articleId) {
    return "reco:" + version + ":article:" + articleId;
  }

  /** String: personal suggestion list of a reader (see SuggestionListCodec). */
  public static String readerList(String version, String readerId) {
    return "reco:" + version + ":reader:" + readerId;
  }

  /** String: recency-weighted popular articles of a version (see SuggestionListCodec). */
  public static String popularList(String version) {
    return "reco:" + version + ":popular";
  }

  /** Pattern matching every key of a version, for scanning (extending or deleting) them. */
  public static String versionPattern(String version) {
    return "reco:" + version + ":*";
  }

  /**
   * String: held (SET NX PX) by the one api instance re-extending the active version's keys, so
   * that several instances do not all scan it. Outside {@code reco:*} so no version pattern matches it.
   */
  public static String keepAliveLock() {
    return "lock:reco-keep-alive";
  }

  // --- changes every api instance must see at once ---------------------------------------------

  /**
   * Pub/sub channel (not a key): {@link ChangeNotice}s published after a write that serving caches
   * (editorial rules, experiments, an article's metadata), so every api instance drops what it
   * holds within a round trip instead of at its next poll.
   */
  public static String changesChannel() {
    return "eplly:changes";
  }

  // --- the audit log's newest entries, written by ingest, read by the console --------------------

  /** Most entries {@link #auditRecent()} keeps; older ones are only in the lake. */
  public static final int AUDIT_RECENT_MAX = 1000;

  /** How long {@link #auditRecent()} outlives its newest entry (a quiet stack keeps its history a while). */
  public static final Duration AUDIT_RECENT_TTL = Duration.ofDays(90);

  /**
   * Sorted set: the newest {@link #AUDIT_RECENT_MAX} admin actions, member the event's JSON
   * ({@code AuditEventJson}), score its epoch-millisecond time. A set rather than a list so that a
   * batch ingest replays adds nothing twice: the same event is the same member.
   */
  public static String auditRecent() {
    return "audit:recent";
  }

  // --- editorial rules, written by the api's admin endpoints -----------------------------------

  /** Most rules {@link #editorialRules()} keeps; expired ones are pruned first. */
  public static final int MAX_EDITORIAL_RULES = 1000;

  /** Hash: rule id to its definition ({@code EditorialRuleJson}), capped at {@link #MAX_EDITORIAL_RULES}. */
  public static String editorialRules() {
    return "editorial:rules";
  }

  /** String: a counter bumped on every rule change; api instances reload when it moves. */
  public static String editorialRevision() {
    return "editorial:revision";
  }

  // --- experiments, written by the api's admin endpoints ---------------------------------------

  /** Most experiments {@link #experiments()} keeps; the oldest stopped ones make room for new ones. */
  public static final int MAX_EXPERIMENTS = 100;

  /** How long an experiment's hourly counters outlive their hour. */
  public static final Duration EXPERIMENT_COUNTS_TTL = Duration.ofDays(90);

  /** Hash: experiment name to its definition ({@code ExperimentJson}). */
  public static String experiments() {
    return "exp:definitions";
  }

  /**
   * String: the name of the experiment running for a unit ({@code reader} or {@code session}); set
   * NX when one starts, so at most one runs per unit, and deleted when it stops.
   */
  public static String runningExperiment(String unit) {
    return "exp:running:" + unit;
  }

  /** String: a counter bumped on every experiment change; api instances reload when it moves. */
  public static String experimentsRevision() {
    return "exp:revision";
  }

  /**
   * Hash: one experiment's counts for the events of one UTC hour ({@code LookSchedule.label}:
   * {@code yyyy-MM-ddTHH}), fields
   * {@code {arm}.{units|served|viewable|clicks}} ({@link #experimentCountField}, {@link ArmMeasure}); TTL
   * {@link #EXPERIMENT_COUNTS_TTL}.
   */
  public static String experimentCounts(String experiment, String period) {
    return "exp:counts:" + experiment + ":" + period;
  }

  /** How long after an answer its viewable impression and clicks are still attributed to its arm. */
  public static final Duration ATTRIBUTION_WINDOW = Duration.ofHours(24);

  /** How long a unit stays counted in an experiment's units after it was first seen. */
  public static final Duration EXPERIMENT_UNIT_TTL = Duration.ofDays(30);

  /**
   * Hash: one experiment answer, written by ingest from its served event: experiment, arm, time,
   * reasons by position, and markers once it was seen and clicked (each counted once); TTL
   * {@link #ATTRIBUTION_WINDOW} plus an hour.
   */
  public static String experimentRequest(String requestId) {
    return "exp:req:" + requestId;
  }

  /** String: a unit (reader or session) already counted in an experiment's units; TTL {@link #EXPERIMENT_UNIT_TTL}. */
  public static String experimentUnit(String experiment, String unitId) {
    return "exp:unit:" + experiment + ":" + unitId;
  }

  /** A field of {@link #experimentCounts}: clicks on the suggestion at {@code position} (1-based). */
  public static String experimentPositionClicksField(String arm, int position) {
    return arm + ".clicks@" + position;
  }

  /** A field of {@link #experimentCounts}: clicks on suggestions given for {@code reason}. */
  public static String experimentReasonClicksField(String arm, String reason) {
    return arm + ".clicks#" + reason;
  }

  /** A field of {@link #experimentCounts}. */
  public static String experimentCountField(String arm, ArmMeasure measure) {
    return arm + "." + measure.field();
  }

  // --- traffic, added to by every api and ingest instance once a minute ----------------------------

  /** How long a minute's traffic figures are kept: the console shows the last hour. */
  public static final Duration TRAFFIC_TTL = Duration.ofHours(2);

  /**
   * Hash: the recommendation endpoint's traffic during one minute ({@code epochMinute} = epoch
   * seconds / 60), summed over every api instance with HINCRBY (fields: {@code MinuteTraffic}); TTL
   * {@link #TRAFFIC_TTL}.
   */
  public static String apiTraffic(long epochMinute) {
    return "traffic:api:" + epochMinute;
  }

  /**
   * Hash: ingest's figures for one minute, from every ingest instance: counts summed with HINCRBY,
   * lags and newest event times kept at their maximum (fields: {@code IngestMinuteTraffic}); TTL
   * {@link #TRAFFIC_TTL}.
   */
  public static String ingestTraffic(long epochMinute) {
    return "traffic:ingest:" + epochMinute;
  }

  // --- catalog, written by ingest ----------------------------------------------------------------

  /** Hash: an article's fields (see ArticleHash). */
  public static String article(String articleId) {
    return "article:" + articleId;
  }

  /** Sorted set: newest articles scored by publishedAt; capped by ingest. */
  public static String latestArticles() {
    return "articles:latest";
  }

  // --- live state, written by ingest -----------------------------------------------------------

  /** List: a reader's most recent article ids, newest first; capped, with TTL. */
  public static String readerRecent(String readerId) {
    return "reader:" + readerId + ":recent";
  }

  /**
   * Sorted set: a reader's session ids scored by their newest read (epoch ms), so that erasing the
   * reader finds the session lists; capped to the newest, with the session lists' TTL, refreshed
   * by each read, so it outlives every session list it names.
   */
  public static String readerSessions(String readerId) {
    return "reader:" + readerId + ":sessions";
  }

  /** List: a session's article ids, newest first; capped, with TTL. */
  public static String sessionRecent(String sessionId) {
    return "session:" + sessionId + ":recent";
  }

  /** Sorted set: articles read right after this one in sessions, scored by count; capped, TTL. */
  public static String coVisits(String articleId) {
    return "covisit:" + articleId;
  }

  /**
   * Sorted set: live content neighbours of an article, scored by cosine similarity: a new
   * article's most similar indexed articles, and new articles similar to this one as they are
   * published; capped, with TTL. Bridges the time until the next training lists them.
   */
  public static String liveSimilar(String articleId) {
    return "similar:" + articleId;
  }

  /**
   * Hash: per page-views partition, the highest Kafka offset whose live-state updates are in Redis;
   * written in the same script as the updates, so a retried or replayed batch counts nothing twice.
   * Bounded (one field per partition, one hash per {@code tag}: a single one on one server, one per
   * hash slot on a Redis Cluster, where {@code tag} is a hash tag placing it in that slot), with a
   * TTL as long as the longest-lived key it guards.
   */
  public static String liveApplied(String tag) {
    return "live:applied:{" + tag + "}";
  }

  /** Sorted set: view counts per article during the bucket containing {@code epochMs}; with TTL. */
  public static String trending(long epochMs) {
    return "trending:" + bucketOf(epochMs);
  }

  /** The keys of the {@code count} newest trending buckets up to {@code nowMs}, newest first. */
  public static List<String> trendingWindow(long nowMs, int count) {
    long newest = bucketOf(nowMs);
    List<String> keys = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      keys.add("trending:" + (newest - i));
    }
    return keys;
  }

  private static long bucketOf(long epochMs) {
    return Math.floorDiv(epochMs, TRENDING_BUCKET.toMillis());
  }
}
