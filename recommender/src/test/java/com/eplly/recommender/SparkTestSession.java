package com.eplly.recommender;

import org.apache.spark.sql.SparkSession;

/** The small local Spark each test class starts once. */
public final class SparkTestSession {

  private SparkTestSession() {}

  public static SparkSession start() {
    SparkSession spark = SparkSession.builder()
        .appName("recommender-test")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    return spark;
  }
}
