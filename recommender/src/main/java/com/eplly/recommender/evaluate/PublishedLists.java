package com.eplly.recommender.evaluate;

import com.eplly.recommender.hybrid.HybridWeights;
import com.eplly.recommender.hybrid.Source;
import com.eplly.recommender.publish.ListKind;
import com.eplly.recommender.model.StoredLists;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The lists {@code reco train} would publish from the sources fit on a split, built on the driver by
 * the hybrid's rule ({@link PooledBlend}, held to train's blend by a parity test): per article the
 * blend of the article sources, per reader the blend of ALS over the most popular articles and ease
 * of the reader's history (everything read skipped), and the popular list.
 */
final class PublishedLists {

  private final int[][] articleLists;
  private final Map<String, int[]> readerLists;
  private final int[] popular;

  private PublishedLists(int[][] articleLists, Map<String, int[]> readerLists, int[] popular) {
    this.articleLists = articleLists;
    this.readerLists = readerLists;
    this.popular = popular;
  }

  /**
   * @param scorers     every source fit on the split's training part, over {@code items}
   * @param hybrid      the version's weights
   * @param k           suggestions per published list
   * @param popularN    length of the popular list
   * @param alsMaxItems the most popular articles ALS ranks for every reader
   * @param readers     one query per known reader, its context the training history its list is built from
   */
  static PublishedLists build(Map<Source, QueryScorer> scorers, HybridWeights hybrid, ItemIndex items, int k,
      int popularN, int alsMaxItems, List<Query> readers) {
    int n = items.size();
    double[] popularity = new double[n];
    scorers.get(Source.POPULARITY).score(new Query(null, new int[0], new double[0], new int[0], Set.of(), 0, null),
        popularity);
    int[] byPopularity = IntStream.range(0, n).boxed()
        .sorted((a, b) -> popularity[a] != popularity[b] ? Double.compare(popularity[b], popularity[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
    return new PublishedLists(articleLists(scorers, hybrid, n, k), readerLists(scorers, hybrid, n, k,
        Arrays.copyOf(byPopularity, Math.min(n, alsMaxItems)), readers), Arrays.copyOf(byPopularity, Math.min(n, popularN)));
  }

  /**
   * A stored version's lists over {@code items}; articles the items do not know (read first after
   * the items' cut-off) are left out, as no query's target can be one of them.
   */
  static PublishedLists of(StoredLists stored, ItemIndex items) {
    int[][] articles = new int[items.size()][];
    for (int a = 0; a < items.size(); a++) {
      articles[a] = indexes(stored.articles().getOrDefault(items.label(a), List.of()), items);
    }
    Map<String, int[]> readers = new HashMap<>();
    stored.readers().forEach((reader, list) -> readers.put(reader, indexes(list, items)));
    return new PublishedLists(articles, readers, indexes(stored.popular(), items));
  }

  private static int[] indexes(List<String> ids, ItemIndex items) {
    return ids.stream().mapToInt(items::index).filter(i -> i >= 0).toArray();
  }

  /** The article's published list, best first (empty when no source has neighbours for it). */
  int[] article(int item) {
    return item < 0 ? new int[0] : articleLists[item];
  }

  /** The list published for {@code readerId}, or empty (an unknown reader, or none). */
  int[] reader(String readerId) {
    return readerId == null ? new int[0] : readerLists.getOrDefault(readerId, new int[0]);
  }

  int[] popular() {
    return popular;
  }

  /** Each article's neighbours: a one-item query per article, the article itself never listed. */
  private static int[][] articleLists(Map<Source, QueryScorer> scorers, HybridWeights hybrid, int items, int k) {
    List<Query> one = new ArrayList<>(items);
    for (int a = 0; a < items; a++) {
      one.add(new Query(null, new int[] {a}, new double[] {1}, new int[] {a}, Set.of(), 0, null, a));
    }
    List<int[]> lists = blend(scorers, hybrid, ListKind.ARTICLE, one, one, items, k);
    return lists.toArray(new int[0][]);
  }

  private static Map<String, int[]> readerLists(Map<Source, QueryScorer> scorers, HybridWeights hybrid, int items,
      int k, int[] alsPool, List<Query> readers) {
    // Training skips everything the reader read; ALS ranks only the pool.
    List<Query> read = readers.stream().map(q -> new Query(q.readerId(), q.context(), q.contextWeights(), q.context(),
        q.relevant(), q.relevantTotal(), null, q.current())).toList();
    List<Query> pooled = read.stream().map(q -> new Query(q.readerId(), q.context(), q.contextWeights(), q.exclude(),
        q.relevant(), q.relevantTotal(), alsPool, q.current())).toList();
    List<int[]> lists = blend(scorers, hybrid, ListKind.READER, read, pooled, items, k);
    Map<String, int[]> out = new HashMap<>();
    for (int i = 0; i < readers.size(); i++) {
      out.put(readers.get(i).readerId(), lists.get(i));
    }
    return out;
  }

  /**
   * The lists of {@code kind}: its sources ranked on {@code queries} (ALS on {@code alsQueries}),
   * the others weighing 0.
   */
  private static List<int[]> blend(Map<Source, QueryScorer> scorers, HybridWeights hybrid, ListKind kind,
      List<Query> queries, List<Query> alsQueries, int items, int k) {
    Set<Source> blended = Source.blendedInto(kind);
    List<SourceRanking> rankings = new ArrayList<>();
    double[] weights = new double[Source.values().length];
    for (Source s : Source.values()) {
      boolean used = blended.contains(s) && hybrid.of(s) > 0 && scorers.containsKey(s);
      weights[s.ordinal()] = used ? hybrid.of(s) : 0;
      rankings.add(used ? SourceRanking.of(scorers.get(s), s == Source.ALS ? alsQueries : queries, items)
          : SourceRanking.empty(s.label(), queries.size()));
    }
    return PooledBlend.prepare(rankings, queries, items).scoredLists(weights, k);
  }
}
