package com.eplly.contracts.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LookScheduleTest {

  @Test
  void everyHourBegunFromTheStartToTheEndIsAPeriod() {
    assertEquals(List.of(Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T11:00:00Z"),
            Instant.parse("2026-12-07T12:00:00Z")),
        LookSchedule.periods(Instant.parse("2026-12-07T10:59:59Z"), Instant.parse("2026-12-07T12:00:00Z")));
    assertEquals(List.of(Instant.parse("2026-12-07T10:00:00Z")),
        LookSchedule.periods(Instant.parse("2026-12-07T10:15:00Z"), Instant.parse("2026-12-07T10:16:00Z")));
    // a stop recorded a moment before the start (clock skew between instances) still has the start's period
    assertEquals(List.of(Instant.parse("2026-12-07T10:00:00Z")),
        LookSchedule.periods(Instant.parse("2026-12-07T10:00:00.500Z"), Instant.parse("2026-12-07T09:59:59Z")));
  }

  @Test
  void labelsNameTheUtcHour() {
    assertEquals("2026-12-07T09", LookSchedule.labelOf(Instant.parse("2026-12-07T09:59:59.999Z").toEpochMilli()));
    assertEquals("2026-12-08T00", LookSchedule.label(LookSchedule.periodOf(Instant.parse("2026-12-08T00:00:00Z"))));
  }
}
