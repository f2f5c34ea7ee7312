package com.eplly.recommender.publish;

/** The quality gate refused to activate a version; nothing was written. */
public final class GateRefused extends RuntimeException {

  private final QualityGate.Verdict verdict;

  public GateRefused(String version, QualityGate.Verdict verdict) {
    super("the quality gate refused " + version + ": " + verdict.summary() + "; " + String.join("; ", verdict.reasons())
        + ". The active version is unchanged; --force publishes it anyway");
    this.verdict = verdict;
  }

  public QualityGate.Verdict verdict() {
    return verdict;
  }
}
