package com.eplly.contracts.experiment.stats;

/**
 * Successes out of trials, e.g. clicks out of viewable impressions of one arm (cumulative counts).
 * A click whose block was never reported viewable would make successes exceed trials: the widget
 * must count a clicked block as viewed, and this record refuses the impossible count.
 */
public record Proportion(long successes, long trials) {

  public Proportion {
    if (trials < 0 || successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials, got " + successes + " of " + trials);
    }
  }

  /** The observed rate; only meaningful when {@link #trials} is positive. */
  public double rate() {
    return trials == 0 ? 0.0 : (double) successes / trials;
  }

  public boolean empty() {
    return trials == 0;
  }
}
