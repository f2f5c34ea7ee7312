package com.eplly.contracts.experiment;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * When an experiment is looked at: the end of every UTC hour since it started, then the current
 * counts (or those at its stop). Ingest counts each event in its hour's hash, the api and the lake
 * report sum the hours in order, so the live and the authoritative report take the same looks. An
 * hour rather than a day so that the first afternoon of a test already draws a curve; the
 * always-valid p-value is valid however often it is looked at.
 */
public final class LookSchedule {

  /** The length of one counting period. */
  public static final Duration PERIOD = Duration.ofHours(1);

  private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH").withZone(ZoneOffset.UTC);

  private LookSchedule() {}

  /** The start of the period holding {@code at}. */
  public static Instant periodOf(Instant at) {
    return at.truncatedTo(ChronoUnit.HOURS);
  }

  /** The period's name in Redis keys: {@code yyyy-MM-ddTHH}, UTC. */
  public static String label(Instant periodStart) {
    return LABEL.format(periodStart);
  }

  /** The label of the period holding an event's timestamp (epoch ms). */
  public static String labelOf(long epochMillis) {
    return label(periodOf(Instant.ofEpochMilli(epochMillis)));
  }

  /** Every period from the one holding {@code from} to the one holding {@code to}, oldest first; one at least. */
  public static List<Instant> periods(Instant from, Instant to) {
    List<Instant> periods = new ArrayList<>();
    Instant last = periodOf(to);
    for (Instant p = periodOf(from); !p.isAfter(last); p = p.plus(PERIOD)) {
      periods.add(p);
    }
    if (periods.isEmpty()) {
      periods.add(periodOf(from));
    }
    return periods;
  }
}
