package com.eplly.recommender.experiment;

import static com.eplly.recommender.lake.Columns.ARM;
import static com.eplly.recommender.lake.Columns.EXPERIMENT;
import static com.eplly.recommender.lake.Columns.KIND;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.REQUEST_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.experiment.ArmCounts;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * An experiment's counts per hour ({@code LookSchedule}) and arm from the lake, by the live counters' rules (ingest's
 * {@code ExperimentAttribution}): an answer counts once (its first served event), a unit once (on
 * its first answer, in that answer's arm), an answer's viewable impression once, on its first
 * viewable impression or attributed click, and its first click within
 * {@link Keyspace#ATTRIBUTION_WINDOW} of the answer. For a stopped experiment whose events ingest
 * has all consumed, these are the live counts; they are the authoritative ones, as the lake keeps
 * every event while the live counters depend on the order ingest saw them in (an impression
 * consumed before its answer is not counted live).
 */
public final class ExperimentLakeCounts {

  private static final String PERIOD = "_period";
  private static final String SERVED_AT = "_servedAt";
  private static final String UNIT = "_unit";
  private static final String N = "_n";
  private static final long PERIOD_MS = LookSchedule.PERIOD.toMillis();

  /**
   * @param impressions the lake's impressions (LakeReader.impressions)
   * @param clicks      the lake's attributed page views (LakeReader.clicks)
   * @return per UTC hour (its start), per arm, that hour's counts (not cumulative)
   */
  public Map<Instant, Map<String, ArmCounts>> byPeriod(Dataset<Row> impressions, Dataset<Row> clicks, String experiment) {
    // read by all four counts: computed once
    Dataset<Row> served = answers(impressions, experiment).cache();
    Map<Instant, Map<String, EnumMap<ArmMeasure, Long>>> periods = new TreeMap<>();
    add(periods, ArmMeasure.SERVED, perPeriodAndArm(served.withColumn(TIMESTAMP, col(SERVED_AT))));
    add(periods, ArmMeasure.UNITS, perPeriodAndArm(firstPer(served.where(col(UNIT).isNotNull()), UNIT, SERVED_AT)
        .withColumn(TIMESTAMP, col(SERVED_AT))));
    Dataset<Row> clickTouches = attributed(clicks.select(REQUEST_ID, TIMESTAMP), served);
    Dataset<Row> viewTouches = attributed(impressions.where(col(KIND).equalTo(ViewableImpression.KIND))
        .select(REQUEST_ID, TIMESTAMP), served);
    add(periods, ArmMeasure.VIEWABLE, perPeriodAndArm(firstPer(viewTouches.unionByName(clickTouches), REQUEST_ID, TIMESTAMP)));
    add(periods, ArmMeasure.CLICKS, perPeriodAndArm(firstPer(clickTouches, REQUEST_ID, TIMESTAMP)));
    served.unpersist();
    Map<Instant, Map<String, ArmCounts>> out = new TreeMap<>();
    periods.forEach((period, arms) -> {
      Map<String, ArmCounts> counts = new HashMap<>();
      arms.forEach((arm, m) -> counts.put(arm, new ArmCounts(m.getOrDefault(ArmMeasure.UNITS, 0L),
          m.getOrDefault(ArmMeasure.SERVED, 0L), m.getOrDefault(ArmMeasure.VIEWABLE, 0L),
          m.getOrDefault(ArmMeasure.CLICKS, 0L))));
      out.put(period, counts);
    });
    return out;
  }

  /** The experiment's answers, each once (its first served event): requestId, arm, unit, served time. */
  static Dataset<Row> answers(Dataset<Row> impressions, String experiment) {
    Dataset<Row> served = impressions
        .where(col(KIND).equalTo(ServedEvent.KIND).and(col(EXPERIMENT).equalTo(experiment)).and(col(ARM).isNotNull())
            .and(col(TIMESTAMP).isNotNull()))
        .select(col(REQUEST_ID), col(ARM), coalesce(col(READER_ID), col(SESSION_ID)).as(UNIT), col(TIMESTAMP).as(SERVED_AT));
    return firstPer(served, REQUEST_ID, SERVED_AT);
  }

  /** Touches (requestId, timestamp) of known answers within the attribution window, with the answer's arm. */
  static Dataset<Row> attributed(Dataset<Row> touches, Dataset<Row> answers) {
    return touches.where(col(TIMESTAMP).isNotNull())
        .join(answers.select(REQUEST_ID, ARM, SERVED_AT), REQUEST_ID)
        .where(col(TIMESTAMP).minus(col(SERVED_AT)).leq(lit(Keyspace.ATTRIBUTION_WINDOW.toMillis())))
        .select(REQUEST_ID, ARM, TIMESTAMP);
  }

  /** The earliest row per {@code key} (ties broken by the row's other values, so the pick is stable). */
  static Dataset<Row> firstPer(Dataset<Row> rows, String key, String time) {
    Column[] order = java.util.Arrays.stream(rows.columns()).filter(c -> !c.equals(key) && !c.equals(time))
        .map(c -> col(c).asc_nulls_last()).toArray(Column[]::new);
    Column[] all = new Column[order.length + 1];
    all[0] = col(time).asc();
    System.arraycopy(order, 0, all, 1, order.length);
    return rows.withColumn(N, row_number().over(Window.partitionBy(col(key)).orderBy(all)))
        .where(col(N).equalTo(1)).drop(N);
  }

  private static Dataset<Row> perPeriodAndArm(Dataset<Row> rows) {
    return rows.withColumn(PERIOD, floor(col(TIMESTAMP).divide(PERIOD_MS))).groupBy(PERIOD, ARM).agg(count(lit(1)).as(N));
  }

  private static void add(Map<Instant, Map<String, EnumMap<ArmMeasure, Long>>> periods, ArmMeasure measure,
      Dataset<Row> counted) {
    for (Row r : counted.collectAsList()) {
      Instant period = Instant.ofEpochMilli(r.getLong(r.fieldIndex(PERIOD)) * PERIOD_MS);
      periods.computeIfAbsent(period, d -> new TreeMap<>())
          .computeIfAbsent(r.getString(r.fieldIndex(ARM)), a -> new EnumMap<>(ArmMeasure.class))
          .put(measure, r.getLong(r.fieldIndex(N)));
    }
  }
}
