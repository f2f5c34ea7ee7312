package com.eplly.recommender.publish;

import com.eplly.recommender.model.ModelMeta;
import com.eplly.recommender.train.TrainJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a candidate may replace the active version, from what its training measured: its served
 * path next to the active version's stored lists, both replayed on the page views after both
 * versions' cut-offs ({@code TrainJob.COMPARISON} in model.json). Refuses a candidate worse than
 * the guards allow, or one compared with another version than the one active now.
 *
 * @param maxDrop          largest relative drop of MRR@10 or HR@10 allowed (0.05: 5 %)
 * @param minCoverageRatio the candidate's catalog coverage at least this share of the active's
 * @param minListsRatio    the candidate's article lists at least this share of the active's
 */
public record QualityGate(double maxDrop, double minCoverageRatio, double minListsRatio) {

  public static final String CUT = "10";

  public static QualityGate defaults() {
    return new QualityGate(0.05, 0.5, 0.9);
  }

  /** The gate's decision and why; {@code measured} false when nothing could be compared. */
  public record Verdict(boolean passed, boolean measured, String summary, List<String> reasons) {

    /** One line for the version's meta hash and {@code reco models}. */
    public String line() {
      return (passed ? "passed" : "refused") + ": " + summary + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
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
    Map<String, Object> comparison = map(candidate.validation().get(TrainJob.COMPARISON));
    if (candidate.validation().isEmpty() || comparison.isEmpty()) {
      return new Verdict(true, false, candidate.validation().isEmpty()
          ? "not measured: " + candidate.version() + " was trained without tuning (--no-tune)"
          : "not measured: no active version could be replayed on " + candidate.version() + "'s validation window",
          List.of());
    }
    Object compared = comparison.get("active");
    if (!active.get().equals(compared)) {
      return new Verdict(false, false, candidate.version() + " was compared with " + compared + " but "
          + active.get() + " is active now", List.of("retrain to compare with the active version, or --force"));
    }
    Map<String, Object> mine = map(map(comparison.get("candidateFigures")).get(CUT));
    Map<String, Object> theirs = map(map(comparison.get("activeFigures")).get(CUT));
    List<String> reasons = new ArrayList<>();
    for (String metric : List.of("mrr", "hr")) {
      double c = number(mine, metric);
      double a = number(theirs, metric);
      if (c < (1 - maxDrop) * a) {
        reasons.add(String.format(Locale.ROOT, "%s@%s %.4f vs active %.4f (%+.1f %%, guard -%.0f %%)",
            metric.toUpperCase(Locale.ROOT), CUT, c, a, 100 * (c / a - 1), 100 * maxDrop));
      }
    }
    double coverage = number(mine, "coverage");
    double activeCoverage = number(theirs, "coverage");
    if (coverage < minCoverageRatio * activeCoverage) {
      reasons.add(String.format(Locale.ROOT, "catalog coverage %.3f vs active %.3f (below %.0f %% of it)", coverage,
          activeCoverage, 100 * minCoverageRatio));
    }
    activeMeta.ifPresent(meta -> {
      long lists = candidate.output().getOrDefault("articleLists", 0L);
      long activeLists = meta.output().getOrDefault("articleLists", 0L);
      if (lists < minListsRatio * activeLists) {
        reasons.add(String.format(Locale.ROOT, "%,d article lists vs active %,d (below %.0f %% of them)", lists,
            activeLists, 100 * minListsRatio));
      }
    });
    String summary = String.format(Locale.ROOT, "served MRR@%s %.4f HR@%s %.4f vs active %s %.4f / %.4f on %s queries",
        CUT, number(mine, "mrr"), CUT, number(mine, "hr"), active.get(), number(theirs, "mrr"), number(theirs, "hr"),
        comparison.get("queries"));
    return new Verdict(reasons.isEmpty(), true, summary, reasons);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private static double number(Map<String, Object> figures, String name) {
    return figures.get(name) instanceof Number n ? n.doubleValue() : 0;
  }
}
