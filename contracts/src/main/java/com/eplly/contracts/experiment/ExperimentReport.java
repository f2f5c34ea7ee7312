package com.eplly.contracts.experiment;

import com.eplly.contracts.experiment.stats.Interval;
import com.eplly.contracts.experiment.stats.SrmCheck;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * An experiment's figures as the admin API and {@code reco experiment-report} show them; built only
 * by {@link ExperimentReporter}, so the live and the lake figures agree whenever their counts do.
 *
 * @param looks how many looks (one per hour, the last being the current counts) the always-valid p-values saw
 * @param lifts each arm after the first against the first (the control)
 * @param history the figures at each look, oldest first: what the console charts over time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentReport(String name, AssignmentUnit unit, ExperimentStatus status, Instant startedAt,
    Instant stoppedAt, List<ArmReport> arms, List<LiftReport> lifts, SrmCheck srm, int looks,
    List<LookReport> history) {

  /**
   * One arm's counts and CTR; {@code ctr} is null and {@code ctrCi95} [0, 1] before any viewable
   * impression. Of {@code version} and {@code policy}, only the arm's target is written.
   */
  public record ArmReport(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String version,
      @JsonInclude(JsonInclude.Include.NON_NULL) Policy policy, int share, long units, long served,
      long viewable, long clicks, Double ctr, Interval ctrCi95) {}

  /**
   * A treatment against the control. {@code relative} and {@code ci95} are null while either arm has
   * no click. {@code pValue} is the always-valid one, to be read at any look; {@code fixedHorizonPValue}
   * (two-proportion z-test) is only valid at a sample size fixed in advance, looked at once.
   */
  public record LiftReport(String arm, String control, Double relative, Interval ci95, double pValue,
      double fixedHorizonPValue) {}

  /**
   * The cumulative figures at one look.
   *
   * @param at    the start of the UTC hour ({@link LookSchedule}) at whose end (or, for the last
   *              look, at the moment of the report or of the stop) the counts were taken
   * @param arms  each arm's cumulative CTR with its Wilson interval
   * @param lifts each treatment against the control; {@code pValue} is the always-valid p-value
   *              over the looks up to this one, so it never rises from one look to the next
   */
  public record LookReport(Instant at, List<ArmLook> arms, List<LiftLook> lifts) {}

  /** One arm at one look; {@code ctr} null and {@code ctrCi95} [0, 1] before any viewable impression. */
  public record ArmLook(String name, long viewable, long clicks, Double ctr, Interval ctrCi95) {}

  /** A treatment against the control at one look; {@code relative} and {@code ci95} null without clicks. */
  public record LiftLook(String arm, Double relative, Interval ci95, double pValue) {}
}
