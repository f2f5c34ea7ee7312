package com.eplly.recommender.evaluate;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.serving.CandidateLists;
import com.eplly.contracts.serving.MergeRequest;
import com.eplly.contracts.serving.RecentNeighbours;
import com.eplly.contracts.serving.RecommendationMerger;
import com.eplly.contracts.serving.Recommended;
import com.eplly.contracts.serving.ServingDefaults;
import com.eplly.contracts.serving.SessionBlend;
import com.eplly.recommender.datasets.CatalogItem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code GET /v1/recommendations} answers for a query: the lists train would publish
 * ({@link PublishedLists}) merged by the api's own rule ({@link RecommendationMerger}, the api's
 * default shape from {@link ServingDefaults}). A query with a current article is an article page
 * ({@code articleId} plus the session's reads); one without is a reader's page ({@code readerId}):
 * the neighbours of the newest reads lead, then the reader list. Live state (co-visits, trending,
 * live content neighbours) is not replayed for a static dataset: those sources are empty, as on a
 * portal whose live state has just expired.
 */
final class ServedPath {

  private final PublishedLists lists;
  private final ItemIndex items;
  private final Map<String, Article> articles;
  private final List<Suggestion> latest;
  private final long nowMs;
  private final RecommendationMerger merger = new RecommendationMerger(ServingDefaults.categoryShare());
  private final boolean sessionBlend;

  private ServedPath(PublishedLists lists, ItemIndex items, Map<String, Article> articles, List<Suggestion> latest,
      long nowMs, boolean sessionBlend) {
    this.sessionBlend = sessionBlend;
    this.lists = lists;
    this.items = items;
    this.articles = articles;
    this.latest = latest;
    this.nowMs = nowMs;
  }

  /**
   * @param catalog the dataset's items with metadata; when empty every item is known to the api
   *                (no category, no publication time)
   * @param nowMs   the instant the answers are given (expiry is measured from it)
   */
  static ServedPath of(PublishedLists lists, ItemIndex items, List<CatalogItem> catalog, long nowMs) {
    Map<String, Article> articles = new HashMap<>();
    if (catalog.isEmpty()) {
      for (int i = 0; i < items.size(); i++) {
        articles.put(items.label(i), new Article(items.label(i), null, null, null, 0, null, List.of(), null, false));
      }
    }
    for (CatalogItem c : catalog) {
      articles.put(c.itemId(), new Article(c.itemId(), c.title().isEmpty() ? null : c.title(), null,
          c.category().isEmpty() ? null : c.category(), c.publishedAt() == null ? 0 : c.publishedAt(), null, List.of(),
          null, false));
    }
    List<Suggestion> latest = catalog.stream().filter(c -> c.publishedAt() != null && c.publishedAt() <= nowMs)
        .sorted(Comparator.comparingLong(CatalogItem::publishedAt).reversed().thenComparing(CatalogItem::itemId))
        .limit(ServingDefaults.candidatesPerSource())
        .map(c -> new Suggestion(c.itemId(), 0, Reason.LATEST)).toList();
    return new ServedPath(lists, items, articles, latest, nowMs, ServingDefaults.sessionBlend());
  }

  /** Whether this path applies the api's session-page rule ({@link SessionBlend}). */
  boolean sessionBlend() {
    return sessionBlend;
  }

  /** This path with the api's {@code eplly.recommend.session-blend} setting turned the other way. */
  ServedPath otherSessionRule() {
    return new ServedPath(lists, items, articles, latest, nowMs, !sessionBlend);
  }

  /** The api's answer of {@code n} items to each query. */
  List<int[]> lists(List<Query> queries, int n) {
    return PerQuery.map(queries, 0, (q, query, scores) -> answer(query, n));
  }

  private int[] answer(Query q, int n) {
    List<String> recent = newestFirst(q.context());
    String current = q.current() >= 0 ? items.label(q.current()) : null;
    List<Suggestion> recentNeighbours = current == null ? RecentNeighbours.interleave(seedLists(recent)) : List.of();
    // A known reader's history is older reads (the reader's Redis list); an anonymous prefix is the session's.
    boolean session = q.readerId() == null;
    List<Suggestion> articleList = current == null ? List.of()
        : sessionBlend ? SessionBlend.blend(seedLists(SessionBlend.seeds(current, sessionReads(q), ServingDefaults.recentSeeds())))
        : suggestions(lists.article(q.current()), Reason.READ_TOGETHER);
    CandidateLists sources = new CandidateLists(
        articleList,
        List.of(),
        session ? recentNeighbours : List.of(),
        session ? List.of() : suggestions(lists.reader(q.readerId()), Reason.SIMILAR_READERS),
        session ? List.of() : recentNeighbours,
        List.of(),
        suggestions(lists.popular(), Reason.POPULAR),
        latest,
        new LinkedHashSet<>(recent),
        List.of());
    List<Recommended> answer = merger.merge(new MergeRequest(current, n, Set.of()), sources, articles, nowMs);
    return answer.stream().mapToInt(r -> items.index(r.suggestion().articleId())).toArray();
  }

  /** The published lists of the newest {@link ServingDefaults#recentSeeds()} reads, newest first. */
  private List<List<Suggestion>> seedLists(List<String> newestFirst) {
    List<List<Suggestion>> out = new ArrayList<>();
    for (String read : newestFirst.subList(0, Math.min(newestFirst.size(), ServingDefaults.recentSeeds()))) {
      out.add(suggestions(lists.article(items.index(read)), Reason.READ_TOGETHER));
    }
    return out;
  }

  /** The session's reads, newest first: the newest {@code sessionReads} of the context. */
  private List<String> sessionReads(Query q) {
    int[] context = q.context();
    return newestFirst(Arrays.copyOfRange(context, context.length - Math.min(q.sessionReads(), context.length),
        context.length));
  }

  /** The api's recent reads: the newest {@code historySize} distinct ones. */
  private List<String> newestFirst(int[] context) {
    Set<String> out = new LinkedHashSet<>();
    for (int c = context.length - 1; c >= 0 && out.size() < ServingDefaults.historySize(); c--) {
      if (context[c] >= 0) {
        out.add(items.label(context[c]));
      }
    }
    return new ArrayList<>(out);
  }

  /** A published list as the api decodes it; scores and reasons do not change the order. */
  private List<Suggestion> suggestions(int[] list, Reason reason) {
    List<Suggestion> out = new ArrayList<>(list.length);
    for (int r = 0; r < list.length; r++) {
      out.add(new Suggestion(items.label(list[r]), list.length - r, reason));
    }
    return out;
  }
}
