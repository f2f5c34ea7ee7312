package com.eplly.recommender.hybrid;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The best {@code capacity} of the (article, score) pairs offered, higher score first and ties by
 * article id, plus the smallest and largest score of everything offered (what min-max
 * normalisation needs), in memory bounded by the capacity whatever the number of offers.
 */
public final class BoundedTopK implements Serializable {

  private static final long serialVersionUID = 1L;

  /** One kept pair. */
  public record Entry(String id, double score) implements Serializable {}

  /** Best first: higher score, then smaller id. */
  public static final Comparator<Entry> BEST_FIRST =
      Comparator.comparingDouble(Entry::score).reversed().thenComparing(Entry::id);

  private final int capacity;
  // The worst kept pair at the head, so that a better offer replaces it in O(log capacity).
  private final PriorityQueue<Entry> kept;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private long offered;
  // Set when the top was selected elsewhere, best first: then nothing more is offered.
  private List<Entry> selected;

  public BoundedTopK(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.kept = new PriorityQueue<>(Math.min(capacity, 1024) + 1, BEST_FIRST.reversed());
  }

  /**
   * A top selected elsewhere, best first (by {@link TopIndexes}, from {@code offered} scores
   * ranging over [{@code min}, {@code max}]), as if all those scores had been offered; it takes
   * no further offers.
   */
  public static BoundedTopK ofSelected(List<Entry> bestFirst, long offered, double min, double max) {
    BoundedTopK top = new BoundedTopK(Math.max(1, bestFirst.size()));
    top.selected = List.copyOf(bestFirst);
    top.offered = offered;
    top.min = min;
    top.max = max;
    return top;
  }

  public void offer(String id, double score) {
    if (selected != null) {
      throw new IllegalStateException("a top selected elsewhere takes no offers");
    }
    offered++;
    min = Math.min(min, score);
    max = Math.max(max, score);
    if (kept.size() == capacity) {
      Entry worst = kept.peek();
      // Most offers lose to the worst kept pair: decide that before allocating anything.
      if (score < worst.score() || (score == worst.score() && id.compareTo(worst.id()) >= 0)) {
        return;
      }
      kept.poll();
    }
    kept.add(new Entry(id, score));
  }

  public boolean isEmpty() {
    return offered == 0;
  }

  /** Smallest score offered; +∞ when nothing was. */
  public double min() {
    return min;
  }

  /** Largest score offered; −∞ when nothing was. */
  public double max() {
    return max;
  }

  /** The kept pairs, best first. */
  public List<Entry> best() {
    if (selected != null) {
      return selected;
    }
    List<Entry> out = new ArrayList<>(kept);
    out.sort(BEST_FIRST);
    return out;
  }
}
