package com.eplly.recommender.hybrid;

import com.eplly.contracts.event.Reason;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One candidate source's scores as the hybrid blends them.
 *
 * @param source the source's name in {@link HybridWeights} (e.g. {@link HybridWeights#CONTENT})
 * @param rows   rows of the list key, the candidate article and {@code score}; higher = better
 * @param reason what the source tells the reader when it contributes most to an item
 */
public record SourceScores(String source, Dataset<Row> rows, Reason reason) {}
