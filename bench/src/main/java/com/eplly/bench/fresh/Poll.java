package com.eplly.bench.fresh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Polls several conditions every 10 ms from one start instant until each holds or the deadline
 * passes, and says how long each took. The sleep only paces the polling; times come from nanoTime.
 */
public final class Poll {

  /** Interval between two looks at the conditions. */
  public static final Duration INTERVAL = Duration.ofMillis(10);

  /** How long one condition took; {@code seen=false} means it still failed at the deadline. */
  public record Outcome(double millis, boolean seen) {}

  private Poll() {}

  /**
   * @param startNanos the instant the change was made ({@link System#nanoTime})
   * @param deadline   how long after {@code startNanos} to give up
   */
  public static List<Outcome> until(long startNanos, Duration deadline, List<BooleanSupplier> conditions) {
    int n = conditions.size();
    Outcome[] done = new Outcome[n];
    int open = n;
    long end = startNanos + deadline.toNanos();
    while (open > 0) {
      for (int i = 0; i < n; i++) {
        if (done[i] == null && conditions.get(i).getAsBoolean()) {
          done[i] = new Outcome((System.nanoTime() - startNanos) / 1e6, true);
          open--;
        }
      }
      if (open == 0) {
        break;
      }
      if (System.nanoTime() > end) {
        for (int i = 0; i < n; i++) {
          if (done[i] == null) {
            done[i] = new Outcome(deadline.toMillis(), false);
          }
        }
        break;
      }
      try {
        Thread.sleep(INTERVAL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while polling", e);
      }
    }
    return new ArrayList<>(List.of(done));
  }
}
