package com.eplly.recommender.publish;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.recommender.evaluate.ValidationDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a candidate may replace the active version, from what its training measured: its served
 * path next to the active version's stored lists, both replayed on the page views after both
 * versions' cut-offs ({@link ValidationDocument#COMPARISON} in model.json). Refuses a candidate worse than
 * the guards allow, or one compared with another version than the one active now.
 *
 * @param maxDrop          largest relative drop of MRR@10 or HR@10 allowed (0.05: 5 %)
 * @param minCoverageRatio the candidate's catalog coverage at least this share of the active's
 * @param minListsRatio    the candidate's article lists at least this share of the active's
 */
public record QualityGate(double maxDrop, double minCoverageRatio, double minListsRatio) {

  /** The cut-off the gate compares at. */
  public static final int CUT = 10;

  public static QualityGate defaults() {
    return new QualityGate(0.05, 0.5, 0.9);
  }

  /** The gate's decision and why; {@code measured} false when nothing could be compared. */
  public record Verdict(boolean passed, boolean measured, String summary, List<String> reasons) {

    /** One line for the version's meta hash and {@code reco models}. */
    public String line() {
      return (passed ? VersionMetaFields.GATE_PASSED : "refused") + ": " + summary + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
    }
  }

  /**
   * @param candidate     the version to activate
   * @param active        the version active now, if any
   * @param activeMeta    its model.json, when the model store has it
   */
  public Verdict judge(ModelMeta candidate, Optional<String> active, Optional<ModelMeta> activeMeta) {
    if (active.isEmpty()) {
      return new Verdict(true, false, "no version is active", List.of());
    }
    if (active.get().equals(candidate.version())) {
      return new Verdict(true, false, candidate.version() + " is the active version", List.of());
    }
    ValidationDocument validation = new ValidationDocument(candidate.validation());
    if (!validation.compared()) {
      return new Verdict(true, false, validation.isEmpty()
          ? "not measured: " + candidate.version() + " was trained without tuning (--no-tune)"
          : "not measured: no active version could be replayed on " + candidate.version() + "'s validation window",
          List.of());
    }
    Object compared = validation.comparedWith();
    if (!active.get().equals(compared)) {
      return new Verdict(false, false, candidate.version() + " was compared with " + compared + " but "
          + active.get() + " is active now", List.of("retrain to compare with the active version, or --force"));
    }
    ValidationDocument.Figures mine = validation.candidate(CUT);
    ValidationDocument.Figures theirs = validation.active(CUT);
    List<String> reasons = new ArrayList<>();
    dropped("MRR", mine.mrr(), theirs.mrr()).ifPresent(reasons::add);
    dropped("HR", mine.hr(), theirs.hr()).ifPresent(reasons::add);
    double coverage = mine.coverage();
    double activeCoverage = theirs.coverage();
    if (coverage < minCoverageRatio * activeCoverage) {
      reasons.add(String.format(Locale.ROOT, "catalog coverage %.3f vs active %.3f (below %.0f %% of it)", coverage,
          activeCoverage, 100 * minCoverageRatio));
    }
    activeMeta.ifPresent(meta -> {
      long lists = candidate.output().getOrDefault(VersionMetaFields.ARTICLE_LISTS, 0L);
      long activeLists = meta.output().getOrDefault(VersionMetaFields.ARTICLE_LISTS, 0L);
      if (lists < minListsRatio * activeLists) {
        reasons.add(String.format(Locale.ROOT, "%,d article lists vs active %,d (below %.0f %% of them)", lists,
            activeLists, 100 * minListsRatio));
      }
    });
    String summary = String.format(Locale.ROOT, "served MRR@%d %.4f HR@%d %.4f vs active %s %.4f / %.4f on %s queries",
        CUT, mine.mrr(), CUT, mine.hr(), active.get(), theirs.mrr(), theirs.hr(), validation.comparedQueries());
    return new Verdict(reasons.isEmpty(), true, summary, reasons);
  }

  /** Why {@code metric} of the candidate is more than {@link #maxDrop} below the active's, if it is. */
  private Optional<String> dropped(String metric, double candidate, double active) {
    return candidate < (1 - maxDrop) * active
        ? Optional.of(String.format(Locale.ROOT, "%s@%d %.4f vs active %.4f (%+.1f %%, guard -%.0f %%)", metric, CUT,
            candidate, active, 100 * (candidate / active - 1), 100 * maxDrop))
        : Optional.empty();
  }
}
