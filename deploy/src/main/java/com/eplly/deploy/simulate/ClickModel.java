package com.eplly.deploy.simulate;

import com.eplly.generator.DemoDataGenerator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated readers' true click behaviour: a reader examines the block top down, looks at
 * position p with probability {@code 1 / (1 + decay (p - 1))} (position bias), and clicks an
 * examined article with probability {@code appetite} times how likely the demo portal's reader
 * was to read it next ({@link DemoDataGenerator#nextReadProbability}), capped at 1; the first
 * click ends the block (a cascade). Knowing the model, the simulator knows each block's true
 * click probability, hence each arm's true CTR.
 */
public final class ClickModel {

  private final DemoDataGenerator portal;
  private final double appetite;
  private final double decay;

  public ClickModel(DemoDataGenerator portal, double appetite, double decay) {
    this.portal = portal;
    this.appetite = appetite;
    this.decay = decay;
  }

  /** The demo's default: about one block in twenty clicked when the suggestions follow the reader. */
  public static ClickModel standard(DemoDataGenerator portal) {
    return new ClickModel(portal, 0.6, 0.35);
  }

  /** The chance the reader clicks the article at {@code position} (1-based) if nothing above it was clicked. */
  public double clickIfReached(String readerId, String current, String article, int position, long t) {
    double examined = 1 / (1 + decay * (position - 1));
    return examined * Math.min(1, appetite * portal.nextReadProbability(readerId, current, article, t));
  }

  /** The chance the block gets a click at all: 1 - the chance every position is passed over. */
  public double blockClickProbability(String readerId, String current, List<String> block, long t) {
    double none = 1;
    for (int p = 0; p < block.size(); p++) {
      none *= 1 - clickIfReached(readerId, current, block.get(p), p + 1, t);
    }
    return 1 - none;
  }

  /** The 1-based position the reader clicks, or 0 for none, drawn by the cascade. */
  public int click(String readerId, String current, List<String> block, long t, SplittableRandom random) {
    for (int p = 0; p < block.size(); p++) {
      if (random.nextDouble() < clickIfReached(readerId, current, block.get(p), p + 1, t)) {
        return p + 1;
      }
    }
    return 0;
  }
}
