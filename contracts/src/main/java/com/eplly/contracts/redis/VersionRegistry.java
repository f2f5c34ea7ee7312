package com.eplly.contracts.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.ScanIteration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.Tuple;

/**
 * The published versions in Redis and the active pointer the api serves: register, list,
 * activate, roll back, keep alive. Shared by the recommender CLI and the api's admin endpoints so
 * that both follow the same rules:
 * <ul>
 *   <li>every change of the pointer is a compare-and-set on the version the caller saw active, so a
 *       lost race fails ({@link RegistryException.Kind#CONFLICT}) instead of overwriting;
 *   <li>activating a version first extends all its keys to the TTL it was published with, so the
 *       pointer never outlives the lists it names;
 *   <li>a version whose keys expire within the refuse margin is refused: lists written early in its
 *       publish may already be gone.
 * </ul>
 */
public final class VersionRegistry {

  /** Newest versions kept in {@code Keyspace.versions()}; older entries are trimmed (their keys expire by TTL). */
  public static final int KEEP = 20;
  /** Refuse to activate a version whose meta expires sooner than this. */
  public static final Duration DEFAULT_REFUSE_MARGIN = Duration.ofHours(1);
  /** What to extend a version to whose meta predates {@link VersionMetaFields#TTL_SECONDS}: publish's default. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);
  /** Keys per SCAN step and per PEXPIRE pipeline round trip. */
  static final int BATCH = 1_000;

  /** Sets KEYS[1] to ARGV[2] only if it holds ARGV[1] ('' = absent); answers {1|0, value before}. */
  private static final String COMPARE_AND_SET = """
      local current = redis.call('GET', KEYS[1])
      if current == false then current = '' end
      if current == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[2])
        return {1, current}
      end
      return {0, current}
      """;

  private final UnifiedJedis redis;
  private final Duration refuseMargin;

  public VersionRegistry(UnifiedJedis redis) {
    this(redis, DEFAULT_REFUSE_MARGIN);
  }

  public VersionRegistry(UnifiedJedis redis, Duration refuseMargin) {
    this.redis = redis;
    this.refuseMargin = Objects.requireNonNull(refuseMargin);
  }

  public Optional<String> active() {
    return Optional.ofNullable(redis.get(Keyspace.activeVersion()));
  }

  /** Adds a fully written version to the list, scored by publish time, and trims the list. */
  public void register(String version, Instant publishedAt) {
    try (AbstractPipeline p = redis.pipelined()) {
      Response<Long> added = p.zadd(Keyspace.versions(), publishedAt.toEpochMilli(), version);
      Response<Long> trimmed = p.zremrangeByRank(Keyspace.versions(), 0, -(KEEP + 1));
      p.sync();
      added.get();
      trimmed.get();
    }
  }

  /** Published versions, newest first. */
  public List<PublishedVersion> published() {
    String active = active().orElse(null);
    List<Tuple> entries = redis.zrevrangeWithScores(Keyspace.versions(), 0, -1);
    List<Response<Map<String, String>>> metas = new ArrayList<>(entries.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (Tuple t : entries) {
        metas.add(p.hgetAll(Keyspace.versionMeta(t.getElement())));
      }
      p.sync();
    }
    List<PublishedVersion> out = new ArrayList<>(entries.size());
    for (int i = 0; i < entries.size(); i++) {
      Tuple t = entries.get(i);
      out.add(new PublishedVersion(t.getElement(), Instant.ofEpochMilli((long) t.getScore()),
          metas.get(i).get(), t.getElement().equals(active)));
    }
    return out;
  }

  /**
   * Activates a version, switching from whatever is active at this moment.
   *
   * @return the version active before (null: none)
   */
  public String activate(String version) {
    String previous = active().orElse(null);
    activate(version, previous);
    return previous;
  }

  /**
   * Activates a version whose keys still exist and outlive the refuse margin: extends all its keys
   * to its publish TTL, then flips the pointer only if it still names {@code expectedPrevious}.
   *
   * @param expectedPrevious the version the caller saw active; null = no version active
   * @throws RegistryException UNKNOWN_VERSION, EXPIRING or CONFLICT
   */
  public void activate(String version, String expectedPrevious) {
    Duration ttl = activatable(version);
    extend(version, ttl);
    compareAndSet(expectedPrevious, version);
  }

  /**
   * Flips the pointer to a version just written with its full TTL (publish), without the scan of
   * {@link #activate(String, String)}; still a compare-and-set on {@code expectedPrevious}.
   */
  public void switchToFresh(String version, String expectedPrevious) {
    requireMeta(version);
    compareAndSet(expectedPrevious, version);
  }

  /** The switch a rollback would make now: from the active version to the one published before it. */
  public VersionSwitch planRollback() {
    String current = active().orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "no active version to roll back from"));
    List<PublishedVersion> versions = published();
    PublishedVersion currentEntry = versions.stream().filter(v -> v.version().equals(current)).findFirst()
        .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "active version " + current + " is not in "
            + Keyspace.versions() + "; use 'activate' to pick a version"));
    PublishedVersion previous = versions.stream()
        .filter(v -> v.publishedAt().isBefore(currentEntry.publishedAt()) && !v.expired())
        .findFirst()
        .orElseThrow(() -> new RegistryException(RegistryException.Kind.NOTHING_TO_ROLL_BACK, "no version published before " + current
            + " is still available; nothing to roll back to"));
    return new VersionSwitch(current, previous.version());
  }

  /**
   * Activates the version published just before the active one that still has its meta, unless
   * the pointer changes between reading it and switching (then CONFLICT, nothing changed).
   *
   * @return the version now active
   */
  public String rollback() {
    VersionSwitch plan = planRollback();
    apply(plan);
    return plan.to();
  }

  /** Activates {@code plan.to()} if {@code plan.from()} is still active. */
  public void apply(VersionSwitch plan) {
    activate(plan.to(), plan.from());
  }

  /** How long the version's meta has left; empty when it never expires, UNKNOWN_VERSION when gone. */
  public Optional<Duration> remaining(String version) {
    long pttl = redis.pttl(Keyspace.versionMeta(version));
    if (pttl == -2) {
      throw unknown(version);
    }
    return pttl < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(pttl));
  }

  /** The TTL the version was published with (its meta), or {@link #DEFAULT_TTL} if it predates that record. */
  public Duration publishTtl(String version) {
    String recorded = redis.hget(Keyspace.versionMeta(version), VersionMetaFields.TTL_SECONDS);
    if (recorded == null) {
      return DEFAULT_TTL;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(recorded));
    } catch (NumberFormatException e) {
      return DEFAULT_TTL;
    }
  }

  /**
   * Sets every key of the version (SCAN over its pattern, on every node of a cluster) to expire
   * {@code ttl} from now, in pipelined batches.
   *
   * @return keys extended
   */
  public long extend(String version, Duration ttl) {
    long ttlMs = ttl.toMillis();
    long extended = 0;
    // On a cluster this scans every node, replicas too: a key seen twice is simply extended twice.
    ScanIteration scan = redis.scanIteration(BATCH, Keyspace.versionPattern(version));
    while (!scan.isIterationCompleted()) {
      List<String> keys = new ArrayList<>(scan.nextBatchList());
      if (keys.isEmpty()) {
        continue;
      }
      try (AbstractPipeline p = redis.pipelined()) {
        List<Response<Long>> done = new ArrayList<>(keys.size());
        for (String key : keys) {
          done.add(p.pexpire(key, ttlMs));
        }
        p.sync();
        for (Response<Long> r : done) {
          extended += r.get();
        }
      }
    }
    return extended;
  }

  /**
   * Re-extends the version's keys to its publish TTL when its meta has less than half of it left;
   * what keeps the active version alive when no new version is published for a while.
   *
   * @return keys extended; 0 when it had enough time left (or never expires)
   */
  public long keepAlive(String version) {
    Optional<Duration> left = remaining(version);
    Duration ttl = publishTtl(version);
    if (left.isEmpty() || left.get().compareTo(ttl.dividedBy(2)) >= 0) {
      return 0;
    }
    return extend(version, ttl);
  }

  /** Checks the version can be activated and answers the TTL to extend it to. */
  private Duration activatable(String version) {
    Optional<Duration> left = remaining(version);
    if (left.isPresent() && left.get().compareTo(refuseMargin) < 0) {
      throw new RegistryException(RegistryException.Kind.EXPIRING, "version " + version + " expires in "
          + human(left.get()) + ", under the " + human(refuseMargin) + " safety margin: some of its lists may"
          + " already be gone; publish it again (or a newer version) instead");
    }
    return publishTtl(version);
  }

  private void requireMeta(String version) {
    if (!redis.exists(Keyspace.versionMeta(version))) {
      throw unknown(version);
    }
  }

  private void compareAndSet(String expected, String version) {
    Object answer = redis.eval(COMPARE_AND_SET, List.of(Keyspace.activeVersion()),
        List.of(expected == null ? "" : expected, version));
    List<?> result = (List<?>) answer;
    if (((Long) result.get(0)) != 1L) {
      String actual = (String) result.get(1);
      throw new RegistryException(RegistryException.Kind.CONFLICT, "the active version changed: expected "
          + (expected == null ? "none" : expected) + " but it is " + (actual.isEmpty() ? "none" : actual)
          + " (someone else switched it); nothing changed, look again and retry");
    }
  }

  private static RegistryException unknown(String version) {
    return new RegistryException(RegistryException.Kind.UNKNOWN_VERSION, "version " + version
        + " is not published or has expired (no " + Keyspace.versionMeta(version) + " in Redis)");
  }

  private static String human(Duration d) {
    if (d.toHours() >= 1) {
      return d.toHours() + " h " + d.toMinutesPart() + " min";
    }
    if (d.toMinutes() >= 1) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
