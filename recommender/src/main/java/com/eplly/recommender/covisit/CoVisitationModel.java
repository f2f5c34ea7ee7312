package com.eplly.recommender.covisit;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.model.Candidates;
import com.eplly.recommender.model.SuggestionLists;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Fitted co-visitation scores; {@link #neighbourLists} gives each article its top-K "read
 * together" list, {@link #transform} attaches that list to rows with an {@code articleId}.
 */
public final class CoVisitationModel extends Model<CoVisitationModel> {

  private final String uid;
  private final Dataset<Row> scores;
  private final IntParam topK;

  CoVisitationModel(String uid, Dataset<Row> scores) {
    this.uid = uid;
    this.scores = scores;
    this.topK = new IntParam(this, "topK", "neighbours kept per article", ParamValidators.gtEq(1));
    setDefault(topK, 20);
  }

  public IntParam topK() {
    return topK;
  }

  public CoVisitationModel setTopK(int value) {
    set(topK, value);
    return this;
  }

  /** All scored pairs: {@code articleId, neighbourId, score}. */
  public Dataset<Row> scores() {
    return scores;
  }

  /** Top-K neighbours per article among the candidates: {@code articleId, suggestions}. */
  public Dataset<Row> neighbourLists(Candidates candidates) {
    return SuggestionLists.topK(candidates.restrict(scores, NEIGHBOUR_ID), ARTICLE_ID, NEIGHBOUR_ID,
        (Integer) $(topK), Reason.READ_TOGETHER);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(Candidates.unrestricted()), ARTICLE_ID, "left");
  }

  public static StructType outputSchema(StructType input) {
    return input.add(SuggestionLists.SUGGESTIONS, org.apache.spark.sql.types.DataTypes.createArrayType(
        new StructType()
            .add(SuggestionLists.RANK, "int")
            .add(SuggestionLists.ARTICLE_ID, "string")
            .add(SuggestionLists.SCORE, "double")
            .add(SuggestionLists.REASON, "string")));
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return outputSchema(schema);
  }

  @Override
  public CoVisitationModel copy(ParamMap extra) {
    return copyValues(new CoVisitationModel(uid, scores), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
