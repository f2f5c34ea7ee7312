package com.eplly.api.experiment;

import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.experiment.ArmCounts;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.redis.Keyspace;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * An experiment's live counts as the report's looks: ingest adds every attributed event to its
 * UTC day's hash ({@link Keyspace#experimentCounts}; units on the day a unit is first seen), so the
 * running sums at the end of each day, up to today's partial one, are the daily looks the
 * always-valid p-value is computed over. One pipelined round trip.
 */
@Component
public class ExperimentCounts {

  private final UnifiedJedis redis;
  private final Clock clock;

  public ExperimentCounts(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Cumulative counts per arm at the end of each day since the start, the last one being now. */
  public List<Map<String, ArmCounts>> looks(Experiment experiment) {
    Instant end = experiment.running() ? clock.instant() : experiment.stoppedAt();
    List<Response<Map<String, String>>> days = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (LocalDate day = day(experiment.startedAt()); !day.isAfter(day(end)); day = day.plusDays(1)) {
        days.add(p.hgetAll(Keyspace.experimentCounts(experiment.name(), day.toString())));
      }
      p.sync();
    }
    List<Map<String, ArmCounts>> looks = new ArrayList<>(days.size());
    Map<String, ArmCounts> total = new HashMap<>();
    for (Response<Map<String, String>> day : days) {
      Map<String, String> fields = day.get();
      for (Arm arm : experiment.arms()) {
        ArmCounts before = total.getOrDefault(arm.name(), ArmCounts.ZERO);
        total.put(arm.name(), new ArmCounts(
            before.units() + count(fields, arm, ArmMeasure.UNITS),
            before.served() + count(fields, arm, ArmMeasure.SERVED),
            before.viewable() + count(fields, arm, ArmMeasure.VIEWABLE),
            before.clicks() + count(fields, arm, ArmMeasure.CLICKS)));
      }
      looks.add(Map.copyOf(total));
    }
    return looks;
  }

  private static long count(Map<String, String> fields, Arm arm, ArmMeasure measure) {
    String value = fields.get(Keyspace.experimentCountField(arm.name(), measure));
    return value == null ? 0 : Long.parseLong(value);
  }

  private static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }
}
