package com.eplly.recommender.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Starts the Spark session of a CLI run. */
final class SparkSessions {

  static final String SHUFFLE_PARTITIONS = "spark.sql.shuffle.partitions";

  /**
   * Spark's 200 shuffle partitions of a few KB each are pure overhead for a portal's page views;
   * the same count on every master also keeps local and cluster runs partitioned alike, so their
   * floating-point sums add up in the same order. A big cluster passes
   * {@code --conf spark.sql.shuffle.partitions=N} to spark-submit, which wins.
   */
  static final String DEFAULT_SHUFFLE_PARTITIONS = "8";

  private SparkSessions() {}

  static SparkSession start(String master) {
    // spark-submit hands its --master and --conf settings over as system properties.
    SparkConf submitted = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder()
        .appName("eplly-reco")
        .config("spark.ui.showConsoleProgress", "false");
    String effectiveMaster = submitted.get("spark.master", master);
    builder.master(effectiveMaster);
    if (!submitted.contains(SHUFFLE_PARTITIONS)) {
      builder.config(SHUFFLE_PARTITIONS, DEFAULT_SHUFFLE_PARTITIONS);
    }
    if (effectiveMaster.startsWith("local")) {
      builder.config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
