package com.eplly.ingest.live;

import java.util.List;
import java.util.Map;

/**
 * What the live-state script does to one key: push to a capped list, add to capped counts, or keep
 * the newest time per member of a capped set.
 */
sealed interface KeyUpdate {

  String key();

  /** Appends this update's operation in the script's argument format ({@code apply-live.lua}). */
  void appendArgs(List<String> args);

  /** LPUSH of {@code items} (oldest first, so the newest ends at the head), trimmed to {@code cap}. */
  record ListPush(String key, int cap, long shortTtlMs, long fullTtlMs, int minLengthForFullTtl, List<String> items)
      implements KeyUpdate {

    @Override
    public void appendArgs(List<String> args) {
      // more than cap items would only be trimmed again
      List<String> tail = items.size() > cap ? items.subList(items.size() - cap, items.size()) : items;
      args.add("L");
      args.add(Integer.toString(cap));
      args.add(Long.toString(shortTtlMs));
      args.add(Long.toString(fullTtlMs));
      args.add(Integer.toString(minLengthForFullTtl));
      args.add(Integer.toString(tail.size()));
      args.addAll(tail);
    }
  }

  /** ZINCRBY of each member, the set trimmed to its {@code cap} highest, then an absolute or relative expiry. */
  record Counts(String key, int cap, boolean expireAtIsAbsolute, long expiry, Map<String, Double> increments)
      implements KeyUpdate {

    @Override
    public void appendArgs(List<String> args) {
      args.add("Z");
      args.add(Integer.toString(cap));
      args.add(expireAtIsAbsolute ? "A" : "T");
      args.add(Long.toString(expiry));
      args.add(Integer.toString(increments.size()));
      increments.forEach((member, amount) -> {
        args.add(member);
        args.add(amount == Math.rint(amount) ? Long.toString((long) (double) amount) : Double.toString(amount));
      });
    }
  }

  /**
   * Each member's score raised to {@code times} (never lowered: a replayed older view changes
   * nothing), the set trimmed to its {@code cap} newest members, then a relative expiry.
   */
  record Newest(String key, int cap, long ttlMs, Map<String, Double> times) implements KeyUpdate {

    @Override
    public void appendArgs(List<String> args) {
      args.add("M");
      args.add(Integer.toString(cap));
      args.add(Long.toString(ttlMs));
      args.add(Integer.toString(times.size()));
      times.forEach((member, time) -> {
        args.add(Long.toString((long) (double) time)); // ZADD's order: score, then member
        args.add(member);
      });
    }
  }
}
