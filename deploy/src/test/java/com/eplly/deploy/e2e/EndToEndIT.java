package com.eplly.deploy.e2e;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.eplly.contracts.Topics;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.deploy.client.ApiClient;
import com.eplly.deploy.demo.DemoProducer;
import com.eplly.deploy.demo.DemoStreamer;
import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.process.ServiceLauncher;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RecommenderCli;
import com.eplly.deploy.service.RepoLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.io.IOException;
import java.util.Arrays;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.eplly.deploy.simulate.ReaderSimulator;
import com.eplly.deploy.simulate.ClickModel;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.MethodOrderer;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The whole engine on random ports: a real broker and redis-server, the packaged ingest and api
 * processes and the recommender CLI. Generated traffic plus malformed records go in; the lake, the
 * dead-letter topic, two published model versions, a rollback and live filtering are checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("slow")
class EndToEndIT {

  private static final int MALFORMED = 30;
  private static final int LIMIT = 6;
  private static final Duration START = Duration.ofSeconds(120);
  private static final Duration LAKE = Duration.ofSeconds(120);
  private static final Duration TRAIN = Duration.ofMinutes(4);
  private static final Duration SERVE = Duration.ofSeconds(45);
  private static final PrintStream OUT = System.out;
  private static final String ADMIN_KEY = "e2e-admin-key";

  private Path work;

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final EventCodec codec = new EventCodec(Clock.systemUTC());
  private RepoLayout repo;
  private Path logs;
  private KafkaBroker broker;
  private LocalRedis redis;
  private ChildProcess ingest;
  private ChildProcess api;
  private ApiClient client;
  private RecommenderCli reco;
  /** The first test's portal: its catalog and model serve the experiment test. */
  private DemoDataGenerator portal;
  /** The first test's page views, as sent. */
  private List<PageView> sentViews;

  @BeforeAll
  void startStack(@TempDir Path dir) throws Exception {
    work = dir;
    String root = System.getProperty("eplly.repo.root");
    assertNotNull(root, "system property eplly.repo.root is not set (failsafe sets it)");
    repo = new RepoLayout(Path.of(root));
    repo.requireBuilt();
    logs = repo.root().resolve("deploy/target/e2e-logs");
    Files.createDirectories(logs);

    int[] ports = Ports.distinct(5);
    broker = track(KafkaBroker.start(new BrokerSettings("localhost", ports[0], ports[1], work.resolve("kafka"))));
    broker.createTopics(new TopicLayout(3));
    redis = track(LocalRedis.start(new RedisServerSettings(ports[2], "128mb", work.resolve("redis"))));

    ServiceLauncher launcher = new ServiceLauncher(repo, work, logs);
    ServiceProcess ingestService = track(launcher.ingest(
        new IngestService(broker.bootstrapServers(), redis.port(), lake(), ports[3]), "ingest", List.of()));
    // the reader simulator posts from one address: no per-client intake limit for it
    ServiceProcess apiService = track(launcher.api(new ApiService(broker.bootstrapServers(), redis.port(), ports[4]),
        ApiService.UNLIMITED_INTAKE, Map.of("EPLLY_ADMIN_API_KEY", ADMIN_KEY)));
    ingest = ingestService.child();
    api = apiService.child();
    try {
      ingestService.awaitReady(START);
      apiService.awaitReady(START);
    } catch (StepFailedException e) {
      fail(e.report());
    }
    client = new ApiClient(apiService.base(), Duration.ofSeconds(10));
    assertTrue(client.readiness().ready(), "the api reports ready on /readyz");
    reco = new RecommenderCli(repo, redis.uri());
    OUT.printf("[e2e] stack up: kafka %s, redis %d, logs in %s%n", broker.bootstrapServers(), redis.port(), logs);
  }

  @AfterAll
  void stopStack() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        OUT.println("[e2e] stop failed: " + e);
      }
    }
  }

  @Test
  @Order(1)
  void eventsFlowToTheLakeAndBecomeServedRecommendationsWithRollback() throws Exception {
    long now = System.currentTimeMillis();
    DemoDataGenerator first = new DemoDataGenerator(new DemoConfig(7L, 150, 400, 3_000, now, Duration.ofDays(2)));
    portal = first;
    List<Article> catalog = first.articles();
    List<PageView> views = first.pageViewStream().toList();
    sentViews = views;
    List<MalformedRecords.Bad> malformed = MalformedRecords.generate(MALFORMED, now);

    // 1. Catalog, valid page views and malformed records go to Kafka.
    try (Producer<String, byte[]> producer = DemoProducer.create(broker.bootstrapServers())) {
      DemoStreamer streamer = new DemoStreamer(producer, codec, OUT);
      streamer.sendArticles(catalog);
      streamer.sendPageViews(views.iterator(), views.size());
      for (MalformedRecords.Bad bad : malformed) {
        producer.send(new ProducerRecord<>(Topics.PAGE_VIEWS, bad.key(), bad.value())).get();
      }
    }

    // 2. The lake holds every valid view exactly once; nothing else.
    LakeContents lake = awaitLake(views.size());
    Set<String> distinct = new HashSet<>(lake.eventIds());
    assertEquals(List.of(), lake.undecodable(), "lake lines that are not valid page views");
    assertEquals(views.size(), lake.lines(), "lake lines");
    assertEquals(views.size(), distinct.size(), "distinct eventIds in the lake");
    assertEquals(views.stream().map(PageView::eventId).collect(Collectors.toSet()), distinct, "lake eventIds");

    // 3. Every malformed record is dead-lettered once, byte for byte, with a reason.
    List<ConsumerRecord<String, byte[]>> dlq = readDlq(MALFORMED);
    Map<ByteBuffer, Integer> seen = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r : dlq) {
      seen.merge(ByteBuffer.wrap(r.value()), 1, Integer::sum);
      Header reason = r.headers().lastHeader(Topics.REASON_HEADER);
      assertNotNull(reason, "DLQ record without " + Topics.REASON_HEADER);
      assertFalse(new String(reason.value(), StandardCharsets.UTF_8).isBlank(), "empty DLQ reason");
    }
    for (MalformedRecords.Bad bad : malformed) {
      assertEquals(1, seen.getOrDefault(ByteBuffer.wrap(bad.value()), 0), "DLQ copies of the " + bad.kind() + " record " + bad.key());
    }
    assertEquals(MALFORMED, dlq.size(), "DLQ records");
    OUT.printf("[e2e] counts: valid %d, malformed %d, lake lines %d (distinct eventIds %d), DLQ records %d%n",
        views.size(), malformed.size(), lake.lines(), distinct.size(), dlq.size());
    dlq.stream().limit(10).forEach(r -> OUT.println("[e2e]   dlq reason: "
        + new String(r.headers().lastHeader(Topics.REASON_HEADER).value(), StandardCharsets.UTF_8)));

    // 4. Model v1: recommendations for a well-read article come from its sessions.
    train("e2e-v1");
    Map<String, Set<String>> together = readTogether(views);
    String article = wellRead(views, catalog);
    AtomicReference<ApiClient.Recommendations> v1 = new AtomicReference<>();
    await("the api to serve e2e-v1", SERVE, api, () -> {
      v1.set(recommend(article, null));
      return "e2e-v1".equals(v1.get().modelVersion());
    });
    ApiClient.Recommendations recs = v1.get();
    OUT.printf("[e2e] v1 for %s: %s%n", article, recs.items());
    assertFalse(recs.items().isEmpty(), "no recommendations for " + article);
    assertFalse(recs.degraded(), "degraded answer");
    assertFalse(recs.ids().contains(article), "the current article was recommended");
    for (ApiClient.Item item : recs.items()) {
      if (item.reason().equals(Reason.READ_TOGETHER.wireName())) {
        assertTrue(together.getOrDefault(article, Set.of()).contains(item.articleId()),
            item.articleId() + " is read-together but never shares a session with " + article);
      }
    }

    // 5. A page view sent through the api removes that article from the reader's suggestions.
    String reader = "r-e2e-" + UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Recommendations before = recommend(article, reader);
    assertFalse(before.items().isEmpty(), "no recommendations for a new reader");
    String read = before.ids().get(0);
    PageView view = new PageView(UUID.randomUUID().toString(), reader, read, "s-e2e-1", System.currentTimeMillis(), article, 30_000L);
    // resent up to twice on 503 (Kafka did not acknowledge in time on a loaded machine): the check
    // below holds whether or not the view lands twice
    assertEquals(202, client.postEventRetrying(codec.encode(view), 3, Duration.ZERO).status(), "POST /v1/events");
    await("the api to stop suggesting " + read + " to " + reader, SERVE, api, () -> {
      List<String> ids = recommend(article, reader).ids();
      assertFalse(ids.contains(article), "the current article was recommended");
      return !ids.contains(read);
    });
    OUT.printf("[e2e] %s read %s via POST /v1/events; it is no longer suggested to them%n", reader, read);

    // 6. A second batch, model v2, then rollback to v1.
    DemoDataGenerator second = new DemoDataGenerator(new DemoConfig(8L, 150, 400, 1_500, System.currentTimeMillis(), Duration.ofDays(1)));
    List<PageView> more = second.pageViewStream().toList();
    try (Producer<String, byte[]> producer = DemoProducer.create(broker.bootstrapServers())) {
      new DemoStreamer(producer, codec, OUT).sendPageViews(more.iterator(), more.size());
    }
    LakeContents after = awaitLake(views.size() + 1 + more.size());
    assertEquals(views.size() + 1 + more.size(), new HashSet<>(after.eventIds()).size(), "distinct eventIds after batch 2");
    ApiClient.Recommendations beforeV2 = stableAnswer(article);
    assertEquals("e2e-v1", beforeV2.modelVersion());

    train("e2e-v2");
    await("the api to serve e2e-v2", SERVE, api, () -> "e2e-v2".equals(recommend(article, null).modelVersion()));
    ChildProcess rollback = track(ChildProcess.start("rollback", reco.rollback(), work, logs.resolve("rollback.log")));
    assertEquals(0, rollback.awaitExit(Duration.ofMinutes(1)), "reco rollback exit code; see " + rollback.log());
    AtomicReference<ApiClient.Recommendations> rolledBack = new AtomicReference<>();
    try {
      Await.until("the api to serve e2e-v1 again with the same items", SERVE, api, () -> {
        rolledBack.set(recommend(article, null));
        return "e2e-v1".equals(rolledBack.get().modelVersion()) && rolledBack.get().ids().equals(beforeV2.ids());
      });
    } catch (StepFailedException e) {
      fail(e.report() + "\nbefore v2: " + beforeV2 + "\nafter rollback: " + rolledBack.get());
    }
    OUT.printf("[e2e] second batch %d views; lake lines %d; v2 published, rolled back to %s with the same %d items%n",
        more.size(), after.lines(), rolledBack.get().modelVersion(), rolledBack.get().items().size());
  }

  /**
   * An A/B test on the running stack: simulated readers browse; once it is stopped and drained,
   * ingest's live counts are exactly what the simulator did, and the lake report agrees with them.
   */
  @Test
  @Order(2)
  void anExperimentsLiveCountsMatchWhatReadersDidAndTheLakeReport() throws Exception {
    assertNotNull(portal, "runs on the first test's catalog and model");
    String name = "e2e-ab";
    ApiClient.AdminAnswer created = client.admin("POST", "v1/admin/experiments", "{\"name\":\"" + name
        + "\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"e2e-v1\",\"share\":50},"
        + "{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]}", ADMIN_KEY);
    assertEquals(201, created.status(), created.body());
    String somewhere = portal.articles().get(portal.articles().size() - 1).articleId();
    // the probe's one answer from an arm is counted too: one unit, one answer
    AtomicReference<String> probeArm = new AtomicReference<>();
    await("the api to serve the experiment", SERVE, api, () -> {
      probeArm.set(client.recommendations(somewhere, "e2e-probe", null, LIMIT).arm());
      return probeArm.get() != null;
    });

    ReaderSimulator simulator = new ReaderSimulator(client, portal, ClickModel.standard(portal), Clock.systemUTC(),
        new ReaderSimulator.Options(20, 0.7, 0.2, 20, 11));
    for (int i = 0; i < 300; i++) {
      simulator.step();
    }
    assertEquals(200, client.admin("POST", "v1/admin/experiments/" + name + "/stop", null, ADMIN_KEY).status());
    Map<String, ReaderSimulator.ArmTally> did = simulator.tallies();
    OUT.printf("[e2e] %s%n", simulator.summary());
    assertEquals(Set.of("A", "B"), did.keySet(), "every answer to an experiment reader comes from an arm");

    AtomicReference<Map<String, long[]>> live = new AtomicReference<>();
    awaitOr("ingest to count every answer, unit, impression and click", LAKE, ingest, () -> "live "
        + live.get().entrySet().stream().map(e -> e.getKey() + Arrays.toString(e.getValue())).toList()
        + ", readers did " + did + ", probe in " + probeArm.get(), () -> {
      try {
        live.set(counts(client.admin("GET", "v1/admin/experiments/" + name, null, ADMIN_KEY).body()));
      } catch (IOException e) {
        return false;
      }
      return did.entrySet().stream().allMatch(e -> {
        int probe = e.getKey().equals(probeArm.get()) ? 1 : 0;
        return Arrays.equals(live.get().get(e.getKey()), new long[] {e.getValue().units() + probe,
            e.getValue().served() + probe, e.getValue().viewable(), e.getValue().clicks()});
      });
    });
    long events = 1 + did.values().stream().mapToLong(t -> t.served() + t.viewable()).sum();
    await("the lake to hold every impression", LAKE, ingest,
        () -> LakeContents.read(lake().resolve(LakeLayout.IMPRESSIONS)).lines() >= events);

    Path json = work.resolve("e2e-ab.json");
    ChildProcess report = track(ChildProcess.start("experiment-report", reco.experimentReport(lake(), name, json),
        work, logs.resolve("experiment-report.log")));
    assertEquals(0, report.awaitExit(TRAIN), "reco experiment-report exit code; see " + report.log());
    Map<String, long[]> fromLake = counts(Files.readString(json));
    for (String arm : did.keySet()) {
      assertArrayEquals(live.get().get(arm), fromLake.get(arm), "arm " + arm + " units/served/viewable/clicks, live vs lake");
    }
    OUT.printf("[e2e] experiment %s: live = lake = %s%n", name, live.get().entrySet().stream()
        .map(e -> e.getKey() + Arrays.toString(e.getValue())).toList());
  }

  /**
   * A reader erased while the stack runs: within 5 s Redis holds nothing of theirs while the other
   * readers' keys stay byte for byte, and the api answers for them as for a new reader; after
   * {@code reco compact} no lake line of theirs is left, their export is empty, and the next trained
   * version has no list for them.
   */
  @Test
  @Order(3)
  void aReaderErasedInTheRunningStackLeavesNoTrace() throws Exception {
    assertNotNull(sentViews, "runs on the first test's lake and model");
    long closed = System.currentTimeMillis() - Duration.ofHours(4).toMillis();
    Map<String, List<PageView>> byReader = sentViews.stream().collect(Collectors.groupingBy(PageView::readerId));
    try (UnifiedJedis jedis = RedisClient.create("localhost", redis.port())) {
      String version = jedis.get(Keyspace.activeVersion());
      // readers whose every view is in an hour compaction closes, known to the live state and the model
      List<String> candidates = byReader.entrySet().stream()
          .filter(e -> e.getValue().size() >= 3 && e.getValue().stream().allMatch(v -> v.timestamp() < closed))
          .map(Map.Entry::getKey).sorted()
          .filter(r -> jedis.exists(Keyspace.readerRecent(r)) && jedis.exists(Keyspace.readerList(version, r)))
          // none the experiment's simulated readers read as: their views of now stay in the open hour
          .filter(r -> LakeContents.linesOf(lake().resolve(LakeLayout.PAGE_VIEWS), r) == byReader.get(r).size())
          .limit(4).toList();
      assertEquals(4, candidates.size(), "readers with closed-hour views, recent reads and a list in " + version);
      String erased = candidates.get(0);
      List<String> others = candidates.subList(1, 4);
      Map<String, byte[]> before = dumps(jedis, others);
      List<String> sessions = jedis.zrange(Keyspace.readerSessions(erased), 0, -1);
      assertFalse(keysOf(jedis, erased).isEmpty(), "the reader's keys before the erasure");
      long lakeBefore = byReader.get(erased).size();

      long start = System.nanoTime();
      ApiClient.AdminAnswer accepted = client.admin("DELETE", "v1/admin/readers/" + erased, null, ADMIN_KEY);
      assertEquals(202, accepted.status(), accepted.body());
      await("no Redis key of " + erased, Duration.ofSeconds(5), ingest, () -> keysOf(jedis, erased).isEmpty()
          && sessions.stream().noneMatch(s -> jedis.exists(Keyspace.sessionRecent(s))));
      OUT.printf("[e2e] erased %s: %d lake lines, %d sessions; no Redis key left after %.0f ms%n", erased, lakeBefore,
          sessions.size(), (System.nanoTime() - start) / 1e6);
      Map<String, byte[]> after = dumps(jedis, others);
      assertEquals(before.keySet(), after.keySet(), "the other readers' keys");
      before.forEach((k, v) -> assertArrayEquals(v, after.get(k), "other reader's key " + k));
      String page = wellRead(sentViews, portal.articles());
      assertEquals(recommend(page, "e2e-never-seen").ids(), recommend(page, erased).ids(),
          "the erased reader is answered as a new one");

      ChildProcess compact = track(ChildProcess.start("compact", reco.local(List.of("compact",
          "--lake", lake().toAbsolutePath().toString(), "--master", "local[2]")), work, logs.resolve("compact.log")));
      assertEquals(0, compact.awaitExit(TRAIN), "reco compact exit code; see " + compact.log());
      assertEquals(0, LakeContents.linesOf(lake().resolve(LakeLayout.PAGE_VIEWS), erased), "the reader's JSONL lines");
      Path export = work.resolve("export-" + erased + ".json");
      ChildProcess exporting = track(ChildProcess.start("export", reco.local(List.of("export", "--reader", erased,
          "--lake", lake().toAbsolutePath().toString(), "--out", export.toString(), "--master", "local[2]")), work,
          logs.resolve("export.log")));
      assertEquals(0, exporting.awaitExit(TRAIN), "reco export exit code; see " + exporting.log());
      JsonNode exported = new ObjectMapper().readTree(export.toFile());
      // the one answer given to the id since (as to a new reader) is new data; nothing of the erased past
      long erasedAt = exported.path("erasedAt").asLong();
      assertTrue(erasedAt > 0, exported.toString());
      assertEquals(0, exported.path("pageViews").size(), exported.toString());
      for (JsonNode event : exported.path("impressions")) {
        assertTrue(event.path("timestamp").asLong() > erasedAt, "an impression of the erased past: " + event);
      }
      OUT.printf("[e2e] compacted; the lake holds no line of %s, its export nothing before the erasure (%d impression"
          + " since); compaction log:%n%s%n", erased, exported.path("impressions").size(), compact.tail(12));

      train("e2e-v3");
      assertEquals("e2e-v3", jedis.get(Keyspace.activeVersion()));
      assertFalse(jedis.exists(Keyspace.readerList("e2e-v3", erased)), "the erased reader's list in the next version");
      assertTrue(others.stream().anyMatch(r -> jedis.exists(Keyspace.readerList("e2e-v3", r))),
          "the other readers still have lists in the next version");
    }
  }

  /** Every key naming the reader as one of its ':'-separated parts. */
  private static List<String> keysOf(UnifiedJedis jedis, String readerId) {
    List<String> found = new ArrayList<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1_000));
      page.getResult().stream().filter(k -> Arrays.asList(k.split(":")).contains(readerId)).forEach(found::add);
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return found;
  }

  /** DUMP of every key of these readers. */
  private static Map<String, byte[]> dumps(UnifiedJedis jedis, List<String> readers) {
    Map<String, byte[]> out = new HashMap<>();
    for (String r : readers) {
      for (String key : keysOf(jedis, r)) {
        out.put(key, jedis.dump(key));
      }
    }
    return out;
  }

  /** Per arm of a report's JSON: units, served, viewable, clicks. */
  private static Map<String, long[]> counts(String reportJson) throws IOException {
    Map<String, long[]> out = new HashMap<>();
    for (JsonNode arm : new ObjectMapper().readTree(reportJson).path("arms")) {
      out.put(arm.path("name").asText(), new long[] {arm.path("units").asLong(), arm.path("served").asLong(),
          arm.path("viewable").asLong(), arm.path("clicks").asLong()});
    }
    return out;
  }

  // --- helpers ----------------------------------------------------------------------------------

  private Path lake() {
    return work.resolve("lake");
  }

  /** Recommendations as a 200 answer (anything else fails the test). */
  private ApiClient.Recommendations recommend(String article, String reader) {
    return client.recommendations(article, reader, LIMIT).requireOk();
  }

  private <T extends AutoCloseable> T track(T resource) {
    started.push(resource);
    return resource;
  }

  /** As {@link #await}, adding {@code state} to the failure. */
  private static void awaitOr(String what, Duration timeout, ChildProcess owner, Supplier<String> state,
      BooleanSupplier condition) {
    try {
      Await.until(what, timeout, owner, condition);
    } catch (StepFailedException e) {
      fail(state.get() + "\n" + e.report());
    }
  }

  private static void await(String what, Duration timeout, ChildProcess owner, BooleanSupplier condition) {
    try {
      Await.until(what, timeout, owner, condition);
    } catch (StepFailedException e) {
      fail(e.report());
    }
  }

  private LakeContents awaitLake(long expected) {
    AtomicReference<LakeContents> last = new AtomicReference<>();
    try {
      Await.until("the lake to hold " + expected + " page views", LAKE, ingest, () -> {
        last.set(LakeContents.read(lake().resolve(LakeLayout.PAGE_VIEWS)));
        return last.get().lines() >= expected;
      });
    } catch (StepFailedException e) {
      fail(e.report() + "\nlake lines: " + (last.get() == null ? 0 : last.get().lines()));
    }
    return last.get();
  }

  private List<ConsumerRecord<String, byte[]>> readDlq(int expected) {
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    Map<String, Object> config = Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(Topics.PAGE_VIEWS_DLQ).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + LAKE.toNanos();
      // Reads on for a moment after reaching the expected count, so duplicates would show.
      long quietUntil = Long.MAX_VALUE;
      while (System.nanoTime() < Math.min(deadline, quietUntil)) {
        consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        if (out.size() >= expected && quietUntil == Long.MAX_VALUE) {
          quietUntil = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        }
      }
    }
    if (out.size() < expected) {
      fail("only " + out.size() + " of " + expected + " malformed records reached " + Topics.PAGE_VIEWS_DLQ
          + "\n" + ingest.tail(40));
    }
    return out;
  }

  private void train(String version) {
    ChildProcess p = track(ChildProcess.start("train-" + version, reco.trainAndPublish(lake(), work.resolve("models"), version),
        work, logs.resolve("train-" + version + ".log")));
    long t = System.nanoTime();
    int rc = p.awaitExit(TRAIN);
    if (rc != 0) {
      fail(new StepFailedException("reco train --publish --version " + version + " exited with " + rc, p).report());
    }
    OUT.printf("[e2e] trained and published %s in %.0f s%n", version, (System.nanoTime() - t) / 1e9);
  }

  /** Articles that share at least one generated session with each article. */
  private static Map<String, Set<String>> readTogether(List<PageView> views) {
    Map<String, Set<String>> sessions = new HashMap<>();
    for (PageView v : views) {
      sessions.computeIfAbsent(v.sessionId(), s -> new HashSet<>()).add(v.articleId());
    }
    Map<String, Set<String>> together = new HashMap<>();
    for (Set<String> s : sessions.values()) {
      for (String a : s) {
        for (String b : s) {
          if (!a.equals(b)) {
            together.computeIfAbsent(a, x -> new HashSet<>()).add(b);
          }
        }
      }
    }
    return together;
  }

  /** The servable article with the most views. */
  private static String wellRead(List<PageView> views, List<Article> catalog) {
    long now = System.currentTimeMillis();
    Set<String> servable = catalog.stream().filter(a -> a.servableAt(now)).map(Article::articleId).collect(Collectors.toSet());
    return views.stream().map(PageView::articleId).filter(servable::contains)
        .collect(Collectors.groupingBy(a -> a, Collectors.counting()))
        .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
        .orElseThrow().getKey();
  }

  /** Two equal answers a second apart: live state has settled after the last batch. */
  private ApiClient.Recommendations stableAnswer(String article) {
    AtomicReference<ApiClient.Recommendations> previous = new AtomicReference<>(recommend(article, null));
    AtomicReference<ApiClient.Recommendations> stable = new AtomicReference<>();
    await("a stable answer for " + article, SERVE, api, () -> {
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ApiClient.Recommendations now = recommend(article, null);
      boolean same = now.ids().equals(previous.get().ids()) && now.modelVersion().equals(previous.get().modelVersion());
      previous.set(now);
      if (same) {
        stable.set(now);
      }
      return same;
    });
    return stable.get();
  }
}
