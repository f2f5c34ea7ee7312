package com.eplly.recommender.content;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Unit-length sparse vectors of a set of articles with an inverted index over their terms, in
 * primitive arrays (cheap to broadcast), giving any one article its exact cosine top-K.
 */
final class ContentIndex implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A neighbour of an article, by index. */
  record Neighbour(int article, double score) {}

  private final String[] ids;
  private final int[][] terms;
  private final double[][] values;
  // Postings of the distinct terms, sorted: term t's are docs/slot[start[i] .. start[i + 1]) for
  // i = binarySearch(distinctTerms, t), in article order (so dot products add up in a fixed order).
  private final int[] distinctTerms;
  private final int[] start;
  private final int[] docs;
  private final int[] slot;

  ContentIndex(String[] ids, int[][] terms, double[][] values) {
    this.ids = ids;
    this.terms = terms;
    this.values = values;
    int total = 0;
    for (int[] t : terms) {
      total += t.length;
    }
    int[] all = new int[total];
    int p = 0;
    for (int[] t : terms) {
      System.arraycopy(t, 0, all, p, t.length);
      p += t.length;
    }
    this.distinctTerms = Arrays.stream(all).sorted().distinct().toArray();
    int[] counts = new int[distinctTerms.length + 1];
    for (int term : all) {
      counts[Arrays.binarySearch(distinctTerms, term) + 1]++;
    }
    for (int i = 1; i < counts.length; i++) {
      counts[i] += counts[i - 1];
    }
    this.start = counts.clone();
    this.docs = new int[total];
    this.slot = new int[total];
    int[] next = Arrays.copyOf(counts, distinctTerms.length);
    for (int a = 0; a < terms.length; a++) {
      for (int t = 0; t < terms[a].length; t++) {
        int at = next[Arrays.binarySearch(distinctTerms, terms[a][t])]++;
        docs[at] = a;
        slot[at] = t;
      }
    }
  }

  int size() {
    return ids.length;
  }

  String id(int article) {
    return ids[article];
  }

  /** Scratch arrays for {@link #top}, one set per thread. */
  final class Scratch {
    final double[] dot = new double[ids.length];
    final boolean[] marked = new boolean[ids.length];
    final int[] touched = new int[ids.length];
  }

  Scratch scratch() {
    return new Scratch();
  }

  /** The (at most k) articles of highest positive cosine with article {@code a}, best first, ties by id. */
  List<Neighbour> top(int a, int k, Scratch s) {
    double[] dot = s.dot;
    int m = 0;
    for (int t = 0; t < terms[a].length; t++) {
      int i = Arrays.binarySearch(distinctTerms, terms[a][t]);
      for (int p = start[i]; p < start[i + 1]; p++) {
        int b = docs[p];
        if (b == a) {
          continue;
        }
        if (!s.marked[b]) {
          s.marked[b] = true;
          s.touched[m++] = b;
        }
        dot[b] += values[a][t] * values[b][slot[p]];
      }
    }
    // Only the best k of the m touched articles are kept: a bounded heap, not a sort of all m
    // (m nears the catalog size when a token such as the category is shared by many).
    Comparator<Integer> better = (x, y) -> dot[x] != dot[y] ? Double.compare(dot[y], dot[x]) : ids[x].compareTo(ids[y]);
    PriorityQueue<Integer> best = new PriorityQueue<>(k + 1, better.reversed());
    for (int i = 0; i < m; i++) {
      int b = s.touched[i];
      if (best.size() == k && better.compare(b, best.peek()) >= 0) {
        continue; // no better than the worst kept: skip the boxing and the heap
      }
      best.add(b);
      if (best.size() > k) {
        best.poll();
      }
    }
    Integer[] order = best.toArray(new Integer[0]);
    Arrays.sort(order, better);
    List<Neighbour> out = new ArrayList<>(order.length);
    for (Integer b : order) {
      if (dot[b] > 0) {
        out.add(new Neighbour(b, dot[b]));
      }
    }
    for (int i = 0; i < m; i++) {
      dot[s.touched[i]] = 0;
      s.marked[s.touched[i]] = false;
    }
    return out;
  }
}
