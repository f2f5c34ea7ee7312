package com.eplly.recommender.compact;

import static com.eplly.recommender.lake.Columns.EVENT_ID;
import static com.eplly.recommender.lake.Columns.KIND;
import static com.eplly.recommender.lake.Columns.READER_ID;
import static com.eplly.recommender.lake.Columns.REQUEST_ID;
import static com.eplly.recommender.lake.Columns.SESSION_ID;
import static com.eplly.recommender.lake.Columns.TIMESTAMP;
import static org.apache.spark.sql.functions.col;

import com.eplly.contracts.lake.LakeLayout;
import com.eplly.recommender.lake.LakeSchemas;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * How each compacted dataset is rewritten: every field of its records, which rows are one event,
 * and the order of the rows in an hour's file.
 *
 * <p>Rows are sorted by reader, session and time: the order the reader and session sources group
 * by, and it keeps one reader's events together, so the Parquet row groups' readerId statistics let
 * {@code reco export} and the erasure search skip the rest.
 */
enum CompactedDataset {

  /** Page views: one per eventId in an hour (a duplicate has the same timestamp, hence the same hour). */
  PAGE_VIEWS(LakeLayout.PAGE_VIEWS, LakeSchemas.PAGE_VIEW_RECORD, List.of(READER_ID, SESSION_ID, TIMESTAMP, EVENT_ID)) {
    @Override
    Dataset<Row> unique(Dataset<Row> events) {
      return events.where(col(EVENT_ID).isNotNull()).dropDuplicates(Compactor.DATE, Compactor.HOUR, EVENT_ID);
    }
  },

  /** Impressions have no event id: a record repeated field for field counts once. */
  IMPRESSIONS(LakeLayout.IMPRESSIONS, LakeSchemas.IMPRESSION_RECORD,
      List.of(READER_ID, SESSION_ID, TIMESTAMP, REQUEST_ID, KIND)) {
    @Override
    Dataset<Row> unique(Dataset<Row> events) {
      return events.where(col(REQUEST_ID).isNotNull()).dropDuplicates();
    }
  };

  private final String folder;
  private final StructType record;
  private final List<String> order;

  CompactedDataset(String folder, StructType record, List<String> order) {
    this.folder = folder;
    this.record = record;
    this.order = order;
  }

  /** Valid records once each (the rows carry the {@code date} and {@code hour} columns). */
  abstract Dataset<Row> unique(Dataset<Row> events);

  String folder() {
    return folder;
  }

  StructType record() {
    return record;
  }

  List<String> order() {
    return order;
  }
}
