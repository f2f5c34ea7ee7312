package com.eplly.api.privacy;

import com.eplly.contracts.lake.LakeLayout;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The lake datasets that hold a reader's data, each with every field of its records as
 * {@code EventCodec} (and {@code ReaderErasureJson}, {@code AuditEventJson}) write them, typed for
 * DuckDB, and the field naming the reader. Reading with explicit columns skips type inference and
 * turns a mistyped field into a null instead of a failed export.
 */
enum LakeRecord {

  PAGE_VIEW(LakeLayout.PAGE_VIEWS, "readerId", List.of(
      "eventId VARCHAR", "readerId VARCHAR", "articleId VARCHAR", "sessionId VARCHAR", "timestamp BIGINT",
      "referrerArticleId VARCHAR", "dwellMs BIGINT", "requestId VARCHAR", "position INTEGER")),

  /** Served events and viewable impressions, told apart by {@code kind} (the union of both kinds' fields). */
  IMPRESSION(LakeLayout.IMPRESSIONS, "readerId", List.of(
      "kind VARCHAR", "requestId VARCHAR", "timestamp BIGINT", "readerId VARCHAR", "sessionId VARCHAR",
      "articleId VARCHAR", "version VARCHAR", "experiment VARCHAR", "arm VARCHAR", "degraded BOOLEAN",
      "items STRUCT(articleId VARCHAR, position INTEGER, reason VARCHAR)[]", "articleIds VARCHAR[]")),

  ERASURE(LakeLayout.ERASURES, "readerId", List.of("readerId VARCHAR", "erasedAt BIGINT", "requestedBy VARCHAR")),

  /** Admin actions done to the reader (their erasures and exports): the reader is the action's target. */
  AUDIT(LakeLayout.AUDIT, "target", List.of(
      "id VARCHAR", "at BIGINT", "actor VARCHAR", "action VARCHAR", "method VARCHAR", "path VARCHAR",
      "target VARCHAR", "details JSON", "status INTEGER", "requestId VARCHAR"));

  private final String dataset;
  private final String readerField;
  private final List<String[]> columns;

  LakeRecord(String dataset, String readerField, List<String> columns) {
    this.dataset = dataset;
    this.readerField = readerField;
    this.columns = columns.stream().map(c -> c.split(" ", 2)).toList();
  }

  String dataset() {
    return dataset;
  }

  List<String> names() {
    return columns.stream().map(c -> c[0]).toList();
  }

  /**
   * This dataset's rows of one reader from the listed files, every column of the record in order
   * (a column a file lacks is null): Parquet through its readerId statistics, JSONL with
   * unparseable lines skipped. Null when nothing is listed.
   */
  String readerRows(LakeListing files, String readerId) {
    if (files.size() == 0) {
      return null;
    }
    String where = " WHERE " + LakeSql.quoted(readerField) + " = " + LakeSql.literal(readerId);
    // A typed row-less first part fixes the columns and their types whatever the files hold
    StringBuilder sql = new StringBuilder("SELECT ").append(columns.stream()
        .map(c -> "CAST(NULL AS " + c[1] + ") AS " + LakeSql.quoted(c[0])).collect(Collectors.joining(", ")))
        .append(" WHERE false");
    if (!files.parquet().isEmpty()) {
      sql.append(" UNION ALL BY NAME SELECT * FROM read_parquet(").append(LakeSql.paths(files.parquet()))
          .append(", hive_partitioning = false, union_by_name = true)").append(where);
    }
    if (!files.jsonl().isEmpty()) {
      sql.append(" UNION ALL BY NAME SELECT * FROM read_json(").append(LakeSql.paths(files.jsonl()))
          .append(", format = 'newline_delimited', columns = {")
          .append(columns.stream().map(c -> LakeSql.literal(c[0]) + ": " + LakeSql.literal(c[1]))
              .collect(Collectors.joining(", ")))
          .append("}, ignore_errors = true, hive_partitioning = false)").append(where);
    }
    return "SELECT " + names().stream().map(LakeSql::quoted).collect(Collectors.joining(", "))
        + " FROM (" + sql + ")";
  }
}
