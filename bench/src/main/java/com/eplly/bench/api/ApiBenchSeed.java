package com.eplly.bench.api;

import com.eplly.contracts.codec.ArticleHash;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * Seeds Redis with a published model of realistic size for the api latency benchmark: article
 * hashes, article and reader lists of one version, popular, latest, trending buckets, co-visits and
 * readers' recent reads, all through pipelines. Ids are {@code bench-a{n}} and {@code bench-r{n}}
 * so the load generator can pick them at random.
 *
 * <p>Usage: {@code ApiBenchSeed HOST PORT ARTICLES READERS [DATABASE]} (logical database, default 0)
 */
public final class ApiBenchSeed {

  static final String VERSION = "v-bench-api";
  private static final int LIST_SIZE = 20;
  private static final int BATCH = 2_000;
  private static final long TTL_SECONDS = 6 * 3600;
  private static final String[] SECTIONS =
      {"politics", "world", "business", "tech", "science", "health", "sport", "culture", "travel", "food"};
  private static final Reason[] MODEL_REASONS =
      {Reason.READ_TOGETHER, Reason.SIMILAR_CONTENT, Reason.READ_TOGETHER};

  private ApiBenchSeed() {}

  public static void main(String[] args) {
    if (args.length != 4 && args.length != 5) {
      System.err.println("usage: ApiBenchSeed HOST PORT ARTICLES READERS [DATABASE]");
      System.exit(2);
    }
    String host = args[0];
    int port = Integer.parseInt(args[1]);
    int articles = Integer.parseInt(args[2]);
    int readers = Integer.parseInt(args[3]);
    int database = args.length == 5 ? Integer.parseInt(args[4]) : 0;
    long start = System.nanoTime();
    try (RedisClient redis = RedisClient.builder().hostAndPort(new HostAndPort(host, port))
        .clientConfig(DefaultJedisClientConfig.builder().database(database).build()).build()) {
      seed(redis, articles, readers, System.currentTimeMillis(), new Random(7));
    }
    System.out.printf("seeded %d articles, %d article lists, %d reader lists in %.1f s (version %s)%n",
        articles, articles, readers, (System.nanoTime() - start) / 1e9, VERSION);
  }

  public static String articleId(int n) {
    return "bench-a" + n;
  }

  /** The {@code i}-th of the catalog's sections (also each article's one tag). */
  public static String section(int i) {
    return SECTIONS[i];
  }

  public static int sectionCount() {
    return SECTIONS.length;
  }

  static String readerId(int n) {
    return "bench-r" + n;
  }

  static void seed(RedisClient redis, int articles, int readers, long now, Random rnd) {
    redis.flushDB();
    // Popularity is skewed, as on a real portal: a few articles draw most reads.
    int[] hot = new int[Math.min(articles, 2_000)];
    for (int i = 0; i < hot.length; i++) {
      hot[i] = rnd.nextInt(articles);
    }
    for (int from = 0; from < articles; from += BATCH) {
      int to = Math.min(articles, from + BATCH);
      try (AbstractPipeline p = redis.pipelined()) {
        for (int n = from; n < to; n++) {
          String id = articleId(n);
          String section = SECTIONS[n % SECTIONS.length];
          long published = now - (long) (rnd.nextDouble() * 5 * 86_400_000L);
          Article a = new Article(id, "Story " + n + " in " + section, "https://news.example/" + section + "/" + n,
              section, published, "Summary of story " + n, List.of(section), null, false);
          p.hset(Keyspace.article(id), ArticleHash.toHash(a));
          p.zadd(Keyspace.latestArticles(), published, id);
          p.setex(Keyspace.articleList(VERSION, id), TTL_SECONDS, SuggestionListCodec.encode(list(rnd, articles, n, MODEL_REASONS)));
          Map<String, Double> visits = new HashMap<>();
          for (int k = 0; k < 10; k++) {
            visits.put(articleId(hot[rnd.nextInt(hot.length)]), (double) (1 + rnd.nextInt(50)));
          }
          p.zadd(Keyspace.coVisits(id), visits);
          p.expire(Keyspace.coVisits(id), TTL_SECONDS);
        }
        p.sync();
      }
      progress("articles", to, articles);
    }
    redis.zremrangeByRank(Keyspace.latestArticles(), 0, -1_001); // ingest keeps the newest 1000
    for (int from = 0; from < readers; from += BATCH) {
      int to = Math.min(readers, from + BATCH);
      try (AbstractPipeline p = redis.pipelined()) {
        for (int n = from; n < to; n++) {
          String id = readerId(n);
          p.setex(Keyspace.readerList(VERSION, id), TTL_SECONDS,
              SuggestionListCodec.encode(list(rnd, articles, -1, new Reason[] {Reason.SIMILAR_READERS})));
          String[] recent = new String[5];
          for (int k = 0; k < recent.length; k++) {
            recent[k] = articleId(hot[rnd.nextInt(hot.length)]);
          }
          p.lpush(Keyspace.readerRecent(id), recent);
          p.expire(Keyspace.readerRecent(id), TTL_SECONDS);
        }
        p.sync();
      }
      progress("readers", to, readers);
    }
    try (AbstractPipeline p = redis.pipelined()) {
      List<Suggestion> popular = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        popular.add(new Suggestion(articleId(hot[i]), 1.0 - i / 200.0, Reason.POPULAR));
      }
      p.setex(Keyspace.popularList(VERSION), TTL_SECONDS, SuggestionListCodec.encode(popular));
      for (String bucket : Keyspace.trendingWindow(now, 12)) {
        Map<String, Double> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
          counts.merge(articleId(hot[rnd.nextInt(hot.length)]), 1.0 + rnd.nextInt(5), Double::sum);
        }
        p.zadd(bucket, counts);
        p.expire(bucket, TTL_SECONDS);
      }
      p.hset(Keyspace.versionMeta(VERSION), Map.of("created", Instant.ofEpochMilli(now).toString(),
          "articleLists", Integer.toString(articles), "readerLists", Integer.toString(readers)));
      p.expire(Keyspace.versionMeta(VERSION), TTL_SECONDS);
      p.zadd(Keyspace.versions(), now, VERSION);
      p.set(Keyspace.activeVersion(), VERSION);
      p.sync();
    }
  }

  private static List<Suggestion> list(Random rnd, int articles, int self, Reason[] reasons) {
    List<Suggestion> out = new ArrayList<>(LIST_SIZE);
    for (int i = 0; i < LIST_SIZE; i++) {
      int n = rnd.nextInt(articles);
      if (n != self) {
        out.add(new Suggestion(articleId(n), Math.round((1.0 - i / (double) LIST_SIZE) * 1000) / 1000.0,
            reasons[i % reasons.length]));
      }
    }
    return out;
  }

  private static void progress(String what, int done, int total) {
    if (done == total || done % 20_000 == 0) {
      System.out.printf("  %s %d/%d%n", what, done, total);
    }
  }
}
