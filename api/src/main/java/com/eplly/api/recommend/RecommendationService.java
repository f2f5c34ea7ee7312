package com.eplly.api.recommend;

import com.eplly.api.experiment.ArmPolicy;
import com.eplly.api.experiment.ExperimentRouting;
import com.eplly.api.experiment.ExperimentRouting.Assignment;
import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.serving.RecommendationMerger;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.Recommended;
import com.eplly.api.catalog.ArticleLookup;
import com.eplly.api.config.EpllyProperties;
import com.eplly.api.editorial.ActiveRules;
import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.contracts.editorial.PageRules;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Suggestion;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Answers a recommendation request: one pipelined read of every source, metadata from the cache
 * (misses in one more round trip), then the merge. A Redis failure (unreachable, timed out, pool
 * exhausted: Jedis's exceptions) turns into a degraded answer from the last-known snapshot; any
 * other exception is a bug and propagates, to become a logged 500 rather than a disguised 200.
 * A request in a running experiment is served by its arm: that arm's model version, or its
 * baseline policy over the fallbacks ({@link ArmPolicy}). Editors' rules apply to every answer,
 * degraded ones included ({@link ActiveRules} holds them in memory).
 */
@Service
public class RecommendationService {

  private static final Logger log = LoggerFactory.getLogger(RecommendationService.class);

  private final CandidateReader reader;
  private final ExperimentRouting routing;
  private final ArticleLookup articles;
  private final ActiveRules rules;
  private final ActiveVersion activeVersion;
  private final ServingSnapshot snapshot;
  private final RecommendationMerger merger;
  private final RecommendationMetrics metrics;
  private final Clock clock;
  private final int candidatesPerSource;
  private final AtomicBoolean serving = new AtomicBoolean(true);

  public RecommendationService(
      CandidateReader reader, ExperimentRouting routing, ArticleLookup articles, ActiveRules rules,
      ActiveVersion activeVersion, ServingSnapshot snapshot, RecommendationMetrics metrics, Clock clock,
      EpllyProperties properties) {
    this.reader = reader;
    this.routing = routing;
    this.articles = articles;
    this.rules = rules;
    this.activeVersion = activeVersion;
    this.snapshot = snapshot;
    this.metrics = metrics;
    this.clock = clock;
    this.merger = new RecommendationMerger(properties.recommend().categoryShare());
    this.candidatesPerSource = properties.recommend().candidatesPerSource();
  }

  public RecommendationResponse recommend(RecommendationQuery query) {
    return metrics.time(() -> {
      long now = clock.millis();
      String requestId = UUID.randomUUID().toString();
      Optional<Assignment> assignment = routing.route(query.readerId(), query.sessionId());
      Arm arm = assignment.map(Assignment::arm).orElse(null);
      String version = arm != null && arm.version() != null ? arm.version() : activeVersion.current();
      try {
        CandidateLists sources = reader.read(version, query, now, candidatesPerSource, true);
        if (arm != null && arm.policy() != null) {
          sources = ArmPolicy.apply(arm.policy(), sources, requestId.hashCode());
        }
        PageRules page = pageRules(query.articleId(), now, articles::find);
        List<Recommended> items = merger.merge(query.mergeRequest(), sources, articles::find, now, page);
        if (serving.compareAndSet(false, true)) {
          log.info("Redis answers again: serving fresh recommendations");
        }
        return answer(requestId, items, arm == null || arm.policy() == null ? version : null, false,
            assignment.orElse(null));
      } catch (JedisException e) {
        if (serving.compareAndSet(true, false)) {
          log.warn("Redis failed, serving degraded answers from the last-known snapshot: {}", e.toString());
        }
        log.debug("degraded answer", e);
        // not the arm's answer: outside the experiment, so its counts stay the arm's own
        return degraded(requestId, query, now, version);
      }
    });
  }

  /** Fallback lists of the snapshot; the reader's history is unknown, the other filters still apply. */
  private RecommendationResponse degraded(String requestId, RecommendationQuery query, long now, String version) {
    metrics.degraded();
    Snapshot last = snapshot.current();
    PageRules page = pageRules(query.articleId(), now, articles::cached);
    List<Suggestion> candidates = merger.candidates(
        query.mergeRequest(), CandidateLists.fallbackOnly(last.trending(), last.popular(), last.latest()), page);
    Map<String, Article> known = new HashMap<>(last.articles());
    known.putAll(articles.cached(ids(candidates)));
    String servedVersion = last.version() != null ? last.version() : version;
    return answer(requestId, merger.select(candidates, known, query.limit(), now, page), servedVersion, true, null);
  }

  /**
   * The editors' rules for this page. Pins are by the current article's section and tags, so only
   * when some pin is in force is that article looked up (from the cache, as a rule).
   */
  private PageRules pageRules(String articleId, long now, Function<List<String>, Map<String, Article>> metadata) {
    EditorialRules inForce = rules.at(now);
    Article current = inForce.hasPins() && articleId != null ? metadata.apply(List.of(articleId)).get(articleId) : null;
    return current == null ? inForce.forPage(null, List.of()) : inForce.forPage(current.category(), current.tags());
  }

  private RecommendationResponse answer(String requestId, List<Recommended> items, String version, boolean degraded,
      Assignment assignment) {
    metrics.served(items);
    return new RecommendationResponse(requestId, items.stream().map(RecommendedItem::of).toList(), version, degraded,
        assignment == null ? null : assignment.experiment().name(), assignment == null ? null : assignment.arm().name());
  }

  private static List<String> ids(List<Suggestion> candidates) {
    return candidates.stream().map(Suggestion::articleId).toList();
  }
}
