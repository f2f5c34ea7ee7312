package com.eplly.recommender.als;

import static org.apache.spark.sql.functions.broadcast;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted {@link StringIndexerModel}'s labels as a table {@code (label, index)}, joined by
 * broadcast to index ids or to label indexes. {@code StringIndexerModel.transform} and
 * {@code IndexToString} instead carry the whole label map inside each task's closure, so every
 * task downstream deserialises it again: at 10M page views (813k readers) that was ~2 s per task
 * in the ALS stages that read the interactions.
 */
final class LabelTable {

  private static final int LABELS_PER_TASK = 20_000;

  private final String[] labels;
  private final Dataset<Row> rows;
  private final String labelCol;
  private final String indexCol;

  private LabelTable(String[] labels, Dataset<Row> rows, String labelCol, String indexCol) {
    this.labels = labels;
    this.rows = rows;
    this.labelCol = labelCol;
    this.indexCol = indexCol;
  }

  /** The indexer's labels, its input column as {@code labelCol} and its output column as an int {@code indexCol}. */
  static LabelTable of(SparkSession spark, StringIndexerModel indexer) {
    String[] labels = indexer.labelsArray()[0];
    List<Row> rows = new ArrayList<>(labels.length);
    for (int i = 0; i < labels.length; i++) {
      rows.add(RowFactory.create(labels[i], i));
    }
    StructType schema = new StructType().add(indexer.getInputCol(), "string", false)
        .add(indexer.getOutputCol(), "int", false);
    // Sliced so that no task carries more than ~20k labels (Spark warns above 1 MB per task).
    int slices = Math.max(spark.sparkContext().defaultParallelism(), labels.length / LABELS_PER_TASK + 1);
    Dataset<Row> table = spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext())
        .parallelize(rows, slices), schema);
    return new LabelTable(labels, table, indexer.getInputCol(), indexer.getOutputCol());
  }

  /** Labels by index. */
  String[] labels() {
    return labels;
  }

  /** Adds {@code indexCol} to rows with {@code labelCol}; rows whose label is unknown are dropped. */
  Dataset<Row> indexed(Dataset<Row> labelled) {
    return labelled.join(broadcast(rows), labelCol);
  }

  /** Replaces the integer index column {@code fromIndexCol} with {@code labelCol}. */
  Dataset<Row> labelled(Dataset<Row> indexed, String fromIndexCol) {
    return indexed.withColumnRenamed(fromIndexCol, indexCol).join(broadcast(rows), indexCol).drop(indexCol);
  }
}
