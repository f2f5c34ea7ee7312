package com.eplly.contracts.experiment.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic two-arm experiments: in each period (a day, an hour) each arm gets the same viewable
 * impressions, each clicked with its CTR.
 */
final class PeriodTraffic {

  private final int periods;
  private final int viewsPerArmPerPeriod;
  private final double controlCtr;
  private final double treatmentCtr;

  PeriodTraffic(int periods, int viewsPerArmPerPeriod, double controlCtr, double treatmentCtr) {
    this.periods = periods;
    this.viewsPerArmPerPeriod = viewsPerArmPerPeriod;
    this.controlCtr = controlCtr;
    this.treatmentCtr = treatmentCtr;
  }

  /** One simulated experiment: the cumulative counts at the end of every period. */
  List<Look> run(SplittableRandom random) {
    List<Look> looks = new ArrayList<>(periods);
    long clicksA = 0;
    long clicksB = 0;
    long views = 0;
    for (int period = 0; period < periods; period++) {
      clicksA += clicks(random, controlCtr);
      clicksB += clicks(random, treatmentCtr);
      views += viewsPerArmPerPeriod;
      looks.add(new Look(new Proportion(clicksA, views), new Proportion(clicksB, views)));
    }
    return looks;
  }

  private long clicks(SplittableRandom random, double ctr) {
    long clicks = 0;
    for (int i = 0; i < viewsPerArmPerPeriod; i++) {
      if (random.nextDouble() < ctr) {
        clicks++;
      }
    }
    return clicks;
  }
}
