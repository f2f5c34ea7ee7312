package com.eplly.api.recommend;

import com.eplly.contracts.serving.CandidateLists;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.eplly.api.catalog.ArticleLookup;
import com.eplly.api.config.EpllyProperties;
import com.eplly.api.editorial.ActiveRules;
import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.api.traffic.TrafficRecorder;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import redis.clients.jedis.exceptions.JedisConnectionException;
import com.eplly.api.experiment.ExperimentRouting;
import java.util.Optional;

/**
 * Which failures degrade: a Redis failure is answered from the last-known snapshot, any other
 * exception (a bug) propagates, to become a logged 500 (RecommendationServletTest), never a
 * disguised "degraded" 200. The Redis readers are test doubles.
 */
class RecommendationServiceTest {

  private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

  private final EpllyProperties properties =
      new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("eplly", EpllyProperties.class);
  private final CandidateReader reader = mock(CandidateReader.class);
  private final ArticleLookup articles = mock(ArticleLookup.class);
  private final ActiveVersion activeVersion = mock(ActiveVersion.class);
  private final ServingSnapshot snapshot = mock(ServingSnapshot.class);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ExperimentRouting noExperiment = mock(ExperimentRouting.class);
  private final ActiveRules noRules = mock(ActiveRules.class);
  private final RecommendationService service = new RecommendationService(reader, noExperiment, articles, noRules,
      activeVersion,
      snapshot, new RecommendationMetrics(meters, new TrafficRecorder()), Clock.fixed(NOW, ZoneOffset.UTC), properties);
  private final RecommendationQuery query =
      RecommendationQuery.parse("cur", "r-1", null, "10", null, properties.recommend());

  @BeforeEach
  void activeVersion() {
    when(activeVersion.current()).thenReturn("v-1");
    when(noExperiment.route(any(), any())).thenReturn(Optional.empty());
    when(noRules.at(anyLong())).thenReturn(EditorialRules.NONE);
  }

  @Test
  void aBugPropagatesInsteadOfDegrading() {
    when(reader.read(eq("v-1"), eq(query), anyLong(), anyInt(), anyBoolean())).thenReturn(
        CandidateLists.fallbackOnly(List.of(new Suggestion("t1", 10.0, Reason.TRENDING)), List.of(), List.of()));
    when(articles.find(any())).thenThrow(new IllegalStateException("planted bug"));

    assertThatThrownBy(() -> service.recommend(query))
        .isInstanceOf(IllegalStateException.class).hasMessage("planted bug");
    verifyNoInteractions(snapshot);
    assertThat(meters.counter("eplly.recommendations.degraded").count()).isZero();
  }

  @Test
  void aRedisFailureIsAnsweredFromTheSnapshotMarkedDegraded() {
    when(reader.read(eq("v-1"), eq(query), anyLong(), anyInt(), anyBoolean()))
        .thenThrow(new JedisConnectionException("connection refused"));
    long hourAgo = NOW.toEpochMilli() - 3_600_000;
    when(snapshot.current()).thenReturn(new Snapshot("v-0",
        List.of(new Suggestion("t1", 10.0, Reason.TRENDING), new Suggestion("cur", 9.0, Reason.TRENDING)),
        List.of(new Suggestion("pop1", 0.3, Reason.POPULAR)), List.of(),
        Map.of("t1", article("t1", hourAgo), "cur", article("cur", hourAgo), "pop1", article("pop1", hourAgo)),
        hourAgo));
    when(articles.cached(any())).thenReturn(Map.of());

    RecommendationResponse answer = service.recommend(query);

    assertThat(answer.degraded()).isTrue();
    assertThat(answer.modelVersion()).isEqualTo("v-0");
    // the current article is still left out, the reader's history is unknown
    assertThat(answer.items()).extracting(RecommendedItem::articleId).containsExactly("t1", "pop1");
    assertThat(meters.counter("eplly.recommendations.degraded").count()).isEqualTo(1.0);
  }

  private static Article article(String id, long publishedAt) {
    return new Article(id, "Headline " + id, "https://news.example/" + id, "cat-" + id, publishedAt,
        "Summary of " + id, List.of("tag"), null, false);
  }
}
