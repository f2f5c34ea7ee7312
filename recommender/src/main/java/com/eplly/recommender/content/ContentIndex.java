package com.eplly.recommender.content;

import com.eplly.recommender.hybrid.TopIndexes;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
  // Postings of the distinct terms, sorted: term t's are docs/postingValue[start[i] .. start[i + 1]) for
  // i = binarySearch(distinctTerms, t), in article order (so dot products add up in a fixed order).
  private final int[] distinctTerms;
  private final int[] start;
  private final int[] docs;
  // The posting's article's value of the term, beside the posting: the scan reads it in order.
  private final double[] postingValue;

  /** @param ids the articles' ids in sorted order (ties between neighbours go to the lower index) */
  ContentIndex(String[] ids, int[][] terms, double[][] values) {
    for (int a = 1; a < ids.length; a++) {
      if (ids[a - 1].compareTo(ids[a]) >= 0) {
        throw new IllegalArgumentException("article ids must be distinct and sorted, got " + ids[a - 1] + " before " + ids[a]);
      }
    }
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
    this.postingValue = new double[total];
    int[] next = Arrays.copyOf(counts, distinctTerms.length);
    for (int a = 0; a < terms.length; a++) {
      for (int t = 0; t < terms[a].length; t++) {
        int at = next[Arrays.binarySearch(distinctTerms, terms[a][t])]++;
        docs[at] = a;
        postingValue[at] = values[a][t];
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
        dot[b] += values[a][t] * postingValue[p];
      }
    }
    // Untouched articles have a dot product of 0, which the floor of 0 leaves out; ids are in
    // sorted order, so ties by index are ties by id.
    List<Neighbour> out = new ArrayList<>(k);
    for (int b : TopIndexes.above(dot, k, 0)) {
      out.add(new Neighbour(b, dot[b]));
    }
    for (int i = 0; i < m; i++) {
      dot[s.touched[i]] = 0;
      s.marked[s.touched[i]] = false;
    }
    return out;
  }
}
