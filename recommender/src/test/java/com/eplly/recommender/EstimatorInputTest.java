package com.eplly.recommender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.als.ImplicitAls;
import com.eplly.recommender.content.ContentSimilarity;
import com.eplly.recommender.covisit.CoVisitation;
import com.eplly.recommender.ease.Ease;
import com.eplly.recommender.lake.Columns;
import com.eplly.recommender.lake.LakeSchemas;
import com.eplly.recommender.popularity.RecencyPopularity;
import com.eplly.recommender.sequence.FollowedBy;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.spark.ml.Estimator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every estimator checks its input schema ({@code transformSchema}) before it fits, as MLlib's do:
 * a missing column is an error naming it, not a Spark analysis error from deep inside a plan.
 */
@SparkTest
class EstimatorInputTest {

  private final SparkSession spark;

  EstimatorInputTest(SparkSession spark) {
    this.spark = spark;
  }

  static Stream<Arguments> estimatorsAndARequiredColumn() {
    return Stream.of(
        Arguments.of("co-visitation", (Supplier<Estimator<?>>) CoVisitation::new, LakeSchemas.PAGE_VIEW, Columns.SESSION_ID),
        Arguments.of("followed-by", (Supplier<Estimator<?>>) FollowedBy::new, LakeSchemas.PAGE_VIEW, Columns.TIMESTAMP),
        Arguments.of("popularity", (Supplier<Estimator<?>>) RecencyPopularity::new, LakeSchemas.PAGE_VIEW, Columns.ARTICLE_ID),
        Arguments.of("ALS", (Supplier<Estimator<?>>) ImplicitAls::new, LakeSchemas.PAGE_VIEW, Columns.READER_ID),
        Arguments.of("ease", (Supplier<Estimator<?>>) Ease::new, LakeSchemas.PAGE_VIEW, Columns.READER_ID),
        Arguments.of("content", (Supplier<Estimator<?>>) ContentSimilarity::new, LakeSchemas.ARTICLE, Columns.TITLE));
  }

  @ParameterizedTest(name = "{0} without {3}")
  @MethodSource("estimatorsAndARequiredColumn")
  void aMissingColumnIsAnErrorNamingIt(String reader, Supplier<Estimator<?>> estimator, StructType schema, String dropped) {
    Dataset<Row> input = spark.createDataFrame(List.of(), without(schema, dropped));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> estimator.get().fit(input));
    assertTrue(e.getMessage().startsWith(reader + " input needs a column " + dropped + ", got ["), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("estimatorsAndARequiredColumn")
  void aCompleteSchemaPassesTheCheck(String reader, Supplier<Estimator<?>> estimator, StructType schema, String dropped) {
    StructType out = estimator.get().transformSchema(schema);
    assertEquals(schema.length() + 1, out.length(), "one output column added to " + out);
  }

  private static StructType without(StructType schema, String column) {
    return new StructType(Arrays.stream(schema.fields()).filter(f -> !f.name().equals(column)).toArray(StructField[]::new));
  }
}
