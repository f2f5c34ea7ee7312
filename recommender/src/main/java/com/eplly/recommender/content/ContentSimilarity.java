package com.eplly.recommender.content;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.CATEGORY;
import static com.eplly.recommender.lake.Columns.SUMMARY;
import static com.eplly.recommender.lake.Columns.TITLE;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;

import com.eplly.recommender.lake.Columns;
import com.eplly.contracts.content.ContentText;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.IDF;
import org.apache.spark.ml.feature.Normalizer;
import org.apache.spark.ml.feature.RegexTokenizer;
import org.apache.spark.ml.feature.StopWordsRemover;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Content similarity from the catalog: TF-IDF (MLlib RegexTokenizer, StopWordsRemover,
 * HashingTF, IDF, L2 Normalizer) over title, summary and category, so that an article nobody has
 * read yet still has "similar content" neighbours. The category is added as a token of its own
 * ({@code categoryWeight} times) so that same-section articles are closer than shared words alone
 * make them. Document and tokenizer settings come from {@link ContentText}, which ingest's live
 * content index uses too, so both cut an article into the same terms.
 *
 * <p>Input: catalog rows with {@code articleId}, {@code title}, {@code summary}, {@code category}.
 */
public final class ContentSimilarity extends Estimator<ContentSimilarityModel> {

  static final String FEATURES = "features";

  private final String uid;
  private final IntParam numFeatures;
  private final IntParam categoryWeight;

  public ContentSimilarity() {
    this(Identifiable.randomUID("contentSimilarity"));
  }

  public ContentSimilarity(String uid) {
    this.uid = uid;
    this.numFeatures = new IntParam(this, "numFeatures", "hashed vocabulary size", ParamValidators.gtEq(16));
    this.categoryWeight = new IntParam(this, "categoryWeight", "times the category token is counted", ParamValidators.gtEq(0));
    setDefault(numFeatures, 1 << 18);
    setDefault(categoryWeight, ContentText.DEFAULT_CATEGORY_WEIGHT);
  }

  public IntParam numFeatures() {
    return numFeatures;
  }

  public IntParam categoryWeight() {
    return categoryWeight;
  }

  public ContentSimilarity setNumFeatures(int value) {
    set(numFeatures, value);
    return this;
  }

  public ContentSimilarity setCategoryWeight(int value) {
    set(categoryWeight, value);
    return this;
  }

  @Override
  public ContentSimilarityModel fit(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    Dataset<Row> docs = dataset.toDF().select(col(ARTICLE_ID), document().as("text"));
    PipelineModel pipeline = new Pipeline().setStages(new PipelineStage[] {
        tokenizer().setInputCol("text").setOutputCol("tokens"),
        stopWords().setInputCol("tokens").setOutputCol("words"),
        new HashingTF().setInputCol("words").setOutputCol("tf").setNumFeatures((Integer) $(numFeatures)),
        new IDF().setInputCol("tf").setOutputCol("tfidf"),
        new Normalizer().setInputCol("tfidf").setOutputCol(FEATURES).setP(2.0)}).fit(docs);
    Dataset<Row> vectors = pipeline.transform(docs).select(col(ARTICLE_ID), col(FEATURES));
    return copyValues(new ContentSimilarityModel(uid, vectors), extractParamMap()).setParent(this);
  }

  /** Splits and lower-cases as {@link ContentText#tokens}. */
  static RegexTokenizer tokenizer() {
    return new RegexTokenizer().setPattern(ContentText.SPLIT_PATTERN).setGaps(true).setToLowercase(true)
        .setMinTokenLength(ContentText.MIN_TOKEN_LENGTH);
  }

  /** Drops {@link ContentText#STOP_WORDS}. */
  static StopWordsRemover stopWords() {
    return new StopWordsRemover().setStopWords(ContentText.STOP_WORDS.toArray(String[]::new)).setCaseSensitive(false);
  }

  /** {@link ContentText#document} as a column: title + summary + categoryWeight category tokens ("cat_world"). */
  Column document() {
    Column category = concat_ws("", lit(ContentText.CATEGORY_PREFIX),
        regexp_replace(coalesce(col(CATEGORY), lit("")), ContentText.CATEGORY_SEPARATORS, "_"));
    Column[] parts = new Column[2 + (Integer) $(categoryWeight)];
    parts[0] = coalesce(col(TITLE), lit(""));
    parts[1] = coalesce(col(SUMMARY), lit(""));
    for (int i = 2; i < parts.length; i++) {
      parts[i] = category;
    }
    return concat_ws(" ", parts);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    Columns.require(schema, "content", ARTICLE_ID, TITLE, SUMMARY, CATEGORY);
    return ContentSimilarityModel.outputSchema(schema);
  }

  @Override
  public ContentSimilarity copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  @Override
  public String uid() {
    return uid;
  }
}
