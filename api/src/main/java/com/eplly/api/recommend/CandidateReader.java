package com.eplly.api.recommend;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Reads every candidate source of one request in a single pipelined Redis round trip: the
 * version's article, reader and popular lists, the reader's and session's recent reads, live
 * co-visits, the trending buckets and the newest articles.
 */
@Component
public class CandidateReader {

  private static final Logger log = LoggerFactory.getLogger(CandidateReader.class);

  private final RedisClient redis;
  private final EpllyProperties.Recommend settings;

  public CandidateReader(RedisClient redis, EpllyProperties properties) {
    this.redis = redis;
    this.settings = properties.recommend();
  }

  /**
   * @param version  active model version, or null (then only live and fallback sources are read)
   * @param query    whose ids select the personal and article sources (each may be null)
   * @param nowMs    the instant that picks the trending buckets
   * @param size     items read per ranked source (co-visits, each trending bucket, latest)
   * @throws RuntimeException when Redis is unreachable or too slow
   */
  public CandidateSources read(String version, RecommendationQuery query, long nowMs, int size) {
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
    List<Response<List<Tuple>>> trending = new ArrayList<>();
    Response<List<String>> latest;
    try (Pipeline p = redis.pipelined()) {
      if (version != null) {
        popular = p.get(Keyspace.popularList(version));
        if (articleId != null) {
          articleList = p.get(Keyspace.articleList(version, articleId));
        }
        if (readerId != null) {
          readerList = p.get(Keyspace.readerList(version, readerId));
        }
      }
      if (articleId != null) {
        coVisits = p.zrevrangeWithScores(Keyspace.coVisits(articleId), 0, size - 1);
      }
      if (readerId != null) {
        readerRecent = p.lrange(Keyspace.readerRecent(readerId), 0, history - 1);
      }
      if (sessionId != null) {
        sessionRecent = p.lrange(Keyspace.sessionRecent(sessionId), 0, history - 1);
      }
      for (String bucket : Keyspace.trendingWindow(nowMs, settings.trendingBuckets())) {
        trending.add(p.zrevrangeWithScores(bucket, 0, size - 1));
      }
      latest = p.zrevrange(Keyspace.latestArticles(), 0, size - 1);
      p.sync();
    }
    Set<String> alreadyRead = new LinkedHashSet<>();
    alreadyRead.addAll(strings(readerRecent));
    alreadyRead.addAll(strings(sessionRecent));
    List<Map<String, Double>> buckets = new ArrayList<>(trending.size());
    for (Response<List<Tuple>> bucket : trending) {
      buckets.add(scores(bucket));
    }
    return new CandidateSources(
        decode(articleList),
        scores(coVisits).entrySet().stream()
            .map(e -> new Suggestion(e.getKey(), e.getValue(), Reason.READ_TOGETHER)).toList(),
        decode(readerList),
        TrendingBlend.blend(buckets, settings.trendingDecay(), size),
        decode(popular),
        strings(latest).stream().map(id -> new Suggestion(id, 0.0, Reason.LATEST)).toList(),
        alreadyRead);
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
