package com.eplly.contracts.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.redis.Keyspace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendingRuleTest {

  private static final long BUCKET = Keyspace.TRENDING_BUCKET.toMillis();

  @Test
  void newerBucketsWeighMore() {
    List<Suggestion> out = TrendingRule.scores(
        List.of(Map.of("fresh", 10.0), Map.of("old", 12.0, "fresh", 1.0)), 0.5, 10);

    // fresh = 10 + 0.5 * 1 = 10.5; old = 0.5 * 12 = 6
    assertEquals(List.of(new Suggestion("fresh", 10.5, Reason.TRENDING), new Suggestion("old", 6.0, Reason.TRENDING)),
        out);
  }

  @Test
  void keepsTheTopItemsTiesById() {
    List<Suggestion> out = TrendingRule.scores(List.of(Map.of("c", 3.0, "b", 2.0, "a", 2.0)), 1.0, 2);

    assertEquals(List.of("c", "a"), out.stream().map(Suggestion::articleId).toList());
  }

  @Test
  void aBucketExpiresItsTtlAfterItEnds() {
    long start = 1_000 * BUCKET;

    assertEquals(start + BUCKET + 3_600_000, TrendingRule.bucketExpiry(start, Duration.ofHours(1)));
    assertEquals(start + BUCKET + 3_600_000, TrendingRule.bucketExpiry(start + BUCKET - 1, Duration.ofHours(1)));
    assertEquals(start + 2 * BUCKET, TrendingRule.bucketExpiry(start + BUCKET, Duration.ZERO));
  }

  @Test
  void viewsOfOneBucketSumToItsCountAndDecayAsItAges() {
    // three views now and two a bucket ago, as ingest writes them, read as the api reads them
    Map<String, Double> newest = Map.of("a", 3 * TrendingRule.VIEW);
    Map<String, Double> older = Map.of("a", 2 * TrendingRule.VIEW, "b", 4 * TrendingRule.VIEW);

    assertEquals(List.of(new Suggestion("a", 4.6, Reason.TRENDING), new Suggestion("b", 3.2, Reason.TRENDING)),
        TrendingRule.scores(List.of(newest, older), 0.8, 10));
  }
}
