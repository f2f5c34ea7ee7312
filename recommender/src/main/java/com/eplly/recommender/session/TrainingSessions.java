package com.eplly.recommender.session;

import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.evaluate.ItemIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Training sessions over an item index, as the session baselines read them: each session's clicks in
 * time order, its distinct items (sorted), the time of its last click, and per item the sessions
 * holding it. Sessions are numbered in order of their first click (then id).
 */
public final class TrainingSessions {

  private final int[][] clicks;
  private final int[][] distinct;
  private final long[] lastClick;
  private final int[][] byItem;

  private TrainingSessions(int[][] clicks, int[][] distinct, long[] lastClick, int[][] byItem) {
    this.clicks = clicks;
    this.distinct = distinct;
    this.lastClick = lastClick;
    this.byItem = byItem;
  }

  /** The sessions of {@code train}; clicks on items outside {@code items} are left out. */
  public static TrainingSessions of(List<Interaction> train, ItemIndex items) {
    Map<String, List<Interaction>> by = new LinkedHashMap<>();
    for (Interaction i : train) {
      by.computeIfAbsent(i.sessionId(), s -> new ArrayList<>()).add(i);
    }
    List<List<Interaction>> sessions = new ArrayList<>(by.values());
    sessions.forEach(s -> s.sort(Comparator.comparingLong(Interaction::timestamp))); // stable: file order among ties
    sessions.sort(Comparator.<List<Interaction>>comparingLong(s -> s.get(0).timestamp())
        .thenComparing(s -> s.get(0).sessionId()));
    int n = sessions.size();
    int[][] clicks = new int[n][];
    int[][] distinct = new int[n][];
    long[] last = new long[n];
    int[] perItem = new int[items.size()];
    for (int s = 0; s < n; s++) {
      List<Interaction> session = sessions.get(s);
      clicks[s] = session.stream().mapToInt(i -> items.index(i.itemId())).filter(i -> i >= 0).toArray();
      distinct[s] = Arrays.stream(clicks[s]).sorted().distinct().toArray();
      last[s] = session.get(session.size() - 1).timestamp();
      for (int item : distinct[s]) {
        perItem[item]++;
      }
    }
    int[][] byItem = new int[items.size()][];
    for (int i = 0; i < byItem.length; i++) {
      byItem[i] = new int[perItem[i]];
    }
    int[] filled = new int[items.size()];
    for (int s = 0; s < n; s++) {
      for (int item : distinct[s]) {
        byItem[item][filled[item]++] = s;
      }
    }
    return new TrainingSessions(clicks, distinct, last, byItem);
  }

  public int size() {
    return clicks.length;
  }

  public int items() {
    return byItem.length;
  }

  /** The session's clicks in time order (repeats kept). */
  int[] clicks(int session) {
    return clicks[session];
  }

  /** The session's distinct items, ascending. */
  int[] distinct(int session) {
    return distinct[session];
  }

  boolean contains(int session, int item) {
    return Arrays.binarySearch(distinct[session], item) >= 0;
  }

  long lastClick(int session) {
    return lastClick[session];
  }

  /** The sessions holding {@code item}, ascending. */
  int[] sessionsOf(int item) {
    return byItem[item];
  }
}
