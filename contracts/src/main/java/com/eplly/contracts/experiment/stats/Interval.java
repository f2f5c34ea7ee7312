package com.eplly.contracts.experiment.stats;

import com.fasterxml.jackson.annotation.JsonFormat;

/** A confidence interval, written as {@code [lo, hi]} as the admin API shows it. */
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
public record Interval(double lo, double hi) {

  public boolean contains(double x) {
    return lo <= x && x <= hi;
  }
}
