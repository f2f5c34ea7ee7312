package com.eplly.contracts.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of an experiment definition; every broken rule yields one message fit for an HTTP 400.
 * Whether a version is published is the caller's check (it needs the registry).
 */
public final class ExperimentValidation {

  public static final int MIN_ARMS = 2;
  /** More arms split the traffic so thin that none reaches significance on a portal of our size. */
  public static final int MAX_ARMS = 10;

  /** Lower case only, so that "Hybrid" and "hybrid" cannot be two experiments; no ':' (Redis keys, the hash). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  private static final Pattern ARM_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");
  /** The recommender's version names (VersionId.VALID): they become Redis keys and folder names. */
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** All broken rules; empty when the experiment is valid. */
  public List<String> check(Experiment e) {
    List<String> reasons = new ArrayList<>();
    if (e.name() == null) {
      reasons.add("name is missing");
    } else if (!NAME.matcher(e.name()).matches()) {
      reasons.add("name must be 1-64 characters of [a-z0-9_-] starting with a letter or digit, got " + quote(e.name()));
    }
    if (e.unit() == null) {
      reasons.add("unit is missing (reader or session)");
    }
    arms(e.arms(), reasons);
    times(e, reasons);
    return reasons;
  }

  private static void arms(List<Arm> arms, List<String> reasons) {
    if (arms.size() < MIN_ARMS || arms.size() > MAX_ARMS) {
      reasons.add("arms must hold " + MIN_ARMS + " to " + MAX_ARMS + " arms, got " + arms.size());
    }
    Set<String> names = new HashSet<>();
    int sum = 0;
    boolean sharesInRange = true;
    for (int i = 0; i < arms.size(); i++) {
      Arm arm = arms.get(i);
      String at = "arms[" + i + "]";
      if (arm == null) {
        reasons.add(at + " is null");
        sharesInRange = false;
        continue;
      }
      if (arm.name() == null) {
        reasons.add(at + ".name is missing");
      } else if (!ARM_NAME.matcher(arm.name()).matches()) {
        reasons.add(at + ".name must be 1-32 characters of [A-Za-z0-9_-], got " + quote(arm.name()));
      } else if (!names.add(arm.name())) {
        reasons.add(at + ".name " + quote(arm.name()) + " is used by another arm");
      }
      if ((arm.version() == null) == (arm.policy() == null)) {
        reasons.add(at + " must have exactly one of version (a published model version) or policy (popular, random)");
      } else if (arm.version() != null && !VERSION.matcher(arm.version()).matches()) {
        reasons.add(at + ".version must be 1-64 characters of [A-Za-z0-9._-], got " + quote(arm.version()));
      }
      if (arm.share() == 0) {
        // A missing share reads as 0 (a primitive): name both causes.
        reasons.add(at + ".share is missing or 0; it must be an integer percentage from 1 to 99");
        sharesInRange = false;
      } else if (arm.share() < 1 || arm.share() > 99) {
        reasons.add(at + ".share must be an integer percentage from 1 to 99, got " + arm.share());
        sharesInRange = false;
      }
      sum += arm.share();
    }
    // Only when every share is sane: otherwise the sum repeats what the per-arm message said.
    if (sharesInRange && arms.size() >= MIN_ARMS && sum != 100) {
      reasons.add("arm shares must sum to 100, got " + sum);
    }
  }

  private static void times(Experiment e, List<String> reasons) {
    if (e.status() == null) {
      if (e.startedAt() != null || e.stoppedAt() != null) {
        reasons.add("startedAt and stoppedAt are set by the server, not in a request");
      }
      return;
    }
    if (e.startedAt() == null) {
      reasons.add("startedAt is missing for a " + e.status().json() + " experiment");
    }
    if (e.running() && e.stoppedAt() != null) {
      reasons.add("a running experiment has no stoppedAt");
    }
    if (!e.running() && e.stoppedAt() == null) {
      reasons.add("stoppedAt is missing for a stopped experiment");
    }
    if (e.startedAt() != null && e.stoppedAt() != null && e.stoppedAt().isBefore(e.startedAt())) {
      reasons.add("stoppedAt " + e.stoppedAt() + " is before startedAt " + e.startedAt());
    }
  }

  private static String quote(String value) {
    return value.length() <= 40 ? "\"" + value + "\"" : "\"" + value.substring(0, 40) + "…\"";
  }
}
