package com.eplly.api.recommend;

import com.eplly.contracts.serving.CandidateLists;
import com.eplly.api.catalog.ArticleLookup;
import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.event.Suggestion;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Holds the {@link Snapshot} used in degraded mode and rebuilds it periodically while Redis is
 * up; a failed rebuild keeps the previous one, so an outage serves the state from just before it.
 */
@Component
public class ServingSnapshot {

  private static final Logger log = LoggerFactory.getLogger(ServingSnapshot.class);

  private final CandidateReader reader;
  private final ArticleLookup articles;
  private final ActiveVersion activeVersion;
  private final Clock clock;
  private final int size;
  private final AtomicReference<Snapshot> current = new AtomicReference<>(Snapshot.empty());
  private final AtomicBoolean failing = new AtomicBoolean(false);

  public ServingSnapshot(
      CandidateReader reader, ArticleLookup articles, ActiveVersion activeVersion, Clock clock,
      EpllyProperties properties) {
    this.reader = reader;
    this.articles = articles;
    this.activeVersion = activeVersion;
    this.clock = clock;
    this.size = properties.recommend().snapshotSize();
  }

  public Snapshot current() {
    return current.get();
  }

  /** Rebuilds the snapshot from Redis; keeps the old one when Redis cannot be read. */
  public void refresh() {
    long now = clock.millis();
    String version = activeVersion.current();
    try {
      CandidateLists s = reader.read(
          version, new RecommendationQuery(null, null, null, size, Set.of()), now, size, false);
      Set<String> ids = new LinkedHashSet<>();
      Stream.of(s.trending(), s.popular(), s.latest())
          .flatMap(l -> l.stream().limit(size))
          .map(Suggestion::articleId)
          .forEach(ids::add);
      current.set(new Snapshot(version, s.trending(), s.popular().stream().limit(size).toList(),
          s.latest(), articles.find(ids), now));
      if (failing.compareAndSet(true, false)) {
        log.info("fallback snapshot refreshed again");
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        long takenAt = current.get().takenAt();
        log.warn("cannot refresh the fallback snapshot, keeping {}: {}",
            takenAt == 0 ? "none (no snapshot yet)" : "the one taken at " + Instant.ofEpochMilli(takenAt), e.toString());
      }
    }
  }
}
