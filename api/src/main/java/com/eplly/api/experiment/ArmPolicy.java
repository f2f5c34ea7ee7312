package com.eplly.api.experiment;

import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.experiment.Policy;
import com.eplly.contracts.serving.CandidateLists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The candidates a baseline arm serves from what the request read: {@code popular}, the trending,
 * popular and latest lists without any model list (what a reader gets without the engine);
 * {@code random}, the newest articles in a random order (the floor any suggestion must clear).
 * Both still leave out what the reader read.
 */
public final class ArmPolicy {

  private ArmPolicy() {}

  /** @param seed per request, so one answer is one draw */
  public static CandidateLists apply(Policy policy, CandidateLists read, long seed) {
    return switch (policy) {
      case POPULAR -> read.withoutModel();
      case RANDOM -> {
        List<Suggestion> shuffled = new ArrayList<>(read.latest());
        Collections.shuffle(shuffled, new Random(seed));
        yield read.onlyLatest(shuffled);
      }
    };
  }
}
