package com.eplly.contracts.experiment.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Synthetic two-arm experiments: each day each arm gets the same viewable impressions, each clicked with its CTR. */
final class DailyTraffic {

  private final int days;
  private final int viewsPerArmPerDay;
  private final double controlCtr;
  private final double treatmentCtr;

  DailyTraffic(int days, int viewsPerArmPerDay, double controlCtr, double treatmentCtr) {
    this.days = days;
    this.viewsPerArmPerDay = viewsPerArmPerDay;
    this.controlCtr = controlCtr;
    this.treatmentCtr = treatmentCtr;
  }

  /** One simulated experiment: the cumulative counts at the end of every day. */
  List<Look> run(SplittableRandom random) {
    List<Look> looks = new ArrayList<>(days);
    long clicksA = 0;
    long clicksB = 0;
    long views = 0;
    for (int day = 0; day < days; day++) {
      clicksA += clicks(random, controlCtr);
      clicksB += clicks(random, treatmentCtr);
      views += viewsPerArmPerDay;
      looks.add(new Look(new Proportion(clicksA, views), new Proportion(clicksB, views)));
    }
    return looks;
  }

  private long clicks(SplittableRandom random, double ctr) {
    long clicks = 0;
    for (int i = 0; i < viewsPerArmPerDay; i++) {
      if (random.nextDouble() < ctr) {
        clicks++;
      }
    }
    return clicks;
  }
}
