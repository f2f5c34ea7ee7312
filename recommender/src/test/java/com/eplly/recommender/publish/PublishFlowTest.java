package com.eplly.recommender.publish;

import static com.eplly.recommender.LakeFixture.article;
import static com.eplly.recommender.LakeFixture.view;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.RegistryException;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.recommender.EmbeddedRedis;
import com.eplly.recommender.LakeFixture;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.cli.CliContext;
import com.eplly.recommender.cli.RecoCli;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.model.SuggestionLists;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.TrainJob;
import com.eplly.recommender.train.TrainParams;
import com.eplly.recommender.train.TrainResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/** Train on a small lake, publish two versions to a real redis-server, roll back, list. */
@SparkTest
class PublishFlowTest {

  private static final Instant NOW = Instant.parse("2026-11-27T20:00:00Z");
  private static final Duration TTL = Duration.ofDays(7);
  private static final Set<String> X_ARTICLES = Set.of("a1", "a2", "a3");
  private static final String BRAND_NEW = "a7";
  /** Not the defaults, so that the test can tell the recorded weights are the ones used. */
  private static final HybridWeights WEIGHTS =
      HybridWeights.parse("co-visitation=1,als=1,ease=0.5,content=0.25,popularity=0");

  private static SparkSession spark;
  private static EmbeddedRedis redisServer;
  private static RedisEndpoint endpoint;
  private static UnifiedJedis redis;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start(SparkSession session) throws IOException {
    spark = session;
    redisServer = EmbeddedRedis.start();
    endpoint = redisServer.endpoint();
    redis = redisServer.client();
    writeLake(new LakeFixture(dir.resolve("lake")));
  }

  @AfterAll
  static void stop() throws IOException {
    redisServer.close();
  }

  /**
   * Readers x0..x3 read a1 a2 a3, readers y0..y3 read a4 a5 a6 (a6 is hidden); a1 is read most;
   * a7 is in the catalog, unread, its title close to a4's.
   */
  private static void writeLake(LakeFixture lake) {
    long t = NOW.minus(Duration.ofHours(3)).toEpochMilli();
    List<PageView> views = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      for (String[] group : new String[][] {{"x", "a1", "a2", "a3"}, {"y", "a4", "a5", "a6"}}) {
        String reader = group[0] + r;
        for (int i = 1; i < group.length; i++) {
          views.add(view(reader, group[i], reader + "-s", t + r * 60_000L + i * 1000L));
        }
      }
      views.add(view("z" + r, "a1", "z" + r + "-s", t + 7_200_000L));
    }
    lake.pageViews(0, 0, views.subList(0, 14));
    lake.pageViews(1, 0, views.subList(14, views.size()));
    String hour = LakeLayout.hourFolder(t);
    List<Article> catalog = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      catalog.add(article("a" + i, t - 86_400_000L));
    }
    catalog.add(new Article("a6", "withdrawn", "https://eplly.example/a6", "news", t, null, List.of(), null, true));
    catalog.add(new Article(BRAND_NEW, "Title a4 follow-up", "https://eplly.example/a7", "news", t, null, List.of(), null, false));
    lake.articles(hour, 0, 0, catalog);
  }

  private static TrainResult train(String version, MutableClock clock) {
    return train(version, clock, Optional.empty());
  }

  private static TrainResult train(String version, MutableClock clock, Optional<Instant> asOf) {
    TrainParams defaults = TrainParams.defaults();
    TrainParams params = new TrainParams(5, 10, 3, defaults.covisitHalfLife(), defaults.popularityHalfLife(),
        4, 5, 0.05, 10.0, 0.25, defaults.lookback(), asOf, defaults.easeLambda(), defaults.easeMaxItems(),
        WEIGHTS, defaults.alsMaxItems(), defaults.contentMaxArticles());
    ModelStore store = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
    return new TrainJob(spark, store, clock, new Progress(System.out, TrainJob.STEPS))
        .train(dir.resolve("lake").toString(), params, Optional.of(version));
  }

  private static void publish(String version, MutableClock clock) {
    ModelStore store = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
    new PublishJob(spark, store, endpoint, clock, new Progress(System.out, PublishJob.STEPS))
        .publish(version, TTL);
  }

  /** The views after --as-of are left out: the cached lake is filtered and cached anew. */
  @Test
  void trainsOnTheViewsUpToAsOfOnly() {
    Instant asOf = NOW.minus(Duration.ofHours(3)).plusSeconds(90); // readers x0, y0, x1, y1 have read by then
    TrainResult result = train("as-of", new MutableClock(NOW), Optional.of(asOf));
    assertEquals(12L, result.meta().input().get("events"));
    assertEquals(4L, result.meta().input().get("readers"));
    assertEquals(asOf.toString(), result.meta().referenceTime());
    assertEquals(4L, spark.read().parquet(result.stored().readerLists()).count());
  }

  @Test
  void publishActivateRollbackAndList() {
    MutableClock clock = new MutableClock(NOW.plusSeconds(60));
    TrainResult v1 = train("v1", clock);
    publish("v1", clock);

    assertEquals("v1", redis.get(Keyspace.activeVersion()));
    assertListsMatchParquet(v1);
    assertKeysOfVersion(v1);
    List<Suggestion> a4 = SuggestionListCodec.decode(redis.get(Keyspace.articleList("v1", "a4")));
    assertEquals("a5", a4.get(0).articleId(), "read together, similar and ease: " + a4);
    assertEquals(Reason.READ_TOGETHER, a4.get(0).reason());
    assertTrue(a4.stream().noneMatch(s -> s.articleId().equals("a6")), "a6 is hidden: " + a4);
    // model.json records the weights, and they are the ones the lists were blended with: the new
    // article's only source is content, whose best neighbour normalises to 1 and so scores its weight.
    ModelStore modelStore = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
    @SuppressWarnings("unchecked")
    Map<String, Number> recorded = (Map<String, Number>) modelStore.readMeta("v1").params().get("hybrid");
    assertEquals(WEIGHTS.weights().keySet(), recorded.keySet());
    recorded.forEach((source, w) -> assertEquals(WEIGHTS.of(Source.labelled(source)), w.doubleValue(), 1e-12, source));
    List<Suggestion> fresh = SuggestionListCodec.decode(redis.get(Keyspace.articleList("v1", BRAND_NEW)));
    assertEquals("a4", fresh.get(0).articleId(), "brand-new article, nobody read it: " + fresh);
    assertTrue(fresh.stream().allMatch(s -> s.reason() == Reason.SIMILAR_CONTENT), "" + fresh);
    assertTrue(fresh.stream().noneMatch(s -> s.articleId().equals("a6") || s.articleId().equals(BRAND_NEW)), "" + fresh);
    assertEquals(recorded.get(Source.CONTENT.label()).doubleValue(), fresh.get(0).score(), 1e-4);
    List<Suggestion> x0 = SuggestionListCodec.decode(redis.get(Keyspace.readerList("v1", "x0")));
    assertFalse(x0.isEmpty());
    assertTrue(x0.stream().noneMatch(s -> X_ARTICLES.contains(s.articleId()) || s.articleId().equals("a6")), "x0: " + x0);
    assertTrue(x0.stream().allMatch(s -> s.reason() == Reason.SIMILAR_READERS || s.reason() == Reason.READ_TOGETHER), "" + x0);
    List<Suggestion> popular = SuggestionListCodec.decode(redis.get(Keyspace.popularList("v1")));
    assertEquals("a1", popular.get(0).articleId());
    assertEquals(5, popular.size());
    assertEquals(Reason.POPULAR, popular.get(0).reason());
    Map<String, String> meta = redis.hgetAll(Keyspace.versionMeta("v1"));
    assertEquals(v1.meta().createdAt(), meta.get(VersionMetaFields.CREATED));
    assertEquals("28", meta.get(VersionMetaFields.EVENTS));
    assertEquals(Long.toString(TTL.toSeconds()), meta.get(VersionMetaFields.TTL_SECONDS), "what activation extends to");
    assertTrue(meta.get(VersionMetaFields.PARAMS).contains("\"alsRank\":4"), meta.get(VersionMetaFields.PARAMS));
    assertEquals((double) clock.millis(), redis.zscore(Keyspace.versions(), "v1"));

    clock.advance(Duration.ofHours(1));
    train("v2", clock);
    publish("v2", clock);
    assertEquals("v2", redis.get(Keyspace.activeVersion()));
    assertEquals(2, redis.zcard(Keyspace.versions()));

    VersionRegistry registry = new VersionRegistry(redis);
    assertEquals("v1", registry.rollback());
    assertEquals("v1", redis.get(Keyspace.activeVersion()));
    RegistryException none = assertThrows(RegistryException.class, registry::rollback);
    assertTrue(none.getMessage().contains("nothing to roll back to"), none.getMessage());

    // a trained but unpublished version shows up as local
    ModelStore store = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
    ModelMeta m = v1.meta();
    store.writeMeta(new ModelMeta("v3", clock.instant().toString(), m.referenceTime(), m.input(), m.output(), m.params(), 1.0));
    Cli models = cli("models", "--models", dir.resolve("models").toString(), "--redis", endpoint.uri());
    assertEquals(RecoCli.OK, models.exit, models.err);
    List<String> lines = models.out.lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\*\\s+v1\\s+published.*")), models.out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+v2\\s+published.*")), models.out);
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+v3\\s+local.*")), models.out);

    Cli activate = cli("activate", "v2", "--redis", endpoint.uri());
    assertEquals(RecoCli.OK, activate.exit, activate.err);
    assertEquals("v2", redis.get(Keyspace.activeVersion()));
    Cli unknown = cli("activate", "v9", "--redis", endpoint.uri());
    assertEquals(RecoCli.FAILED, unknown.exit);
    assertTrue(unknown.err.contains("v9 is not published"), unknown.err);
    assertEquals("v2", redis.get(Keyspace.activeVersion()));

    // a publish that fails half-way (Redis refuses writes) leaves the active pointer alone
    redis.configSet("maxmemory", "1");
    try {
      clock.advance(Duration.ofHours(1));
      assertThrows(Exception.class, () -> publish("v1", clock));
    } finally {
      redis.configSet("maxmemory", "0");
    }
    assertEquals("v2", redis.get(Keyspace.activeVersion()));
    assertEquals(NOW.plusSeconds(60).toEpochMilli(), redis.zscore(Keyspace.versions(), "v1").longValue(), "v1 not re-registered");

    // someone activates v1 while a publish of v2 writes its lists: the publish must not overwrite it
    ByteArrayOutputStream progressOut = new ByteArrayOutputStream();
    PrintStream racing = new PrintStream(new java.io.OutputStream() {
      private boolean switched;

      @Override
      public void write(int b) {
        progressOut.write(b);
        if (!switched && progressOut.toString(StandardCharsets.UTF_8).contains("article lists")) {
          switched = true;
          new VersionRegistry(redis).activate("v1", "v2");
        }
      }
    }, true, StandardCharsets.UTF_8);
    clock.advance(Duration.ofHours(1));
    ModelStore raceStore = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
    RegistryException lost = assertThrows(RegistryException.class, () ->
        new PublishJob(spark, raceStore, endpoint, clock, new Progress(racing, PublishJob.STEPS)).publish("v2", TTL));
    assertEquals(RegistryException.Kind.CONFLICT, lost.kind());
    assertTrue(lost.getMessage().contains("v2 is published but not active") && lost.getMessage().contains("expected v2 but it is v1"),
        lost.getMessage());
    assertEquals("v1", redis.get(Keyspace.activeVersion()));
  }

  private static void assertListsMatchParquet(TrainResult version) {
    List<Row> rows = spark.read().parquet(version.stored().articleLists()).collectAsList();
    assertEquals(version.meta().output().get("articleLists"), (long) rows.size());
    for (Row row : rows) {
      String stored = redis.get(Keyspace.articleList("v1", row.getString(0)));
      assertNotNull(stored, "missing list of " + row.getString(0));
      List<Suggestion> expected = SuggestionLists.fromRow(row);
      List<Suggestion> actual = SuggestionListCodec.decode(stored);
      assertEquals(expected.stream().map(Suggestion::articleId).toList(), actual.stream().map(Suggestion::articleId).toList());
      assertEquals(expected.get(0).score(), actual.get(0).score(), 1e-4 * expected.get(0).score());
    }
  }

  private static void assertKeysOfVersion(TrainResult version) {
    Set<String> keys = redis.keys(Keyspace.versionPattern("v1"));
    long lists = version.meta().output().get("articleLists") + version.meta().output().get("readerLists");
    assertEquals(lists + 2, keys.size(), "lists + popular + meta");
    for (String key : keys) {
      long ttl = redis.ttl(key);
      assertTrue(ttl > TTL.toSeconds() - 120 && ttl <= TTL.toSeconds(), key + " ttl " + ttl);
    }
    assertEquals(12, version.meta().output().get("readerLists")); // every reader has unread servable articles
  }

  private record Cli(int exit, String out, String err) {}

  private static Cli cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = new RecoCli().run(args, new CliContext(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), java.time.Clock.systemUTC()));
    return new Cli(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
