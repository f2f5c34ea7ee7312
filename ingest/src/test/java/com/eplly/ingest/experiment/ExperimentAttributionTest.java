package com.eplly.ingest.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.testing.MutableClock;
import com.eplly.ingest.support.EmptyRedisTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Attribution of served answers, viewable impressions and clicks to arms, on a real redis-server. */
class ExperimentAttributionTest extends EmptyRedisTest {

  private static final long T = Instant.parse("2026-12-07T10:00:00Z").toEpochMilli();
  private static final String DAY = Keyspace.experimentCounts("exp", LookSchedule.labelOf(T));

  @Test
  void countsEachAnswerUnitImpressionAndClickOnceEvenWhenABatchIsConsumedTwice() {
    ExperimentAttribution attribution = new ExperimentAttribution(redis);
    List<ServedEvent> served = List.of(served("q1", "r-1", "A"), served("q2", "r-1", "A"), served("q3", "r-2", "B"),
        new ServedEvent("q4", T, "r-3", null, "cur", "v1", null, null, false, items()));
    List<ViewableImpression> seen = List.of(viewable("q1"), viewable("q3"), viewable("unknown"));
    List<PageView> clicks = List.of(click("q1", 2, T + 60_000), click("q2", 1, T + 60_000),
        click("unknown", 1, T), click("q3", 1, T + Duration.ofHours(25).toMillis()));

    for (int consumed = 0; consumed < 2; consumed++) {
      attribution.served(served);
      attribution.viewable(seen);
      attribution.clicks(clicks);
    }

    assertEquals(Map.ofEntries(
        Map.entry(field("A", ArmMeasure.SERVED), "2"), Map.entry(field("A", ArmMeasure.UNITS), "1"),
        Map.entry(field("B", ArmMeasure.SERVED), "1"), Map.entry(field("B", ArmMeasure.UNITS), "1"),
        // q1 seen; q2 clicked before its impression came: counted seen; q3 seen, its click too late
        Map.entry(field("A", ArmMeasure.VIEWABLE), "2"), Map.entry(field("B", ArmMeasure.VIEWABLE), "1"),
        Map.entry(field("A", ArmMeasure.CLICKS), "2"),
        Map.entry(Keyspace.experimentPositionClicksField("A", 2), "1"),
        Map.entry(Keyspace.experimentPositionClicksField("A", 1), "1"),
        Map.entry(Keyspace.experimentReasonClicksField("A", "trending"), "1"),
        Map.entry(Keyspace.experimentReasonClicksField("A", "read-together"), "1")), redis.hgetAll(DAY));
    assertTrue(redis.pttl(DAY) > Duration.ofDays(89).toMillis());
    assertTrue(redis.pttl(Keyspace.experimentRequest("q1")) > Duration.ofHours(24).toMillis());
    assertEquals(0, redis.exists(Keyspace.experimentRequest("unknown")) ? 1 : 0, "an unknown answer leaves no key");
    assertEquals(0, redis.exists(Keyspace.experimentRequest("q4")) ? 1 : 0, "outside experiments nothing is kept");
  }

  @Test
  void aClickNeverOutnumbersTheViewableAnswersOfItsArm() {
    ExperimentAttribution attribution = new ExperimentAttribution(redis);
    attribution.served(List.of(served("q1", "r-1", "A")));

    ExperimentAttribution.Counted counted = attribution.clicks(List.of(click("q1", 1, T), click("q1", 3, T + 1))).counted();
    attribution.viewable(List.of(viewable("q1")));

    assertEquals(1, counted.clicks());
    assertEquals("1", redis.hget(DAY, field("A", ArmMeasure.CLICKS)));
    assertEquals("1", redis.hget(DAY, field("A", ArmMeasure.VIEWABLE)));
  }

  @Test
  void anImpressionOrClickThatArrivesBeforeItsAnswerIsCountedOnceTheAnswerIsKnownWithinTheGrace() {
    ExperimentAttribution attribution = new ExperimentAttribution(redis);
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(T));
    PendingTouches pending = new PendingTouches(clock, Duration.ofMinutes(1), 100);

    // the served event of q1 is still on its way; q9's never comes (an answer outside experiments)
    assertEquals(0, pending.attribute(attribution, List.of(viewable("q1")), List.of(click("q1", 2, T), click("q9", 1, T))));
    assertEquals(0, redis.exists(DAY) ? 1 : 0);
    assertEquals(3, pending.waiting());

    attribution.served(List.of(served("q1", "r-1", "A")));
    clock.advance(Duration.ofSeconds(5));
    assertEquals(0, pending.attribute(attribution, List.of(), List.of()));
    assertEquals("1", redis.hget(DAY, field("A", ArmMeasure.VIEWABLE)));
    assertEquals("1", redis.hget(DAY, field("A", ArmMeasure.CLICKS)));
    assertEquals(1, pending.waiting(), "q9's click waits on");

    clock.advance(Duration.ofMinutes(1));
    assertEquals(1, pending.attribute(attribution, List.of(), List.of()), "q9's click is given up after the grace");
    assertEquals(0, pending.waiting());
  }

  private static String field(String arm, ArmMeasure measure) {
    return Keyspace.experimentCountField(arm, measure);
  }

  private static List<ServedItem> items() {
    return List.of(new ServedItem("a1", 1, "read-together"), new ServedItem("a2", 2, "trending"));
  }

  private static ServedEvent served(String requestId, String reader, String arm) {
    return new ServedEvent(requestId, T, reader, "s-" + reader, "cur", "v1", "exp", arm, false, items());
  }

  private static ViewableImpression viewable(String requestId) {
    return new ViewableImpression(requestId, T + 1_000, "r", "s", List.of("a1", "a2"));
  }

  private static PageView click(String requestId, int position, long at) {
    return new PageView("e-" + requestId + "-" + position + "-" + at, "r-1", "a" + position, "s", at, "cur", null,
        requestId, position);
  }
}
