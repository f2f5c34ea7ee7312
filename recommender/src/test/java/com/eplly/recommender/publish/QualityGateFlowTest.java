package com.eplly.recommender.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import com.eplly.generator.lake.GeneratedLake;
import com.eplly.recommender.EmbeddedRedis;
import com.eplly.recommender.SparkTest;
import com.eplly.recommender.evaluate.ValidationDocument;
import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.model.ModelStore;
import com.eplly.recommender.train.Progress;
import com.eplly.recommender.train.SelfTuning;
import com.eplly.recommender.train.TrainJob;
import com.eplly.recommender.train.TrainParams;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;

/**
 * The quality gate end to end on a generated week of page views, a real redis-server and Spark:
 * a self-tuned version activates; one whose article lists come from content similarity alone is compared with it on
 * the validation window, refused with the active pointer left alone, and activated by force.
 */
@SparkTest
class QualityGateFlowTest {

  private static final Instant END = Instant.parse("2026-11-01T00:00:00Z");
  private static final Duration TTL = Duration.ofDays(7);
  /** Shorter than the six days of page views before the candidate's window: tuning reads only part of the lake. */
  private static final Duration LOOKBACK = Duration.ofDays(3);

  private static SparkSession spark;
  private static EmbeddedRedis redisServer;
  private static RedisEndpoint endpoint;
  private static UnifiedJedis redis;
  private static ModelStore store;

  @TempDir
  static Path dir;

  @BeforeAll
  static void start(SparkSession session) throws IOException {
    spark = session;
    redisServer = EmbeddedRedis.start();
    endpoint = redisServer.endpoint();
    redis = redisServer.client();
    new GeneratedLake(dir.resolve("lake")).write(new DemoDataGenerator(DemoConfig.scaled(9, 10_000, END.toEpochMilli())),
        n -> { });
    store = new ModelStore(dir.resolve("models").toString(), spark.sparkContext().hadoopConfiguration());
  }

  @AfterAll
  static void stop() throws IOException {
    redisServer.close();
  }

  private static ModelMeta train(String version, Optional<HybridWeights> weights, Optional<String> active, Instant asOf) {
    SelfTuning tuning = new SelfTuning(Duration.ofHours(24), LOOKBACK, 2_000, false, weights, active);
    TrainParams params = weights.map(TrainParams.defaults()::withHybrid).orElse(TrainParams.defaults()).withAsOf(asOf);
    return new TrainJob(spark, store, new MutableClock(END), new Progress(System.out, TrainJob.STEPS + 1))
        .train(dir.resolve("lake").toString(), params, Optional.of(version), Optional.of(tuning)).meta();
  }

  private static PublishResult publish(String version, boolean force) {
    return new PublishJob(spark, store, endpoint, new MutableClock(END), new Progress(System.out, PublishJob.STEPS))
        .publish(version, TTL, QualityGate.defaults(), force);
  }

  @Test
  void refusesAWorseCandidateLeavesTheActiveOneAndForceActivatesIt() {
    // The active version was trained a day before the candidate: the candidate's validation window is new to both.
    ModelMeta good = train("good", Optional.empty(), Optional.empty(), END.minus(Duration.ofHours(24)));
    assertFalse(good.validation().isEmpty(), "the training recorded its validation");
    assertTrue(publish("good", false).gate().startsWith("passed: no version is active"));

    ModelMeta worse = train("worse", Optional.of(HybridWeights.parse("content=1,als=1")), Optional.of("good"), END);
    @SuppressWarnings("unchecked")
    Map<String, Object> comparison = (Map<String, Object>) worse.validation().get(ValidationDocument.COMPARISON);
    assertEquals("good", comparison.get("active"));
    @SuppressWarnings("unchecked")
    Map<String, Object> split = (Map<String, Object>) worse.validation().get("split");
    Instant cutOff = Instant.parse(String.valueOf(split.get("cutOff")));
    Instant trainFrom = Instant.parse(String.valueOf(split.get("trainFrom")));
    assertTrue(!trainFrom.isBefore(cutOff.minus(LOOKBACK)) && trainFrom.isBefore(cutOff.minus(LOOKBACK).plusSeconds(3600)),
        "the validation fit starts at the lookback before the cut-off: " + trainFrom + ", cut-off " + cutOff);

    GateRefused refused = assertThrows(GateRefused.class, () -> publish("worse", false));
    assertFalse(refused.verdict().reasons().isEmpty());
    assertTrue(refused.getMessage().contains("MRR@10"), refused.getMessage());
    assertEquals(Optional.of("good"), new VersionRegistry(redis).active(), "the active pointer is left alone");
    assertFalse(redis.exists(Keyspace.versionMeta("worse")), "nothing of the refused version was written");

    PublishResult forced = publish("worse", true);
    assertEquals("good", forced.previousActive());
    assertEquals(Optional.of("worse"), new VersionRegistry(redis).active());
    assertTrue(redis.hget(Keyspace.versionMeta("worse"), VersionMetaFields.GATE).startsWith("forced, refused: "),
        "the override is recorded with the version");
    assertTrue(redis.hexists(Keyspace.versionMeta("worse"), VersionMetaFields.VALIDATION_MRR10));
  }
}
