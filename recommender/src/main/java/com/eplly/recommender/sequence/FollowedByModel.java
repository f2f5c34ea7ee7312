package com.eplly.recommender.sequence;

import static com.eplly.recommender.lake.Columns.ARTICLE_ID;
import static com.eplly.recommender.lake.Columns.NEIGHBOUR_ID;
import static org.apache.spark.sql.functions.col;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.covisit.CoVisitationModel;
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
 * Fitted "followed-by" transitions; {@link #neighbourLists} gives each article its top-K "read
 * next" list, {@link #transform} attaches that list to rows with an {@code articleId}.
 */
public final class FollowedByModel extends Model<FollowedByModel> {

  private final String uid;
  private final Dataset<Row> scores;
  private final IntParam topK;

  FollowedByModel(String uid, Dataset<Row> scores) {
    this.uid = uid;
    this.scores = scores;
    this.topK = new IntParam(this, "topK", "next articles kept per article", ParamValidators.gtEq(1));
    setDefault(topK, 20);
  }

  public IntParam topK() {
    return topK;
  }

  public FollowedByModel setTopK(int value) {
    set(topK, value);
    return this;
  }

  /**
   * Every transition, re-reads included: {@code articleId, neighbourId, score}. A session's prefix
   * is scored with these (going back to an item is the likeliest next click in product sessions).
   */
  public Dataset<Row> scores() {
    return scores;
  }

  /** The transitions to other articles: an article's own page never suggests the article. */
  public Dataset<Row> neighbourScores() {
    return scores.where(col(ARTICLE_ID).notEqual(col(NEIGHBOUR_ID)));
  }

  /** Top-K next articles per article among the candidates: {@code articleId, suggestions}. */
  public Dataset<Row> neighbourLists(Candidates candidates) {
    return SuggestionLists.topK(candidates.restrict(neighbourScores(), NEIGHBOUR_ID), ARTICLE_ID, NEIGHBOUR_ID,
        (Integer) $(topK), Reason.READ_TOGETHER);
  }

  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    return dataset.toDF().join(neighbourLists(Candidates.unrestricted()), ARTICLE_ID, "left");
  }

  @Override
  public StructType transformSchema(StructType schema) {
    return CoVisitationModel.outputSchema(schema);
  }

  @Override
  public FollowedByModel copy(ParamMap extra) {
    return copyValues(new FollowedByModel(uid, scores), extra).setParent(parent());
  }

  @Override
  public String uid() {
    return uid;
  }
}
