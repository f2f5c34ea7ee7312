package com.eplly.recommender.evaluate;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Coordinate ascent over a small grid: each source's weight in turn is set to the grid value that
 * maximises the validation objective with the others fixed; a few sweeps settle it. Deterministic
 * (fixed order, ties keep the current weight).
 */
public final class WeightSearch {

  static final double[] GRID = {0, 0.1, 0.25, 0.5, 1, 2, 4};
  static final int SWEEPS = 3;

  private WeightSearch() {}

  /** Best weights (in source order) and their objective. */
  public record Result(double[] weights, double objective) {}

  public static Result search(int sources, ToDoubleFunction<double[]> objective) {
    double[] w = new double[sources];
    Arrays.fill(w, 1.0);
    double best = objective.applyAsDouble(w);
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      boolean changed = false;
      for (int s = 0; s < sources; s++) {
        double keep = w[s];
        for (double g : GRID) {
          if (g == keep) {
            continue;
          }
          w[s] = g;
          if (Arrays.stream(w).allMatch(x -> x == 0)) {
            continue;
          }
          double value = objective.applyAsDouble(w);
          if (value > best + 1e-9) {
            best = value;
            keep = g;
            changed = true;
          }
        }
        w[s] = keep;
      }
      if (!changed) {
        break;
      }
    }
    return new Result(w, best);
  }
}
