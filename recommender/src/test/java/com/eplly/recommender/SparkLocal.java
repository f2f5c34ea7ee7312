package com.eplly.recommender;

import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** JUnit extension: one small local Spark per test class, injected as a {@link SparkSession} parameter. */
public final class SparkLocal implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SparkLocal.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    SparkSession spark = SparkSession.builder()
        .appName("recommender-test")
        .master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.default.parallelism", "2")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    context.getStore(NAMESPACE).put(SparkSession.class, spark);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    context.getStore(NAMESPACE).remove(SparkSession.class, SparkSession.class).stop();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == SparkSession.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // A method's context finds the class's session through the store's parent lookup.
    return context.getStore(NAMESPACE).get(SparkSession.class, SparkSession.class);
  }
}
