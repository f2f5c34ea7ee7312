package com.eplly.recommender.model;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.READER_ID;

import com.eplly.contracts.event.Suggestion;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A stored version's published lists on the driver, as article ids in rank order: what the quality
 * gate replays for the active version.
 *
 * @param version       the version
 * @param referenceTime epoch ms of the newest page view it was trained on
 * @param articles      per article its list
 * @param readers       per reader its list
 * @param popular       the popular list
 */
public record StoredLists(String version, long referenceTime, Map<String, List<String>> articles,
    Map<String, List<String>> readers, List<String> popular) {

  public static StoredLists read(SparkSession spark, ModelStore store, String version) {
    ModelMeta meta = store.readMeta(version);
    StoredVersion stored = store.version(version);
    List<Row> popularRows = spark.read().parquet(stored.popularList()).collectAsList();
    return new StoredLists(version, Instant.parse(meta.referenceTime()).toEpochMilli(),
        keyed(spark, stored.articleLists(), ARTICLE_ID), keyed(spark, stored.readerLists(), READER_ID),
        popularRows.isEmpty() ? List.of() : ids(popularRows.get(0)));
  }

  private static Map<String, List<String>> keyed(SparkSession spark, String path, String keyColumn) {
    Map<String, List<String>> out = new HashMap<>();
    for (Row r : spark.read().parquet(path).collectAsList()) {
      out.put(r.getString(r.fieldIndex(keyColumn)), ids(r));
    }
    return out;
  }

  private static List<String> ids(Row row) {
    return SuggestionLists.fromRow(row).stream().map(Suggestion::articleId).toList();
  }
}
