package com.eplly.recommender.hybrid;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One candidate source's score rows as {@link DatasetBlend} blends them; the source's
 * {@link Source#reason()} rides along with each item it contributes most to.
 *
 * @param source the source
 * @param rows   rows of the list key, the candidate article and {@code score}; higher = better
 */
public record SourceScoreRows(Source source, Dataset<Row> rows) {}
