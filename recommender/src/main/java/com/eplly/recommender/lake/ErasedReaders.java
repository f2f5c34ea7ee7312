package com.eplly.recommender.lake;

import static com.eplly.recommender.lake.Columns.ERASED_AT;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import com.eplly.contracts.lake.LakeLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's {@code erasures} as one pipeline step: {@link #drop} removes every event of an erased
 * reader stamped at or before that reader's latest {@code erasedAt}, later events being new data.
 *
 * <p>Which time is compared: {@code ReaderErasure.covers} speaks of the Kafka record time, which the
 * lake does not keep; the lake has the event's own {@code timestamp}, so that is what is compared
 * here and in {@code reco compact}. The api stamps the Kafka record when it produces the event,
 * within about a second of the event's timestamp, so the two sides disagree at most about events
 * sent in the second around the erasure; a client clock set back makes the lake drop more, never
 * keep more.
 */
public final class ErasedReaders {

  private static final String ERASED_READER = "_erasedReader";
  private static final String ERASED_UNTIL = "_erasedUntil";

  /** readerId, erasedAt (the latest per reader); empty when the lake has no erasure. */
  private final Optional<Dataset<Row>> latest;

  private ErasedReaders(Optional<Dataset<Row>> latest) {
    this.latest = latest;
  }

  /** The erasures of the lake under {@code files}; reading starts only when a step needs them. */
  public static ErasedReaders of(SparkSession spark, LakeFiles files) {
    var found = files.list(LakeLayout.ERASURES);
    if (found.isEmpty()) {
      return new ErasedReaders(Optional.empty());
    }
    Dataset<Row> lines = spark.read().schema(LakeSchemas.ERASURE).option("mode", "PERMISSIVE")
        .json(found.stream().map(LakeFile::path).toArray(String[]::new));
    // A later erasure of a reader covers everything an earlier one did (ReaderErasure).
    return new ErasedReaders(Optional.of(lines
        .where(col(READER_ID).isNotNull().and(col(ERASED_AT).gt(0)))
        .groupBy(READER_ID)
        .agg(max(col(ERASED_AT)).as(ERASED_AT))));
  }

  /** Given erasures, readerId to erasedAt (what {@code reco compact} read once for its whole run). */
  public static ErasedReaders of(SparkSession spark, Map<String, Long> erasedAt) {
    if (erasedAt.isEmpty()) {
      return new ErasedReaders(Optional.empty());
    }
    List<Row> rows = new ArrayList<>();
    erasedAt.forEach((reader, at) -> rows.add(RowFactory.create(reader, at)));
    StructType schema = new StructType().add(READER_ID, DataTypes.StringType).add(ERASED_AT, DataTypes.LongType);
    return new ErasedReaders(Optional.of(spark.createDataFrame(rows, schema)));
  }

  /** Events (with {@code readerId} and {@code timestamp}) less those of erased readers up to their erasure. */
  public Dataset<Row> drop(Dataset<Row> events) {
    return latest.isEmpty() ? events : join(events, "left_anti");
  }

  /** Only the events {@link #drop} removes. */
  public Dataset<Row> select(Dataset<Row> events) {
    return latest.isEmpty() ? events.limit(0) : join(events, "left_semi");
  }

  private Dataset<Row> join(Dataset<Row> events, String type) {
    // A reader erased is a handful among millions: the erasures go to every task, the events stay put.
    Dataset<Row> erased = broadcast(latest.get().select(col(READER_ID).as(ERASED_READER), col(ERASED_AT).as(ERASED_UNTIL)));
    return events.join(erased, col(READER_ID).equalTo(col(ERASED_READER)).and(col(TIMESTAMP).leq(col(ERASED_UNTIL))), type);
  }

  /** readerId to the latest erasedAt, on the driver (for {@code reco compact}'s record of what it applied). */
  public Map<String, Long> collect() {
    Map<String, Long> out = new HashMap<>();
    latest.ifPresent(d -> d.collectAsList().forEach(r -> out.put(r.getString(0), r.getLong(1))));
    return out;
  }
}
