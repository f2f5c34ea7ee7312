package com.eplly.contracts.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One arm of an experiment: what its units are served, and the percentage of units it gets.
 *
 * @param name    short name shown on the console and recorded on served events, e.g. {@code A}
 * @param version a published model version, or null when the arm serves a {@link Policy}
 * @param policy  a baseline policy, or null when the arm serves a model version
 * @param share   percentage of units, 1..99; the arms' shares sum to 100
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Arm(String name, String version, Policy policy, int share) {

  public static Arm ofVersion(String name, String version, int share) {
    return new Arm(name, version, null, share);
  }

  public static Arm ofPolicy(String name, Policy policy, int share) {
    return new Arm(name, null, policy, share);
  }
}
