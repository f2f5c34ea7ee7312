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

  static final String LISTING_THRESHOLD = "spark.sql.sources.parallelPartitionDiscovery.threshold";

  /**
   * A lake hour holds a file per Kafka partition, so a training names ~1,000 files per million
   * page views. Past 32 paths Spark lists them in a Spark job of one task per file, which costs
   * a minute on two local cores for what the driver's own file system answers in a second; a
   * cluster (remote storage, many executors) keeps Spark's parallel listing.
   */
  static final String LOCAL_LISTING_THRESHOLD = String.valueOf(Integer.MAX_VALUE);

  static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  private SparkSessions() {}

  /**
   * For {@code reco evaluate}: a few hundred short jobs over at most a few million rows, where
   * adaptive execution re-plans every query stage by stage for nothing to gain (8 shuffle
   * partitions already, no skew worth splitting): ML-100k went from 97 s to 77 s without it,
   * with the same metrics. {@code --conf spark.sql.adaptive.enabled=true} on spark-submit wins.
   */
  static SparkSession startForEvaluation(String master) {
    return start(master, !new SparkConf().contains(ADAPTIVE));
  }

  static SparkSession start(String master) {
    return start(master, false);
  }

  private static SparkSession start(String master, boolean withoutAdaptive) {
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
    if (withoutAdaptive) {
      builder.config(ADAPTIVE, "false");
    }
    if (effectiveMaster.startsWith("local")) {
      builder.config("spark.ui.enabled", "false");
      if (!submitted.contains(LISTING_THRESHOLD)) {
        builder.config(LISTING_THRESHOLD, LOCAL_LISTING_THRESHOLD);
      }
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
