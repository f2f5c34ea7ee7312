package com.eplly.api.experiment;

import com.eplly.contracts.codec.Validation;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.experiment.ArmCounts;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * An experiment's live counts as the report's looks: ingest adds every attributed event to its
 * UTC hour's hash ({@link Keyspace#experimentCounts}, {@link LookSchedule}; units in the hour a
 * unit is first seen), so the running sums at the end of each hour, up to the current partial one,
 * are the looks the always-valid p-value is computed over; and where the clicks landed, by position
 * and by reason. One pipelined round trip each.
 */
@Component
public class ExperimentCounts {

  private final UnifiedJedis redis;
  private final Clock clock;

  public ExperimentCounts(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** Cumulative counts per arm at the end of each hour since the start, the last one being now. */
  public List<Map<String, ArmCounts>> looks(Experiment experiment) {
    List<Map<String, ArmCounts>> looks = new ArrayList<>();
    Map<String, ArmCounts> total = new HashMap<>();
    for (Map<String, String> fields : periods(experiment)) {
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

  /** Each arm's attributed clicks by position and by reason, summed over the experiment's hours. */
  public List<ArmClicks> clicks(Experiment experiment) {
    List<Map<String, String>> periods = periods(experiment);
    List<ArmClicks> arms = new ArrayList<>(experiment.arms().size());
    for (Arm arm : experiment.arms()) {
      long viewable = 0;
      long clicks = 0;
      Map<Integer, Long> byPosition = new TreeMap<>();
      Map<String, Long> byReason = new TreeMap<>();
      for (Map<String, String> fields : periods) {
        viewable += count(fields, arm, ArmMeasure.VIEWABLE);
        clicks += count(fields, arm, ArmMeasure.CLICKS);
        // looked up by name, so the field spelling stays Keyspace's alone
        for (int position = 1; position <= Validation.MAX_ITEMS; position++) {
          add(byPosition, position, fields.get(Keyspace.experimentPositionClicksField(arm.name(), position)));
        }
        for (Reason reason : Reason.values()) {
          add(byReason, reason.wireName(), fields.get(Keyspace.experimentReasonClicksField(arm.name(), reason.wireName())));
        }
      }
      arms.add(new ArmClicks(arm.name(), viewable, clicks, byPosition, byReason));
    }
    return arms;
  }

  /**
   * Where one arm's clicks landed.
   *
   * @param viewable   its viewable answers (every position of a viewable block was on screen)
   * @param byPosition clicks per 1-based position, positions without clicks left out
   * @param byReason   clicks per reason of the clicked suggestion, reasons without clicks left out
   */
  public record ArmClicks(String arm, long viewable, long clicks, Map<Integer, Long> byPosition,
      Map<String, Long> byReason) {}

  /** Each UTC hour's counter hash from the start to now (or the stop), one pipelined round trip. */
  private List<Map<String, String>> periods(Experiment experiment) {
    Instant end = experiment.running() ? clock.instant() : experiment.stoppedAt();
    List<Response<Map<String, String>>> periods = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (Instant period : LookSchedule.periods(experiment.startedAt(), end)) {
        periods.add(p.hgetAll(Keyspace.experimentCounts(experiment.name(), LookSchedule.label(period))));
      }
      p.sync();
    }
    return periods.stream().map(Response::get).toList();
  }

  private static <K> void add(Map<K, Long> sums, K key, String value) {
    if (value != null) {
      sums.merge(key, Long.parseLong(value), Long::sum);
    }
  }

  private static long count(Map<String, String> fields, Arm arm, ArmMeasure measure) {
    String value = fields.get(Keyspace.experimentCountField(arm.name(), measure));
    return value == null ? 0 : Long.parseLong(value);
  }
}
