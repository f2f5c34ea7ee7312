package com.eplly.ingest.experiment;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ViewableImpression;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Viewable impressions and clicks whose answer ingest has not seen yet. The api publishes an
 * answer's served event asynchronously, while the widget's impression and the click's page view
 * are acknowledged before the browser moves on, so either can reach ingest first. They are tried
 * again with every batch (and every idle second) for a grace period, then given up: an answer
 * outside every experiment never becomes known. Held in memory, at most {@code cap} of each kind
 * (the oldest give way): a restart loses them, which can cost counts, never add any.
 */
final class PendingTouches {

  private record Waiting<T>(T event, long sinceMs) {}

  /** What is still waiting, and how many gave up this time. */
  private record Retried<T>(List<Waiting<T>> waiting, int givenUp) {}

  private final Clock clock;
  private final long graceMs;
  private final int cap;
  private List<Waiting<ViewableImpression>> viewable = new ArrayList<>();
  private List<Waiting<PageView>> clicks = new ArrayList<>();

  PendingTouches(Clock clock, Duration grace, int cap) {
    this.clock = clock;
    this.graceMs = grace.toMillis();
    this.cap = cap;
  }

  /**
   * Attributes {@code newViewable} and {@code newClicks} (page views; those without a requestId and
   * position are no clicks) together with the pending ones.
   *
   * @return clicks given up this time: their answer stayed unknown for the whole grace period
   */
  int attribute(ExperimentAttribution attribution, List<ViewableImpression> newViewable, List<PageView> newClicks) {
    long now = clock.millis();
    viewable = retry(viewable, newViewable, now, events -> attribution.viewable(events).unknown()).waiting();
    List<PageView> attributed = newClicks.stream().filter(v -> v.requestId() != null && v.position() != null).toList();
    Retried<PageView> c = retry(clicks, attributed, now, events -> attribution.clicks(events).unknown());
    clicks = c.waiting();
    return c.givenUp();
  }

  /** Events waiting now, of each kind. */
  int waiting() {
    return viewable.size() + clicks.size();
  }

  private <T> Retried<T> retry(List<Waiting<T>> pending, List<T> fresh, long now, Function<List<T>, List<T>> attribute) {
    List<Waiting<T>> all = new ArrayList<>(pending);
    fresh.forEach(e -> all.add(new Waiting<>(e, now)));
    if (all.isEmpty()) {
      return new Retried<>(all, 0);
    }
    Set<T> unknown = Collections.newSetFromMap(new IdentityHashMap<>());
    unknown.addAll(attribute.apply(all.stream().map(Waiting::event).toList()));
    List<Waiting<T>> kept = new ArrayList<>();
    for (Waiting<T> w : all) {
      if (unknown.contains(w.event()) && now - w.sinceMs() < graceMs) {
        kept.add(w);
      }
    }
    if (kept.size() > cap) {
      kept = new ArrayList<>(kept.subList(kept.size() - cap, kept.size()));
    }
    return new Retried<>(kept, unknown.size() - kept.size());
  }
}
