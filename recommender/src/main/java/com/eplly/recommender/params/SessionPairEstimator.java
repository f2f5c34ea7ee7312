package com.eplly.recommender.params;

import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * {@link DecayedEventEstimator}'s params plus the window of a session within which two views
 * make a pair, declared once for the estimators that read session pairs (co-visitation,
 * followed-by).
 */
public abstract class SessionPairEstimator<S extends SessionPairEstimator<S, M>, M extends Model<M>>
    extends DecayedEventEstimator<S, M> {

  private static final long WEEK_MS = 7L * 24 * 3600 * 1000;

  private final IntParam window;

  protected SessionPairEstimator(String uid, String weighed) {
    super(uid, weighed, WEEK_MS);
    this.window = new IntParam(this, "window", "max positions apart in a session for two views to make a pair",
        ParamValidators.gtEq(1));
    setDefault(window, 3);
  }

  public IntParam window() {
    return window;
  }

  public int getWindow() {
    return (Integer) $(window);
  }

  public S setWindow(int value) {
    set(window, value);
    return self();
  }
}
