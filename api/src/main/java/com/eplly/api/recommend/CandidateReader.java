package com.eplly.api.recommend;

import com.eplly.contracts.serving.CandidateLists;
import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.live.CoVisitRule;
import com.eplly.contracts.live.TrendingRule;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.serving.RecentNeighbours;
import com.eplly.contracts.serving.SessionBlend;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads every candidate source of one request in a single pipelined Redis round trip: the
 * version's article, reader and popular lists, the reader's and session's recent reads, live
 * co-visits and content neighbours, the trending buckets and the newest articles. A request
 * without an article (an anonymous reader on a home page, say) costs a second round trip: the
 * lists and co-visits of the session's newest reads stand in for the current article's; so does,
 * with {@code session-blend} on, an article page whose session read others (their lists join the
 * current article's).
 */
@Component
public class CandidateReader {

  private static final Logger log = LoggerFactory.getLogger(CandidateReader.class);

  private final UnifiedJedis redis;
  private final NearCache nearCache;
  private final EpllyProperties.Recommend settings;

  public CandidateReader(UnifiedJedis redis, NearCache nearCache, EpllyProperties properties) {
    this.redis = redis;
    this.nearCache = nearCache;
    this.settings = properties.recommend();
  }

  /**
   * @param version  active model version, or null (then only live and fallback sources are read)
   * @param query    whose ids select the personal and article sources (each may be null)
   * @param nowMs    the instant that picks the trending buckets
   * @param size     items read per ranked source (co-visits, each trending bucket, latest)
   * @param cached   whether the {@link NearCache} may supply the shared lists and the article's
   *                 model list (and is refilled with what this read fetched)
   * @throws RuntimeException when Redis is unreachable or too slow
   */
  public CandidateLists read(
      String version, RecommendationQuery query, long nowMs, int size, boolean cached) {
    String articleId = query.articleId();
    String readerId = query.readerId();
    String sessionId = query.sessionId();
    int history = settings.historySize();
    Response<String> articleList = null;
    Response<String> readerList = null;
    Response<String> popular = null;
    Response<List<String>> readerRecent = null;
    Response<List<String>> sessionRecent = null;
    Response<List<Tuple>> coVisits = null;
    Response<List<Tuple>> liveSimilar = null;
    List<Response<List<Tuple>>> trending = new ArrayList<>();
    Response<List<String>> latest = null;
    NearCache.SharedLists shared = cached ? nearCache.shared(version) : null;
    List<Suggestion> cachedArticleList =
        cached && version != null && articleId != null ? nearCache.articleList(version, articleId) : null;
    try (AbstractPipeline p = redis.pipelined()) {
      if (version != null) {
        if (shared == null) {
          popular = p.get(Keyspace.popularList(version));
        }
        if (articleId != null && cachedArticleList == null) {
          articleList = p.get(Keyspace.articleList(version, articleId));
        }
        if (readerId != null) {
          readerList = p.get(Keyspace.readerList(version, readerId));
        }
      }
      if (articleId != null) {
        coVisits = p.zrevrangeWithScores(Keyspace.coVisits(articleId), 0, size - 1);
        liveSimilar = p.zrevrangeWithScores(Keyspace.liveSimilar(articleId), 0, size - 1);
      }
      if (readerId != null) {
        readerRecent = p.lrange(Keyspace.readerRecent(readerId), 0, history - 1);
      }
      if (sessionId != null) {
        sessionRecent = p.lrange(Keyspace.sessionRecent(sessionId), 0, history - 1);
      }
      if (shared == null) {
        for (String bucket : Keyspace.trendingWindow(nowMs, settings.trendingBuckets())) {
          trending.add(p.zrevrangeWithScores(bucket, 0, size - 1));
        }
        latest = p.zrevrange(Keyspace.latestArticles(), 0, size - 1);
      }
      p.sync();
    }
    if (shared == null) {
      List<Map<String, Double>> buckets = new ArrayList<>(trending.size());
      for (Response<List<Tuple>> bucket : trending) {
        buckets.add(scores(bucket));
      }
      shared = new NearCache.SharedLists(
          TrendingRule.scores(buckets, settings.trendingDecay(), size),
          decode(popular),
          strings(latest).stream().map(id -> new Suggestion(id, 0.0, Reason.LATEST)).toList());
      if (cached) {
        nearCache.putShared(version, shared);
      }
    }
    if (cachedArticleList == null) {
      cachedArticleList = decode(articleList);
      if (cached && articleList != null) {
        nearCache.putArticleList(version, articleId, cachedArticleList);
      }
    }
    List<String> sessionReads = strings(sessionRecent);
    Set<String> alreadyRead = new LinkedHashSet<>(sessionReads);
    alreadyRead.addAll(strings(readerRecent));
    List<Suggestion> recentNeighbours = articleId == null
        ? recentNeighbours(version, alreadyRead, size) : List.of();
    List<Suggestion> pageList = settings.sessionBlend() && version != null && articleId != null
        ? sessionBlend(version, articleId, cachedArticleList, sessionReads, cached) : cachedArticleList;
    // Without session reads the newest reads are older history the reader's profile sums up.
    boolean fromSession = !sessionReads.isEmpty();
    return new CandidateLists(
        pageList,
        CoVisitRule.scored(scores(coVisits), cachedArticleList),
        fromSession ? recentNeighbours : List.of(),
        decode(readerList),
        fromSession ? List.of() : recentNeighbours,
        shared.trending(),
        shared.popular(),
        shared.latest(),
        alreadyRead,
        scored(liveSimilar, Reason.SIMILAR_CONTENT));
  }

  /**
   * The page's list under the session-page rule ({@link SessionBlend}): the current article's
   * model list blended with those of the session's newest other reads; lists the near cache
   * does not hold are read in one more pipelined round trip.
   */
  private List<Suggestion> sessionBlend(String version, String articleId, List<Suggestion> current,
      List<String> sessionReads, boolean cached) {
    List<String> seeds = SessionBlend.seeds(articleId, sessionReads, settings.recentSeeds());
    if (seeds.size() < 2) {
      return current;
    }
    List<List<Suggestion>> lists = new ArrayList<>(seeds.size());
    lists.add(current);
    Map<String, Response<String>> missing = new LinkedHashMap<>();
    for (String seed : seeds.subList(1, seeds.size())) {
      List<Suggestion> hit = cached ? nearCache.articleList(version, seed) : null;
      lists.add(hit);
      if (hit == null) {
        missing.put(seed, null);
      }
    }
    if (!missing.isEmpty()) {
      try (AbstractPipeline p = redis.pipelined()) {
        missing.replaceAll((seed, none) -> p.get(Keyspace.articleList(version, seed)));
        p.sync();
      }
    }
    for (int i = 1; i < seeds.size(); i++) {
      if (lists.get(i) == null) {
        List<Suggestion> list = decode(missing.get(seeds.get(i)));
        if (cached) {
          nearCache.putArticleList(version, seeds.get(i), list);
        }
        lists.set(i, list);
      }
    }
    return SessionBlend.blend(lists);
  }

  /**
   * Neighbours of the newest reads (session first, then reader), by {@link RecentNeighbours}; each
   * seed's live co-visits scored after its model list ({@link CoVisitRule}).
   */
  private List<Suggestion> recentNeighbours(String version, Set<String> recentNewestFirst, int size) {
    List<String> seeds = recentNewestFirst.stream().limit(settings.recentSeeds()).toList();
    if (seeds.isEmpty()) {
      return List.of();
    }
    List<Response<String>> lists = new ArrayList<>(seeds.size());
    List<Response<List<Tuple>>> visits = new ArrayList<>(seeds.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (String seed : seeds) {
        lists.add(version == null ? null : p.get(Keyspace.articleList(version, seed)));
        visits.add(p.zrevrangeWithScores(Keyspace.coVisits(seed), 0, size - 1));
      }
      p.sync();
    }
    List<List<Suggestion>> perSeed = new ArrayList<>(seeds.size());
    for (int i = 0; i < seeds.size(); i++) {
      List<Suggestion> model = decode(lists.get(i));
      List<Suggestion> one = new ArrayList<>(model);
      one.addAll(CoVisitRule.scored(scores(visits.get(i)), model));
      perSeed.add(one);
    }
    return RecentNeighbours.interleave(perSeed);
  }

  private static List<Suggestion> scored(Response<List<Tuple>> members, Reason reason) {
    return scores(members).entrySet().stream()
        .map(e -> new Suggestion(e.getKey(), e.getValue(), reason)).toList();
  }

  /** A corrupt list costs that one source, not the whole answer. */
  private static List<Suggestion> decode(Response<String> value) {
    if (value == null) {
      return List.of();
    }
    try {
      return SuggestionListCodec.decode(value.get());
    } catch (IllegalArgumentException e) {
      log.warn("ignoring a malformed suggestion list: {}", e.getMessage());
      return List.of();
    }
  }

  private static List<String> strings(Response<List<String>> value) {
    List<String> list = value == null ? null : value.get();
    return list == null ? List.of() : list;
  }

  private static Map<String, Double> scores(Response<List<Tuple>> value) {
    Map<String, Double> out = new LinkedHashMap<>();
    List<Tuple> tuples = value == null ? null : value.get();
    if (tuples != null) {
      for (Tuple t : tuples) {
        out.put(t.getElement(), t.getScore());
      }
    }
    return out;
  }
}
