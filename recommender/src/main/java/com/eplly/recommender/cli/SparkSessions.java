package com.eplly.recommender.cli;

import org.apache.spark.sql.SparkSession;

/** Starts the Spark session of a CLI run. */
final class SparkSessions {

  private SparkSessions() {}

  static SparkSession start(String master) {
    SparkSession.Builder builder = SparkSession.builder()
        .appName("eplly-reco")
        .master(master)
        .config("spark.ui.showConsoleProgress", "false");
    if (master.startsWith("local")) {
      // 200 shuffle partitions of a few KB each are pure overhead on one machine.
      builder.config("spark.sql.shuffle.partitions", "8").config("spark.ui.enabled", "false");
    }
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
