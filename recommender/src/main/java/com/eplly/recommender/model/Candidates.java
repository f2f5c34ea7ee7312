package com.eplly.recommender.model;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static org.apache.spark.sql.functions.col;

import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The articles a model may suggest: the servable part of the catalog, or anything when no
 * catalog is known (the api still filters hidden and expired articles at serving time).
 *
 * @param servable rows with an {@code articleId} column, or empty for "no restriction"
 */
public record Candidates(Optional<Dataset<Row>> servable) {

  public static Candidates unrestricted() {
    return new Candidates(Optional.empty());
  }

  public static Candidates of(Dataset<Row> servableArticleIds) {
    return new Candidates(Optional.of(servableArticleIds.select(col(ARTICLE_ID)).distinct()));
  }

  /** The candidates among {@code articleIds} (rows with an {@code articleId} column). */
  public Candidates within(Dataset<Row> articleIds) {
    return Candidates.of(restrict(articleIds, ARTICLE_ID));
  }

  /** Keeps only rows whose {@code column} names a candidate article. */
  public Dataset<Row> restrict(Dataset<Row> rows, String column) {
    return servable
        .map(ids -> rows.join(ids.withColumnRenamed(ARTICLE_ID, "_candidate"),
            rows.col(column).equalTo(col("_candidate")), "left_semi"))
        .orElse(rows);
  }
}
