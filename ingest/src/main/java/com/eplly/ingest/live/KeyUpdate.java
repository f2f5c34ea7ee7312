package com.eplly.ingest.live;

import java.util.List;
import java.util.Map;

/** What the live-state script does to one key: push to a capped list, or add to capped counts. */
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
}
