package com.eplly.recommender.params;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.ParamValidators;

/**
 * The params every estimator shares that weighs an event {@code 2^(-age/halfLife)} by its age at a
 * reference time, declared once (as MLlib's {@code ALSParams} declares ALS's): the half-life and
 * the reference time.
 *
 * @param <S> the estimator itself, so that setters chain on its own type
 * @param <M> the model it fits
 */
public abstract class DecayedEventEstimator<S extends DecayedEventEstimator<S, M>, M extends Model<M>>
    extends Estimator<M> {

  private final String uid;
  private final LongParam halfLifeMs;
  private final LongParam referenceTime;

  /** @param weighed what decays, for the param's doc: "a view", "a pair" */
  protected DecayedEventEstimator(String uid, String weighed, long defaultHalfLifeMs) {
    // Params take their parent's uid when made: it must be set first.
    this.uid = uid;
    this.halfLifeMs = new LongParam(this, "halfLifeMs", "half-life of " + weighed + "'s weight by age (ms)",
        ParamValidators.gt(0));
    this.referenceTime = new LongParam(this, "referenceTime", "the 'now' ages are measured from (epoch ms)");
    setDefault(halfLifeMs, defaultHalfLifeMs);
  }

  public LongParam halfLifeMs() {
    return halfLifeMs;
  }

  public LongParam referenceTime() {
    return referenceTime;
  }

  public long getHalfLifeMs() {
    return (Long) $(halfLifeMs);
  }

  public long getReferenceTime() {
    return (Long) $(referenceTime);
  }

  public S setHalfLifeMs(long value) {
    set(halfLifeMs, value);
    return self();
  }

  public S setReferenceTime(long value) {
    set(referenceTime, value);
    return self();
  }

  @SuppressWarnings("unchecked")
  protected final S self() {
    return (S) this;
  }

  @Override
  public final String uid() {
    return uid;
  }
}
