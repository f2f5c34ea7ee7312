package com.eplly.api.recommend;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Merges candidate sources into the final list: the best live content neighbours, article
 * neighbours (or, without a current article, neighbours of the session's recent reads), the other
 * live content neighbours, then the reader's profile, trending, popular and latest, skipping what
 * must not be shown and capping one category's share.
 * Pure logic, no I/O: the caller supplies the sources, the article metadata and "now".
 */
public final class RecommendationMerger {

  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  /**
   * Live content neighbours placed ahead of the model's lists: new articles on the current
   * article's story that no training has seen yet (or, for a new article, its only neighbours).
   */
  static final int LIVE_SIMILAR_LEAD = 2;

  private final double categoryShare;

  /** @param categoryShare largest share of one category in a list, in (0, 1] */
  public RecommendationMerger(double categoryShare) {
    if (!(categoryShare > 0 && categoryShare <= 1)) {
      throw new IllegalArgumentException("categoryShare must be in (0, 1], got " + categoryShare);
    }
    this.categoryShare = categoryShare;
  }

  /** Candidates and metadata in, final list out: {@link #candidates} then {@link #select}. */
  public List<Recommended> merge(
      RecommendationQuery query, CandidateSources sources, Map<String, Article> articles, long nowMs) {
    return select(candidates(query, sources), articles, query.limit(), nowMs);
  }

  /**
   * All candidates in fallback order, each id once (its first, highest-priority occurrence),
   * without the current article, the reader's and session's recent reads and the excluded ids.
   * Needs no metadata, so the caller can fetch metadata for these ids only.
   */
  public List<Suggestion> candidates(RecommendationQuery query, CandidateSources sources) {
    Set<String> blocked = new HashSet<>(sources.alreadyRead());
    blocked.addAll(query.exclude());
    if (query.articleId() != null) {
      blocked.add(query.articleId());
    }
    Map<String, Suggestion> ordered = new LinkedHashMap<>();
    // Model lists keep the reason the model gave (read-together, similar-content, similar-readers);
    // the live and fallback sources say where they came from.
    List<Suggestion> live = sources.liveSimilar();
    int lead = 0;
    for (int taken = 0; lead < live.size() && taken < LIVE_SIMILAR_LEAD; lead++) {
      taken += blocked.contains(live.get(lead).articleId()) ? 0 : 1;
    }
    add(ordered, blocked, live.subList(0, lead), Reason.SIMILAR_CONTENT);
    add(ordered, blocked, sources.articleNeighbours(), null);
    add(ordered, blocked, sources.coVisits(), Reason.READ_TOGETHER);
    add(ordered, blocked, live.subList(lead, live.size()), Reason.SIMILAR_CONTENT);
    add(ordered, blocked, sources.recentNeighbours(), null);
    add(ordered, blocked, sources.readerProfile(), null);
    add(ordered, blocked, sources.trending(), Reason.TRENDING);
    add(ordered, blocked, sources.popular(), Reason.POPULAR);
    add(ordered, blocked, sources.latest(), Reason.LATEST);
    return new ArrayList<>(ordered.values());
  }

  /**
   * Picks up to {@code limit} candidates in order, skipping unknown (no metadata), hidden or
   * expired articles and near-duplicates (same normalised title). A category already holding its
   * share of the list is skipped; those skipped items fill the list only when it would otherwise
   * be short.
   */
  public List<Recommended> select(
      List<Suggestion> candidates, Map<String, Article> articles, int limit, long nowMs) {
    return pass(candidates, articles, limit, nowMs).result(limit);
  }

  /**
   * Same answer as {@link #select(List, Map, int, long)} with metadata of every candidate, but
   * asks {@code metadata} for growing prefixes of the candidates only until the list is full: the
   * long fallback lists at the end are rarely needed, so their metadata is rarely read.
   *
   * @param metadata known articles among the given ids (may read Redis)
   */
  public List<Recommended> select(
      List<Suggestion> candidates, Function<List<String>, Map<String, Article>> metadata,
      int limit, long nowMs) {
    Map<String, Article> known = new HashMap<>();
    int fetched = 0;
    int step = Math.max(3 * limit, 16);
    while (true) {
      int upTo = Math.min(candidates.size(), fetched + step);
      known.putAll(metadata.apply(
          candidates.subList(fetched, upTo).stream().map(Suggestion::articleId).toList()));
      fetched = upTo;
      Pass pass = pass(candidates.subList(0, fetched), known, limit, nowMs);
      // A first pass that filled the list stops where it would have stopped on all candidates.
      if (pass.picked().size() >= limit || fetched == candidates.size()) {
        return pass.result(limit);
      }
      step *= 2;
    }
  }

  /** The first pass: items within their category's share, and those skipped for the cap. */
  private Pass pass(List<Suggestion> candidates, Map<String, Article> articles, int limit, long nowMs) {
    int perCategory = Math.max(1, (int) Math.floor(categoryShare * limit));
    List<Recommended> picked = new ArrayList<>(limit);
    List<Recommended> overCap = new ArrayList<>();
    Map<String, Integer> categoryCounts = new HashMap<>();
    Set<String> titles = new HashSet<>();
    for (Suggestion candidate : candidates) {
      if (picked.size() >= limit) {
        break;
      }
      Article article = articles.get(candidate.articleId());
      if (article == null || !article.servableAt(nowMs) || !titles.add(titleKey(article))) {
        continue;
      }
      String category = Objects.requireNonNullElse(article.category(), "");
      Recommended item = new Recommended(candidate, article);
      if (categoryCounts.getOrDefault(category, 0) >= perCategory) {
        overCap.add(item);
      } else {
        categoryCounts.merge(category, 1, Integer::sum);
        picked.add(item);
      }
    }
    return new Pass(picked, overCap);
  }

  private record Pass(List<Recommended> picked, List<Recommended> overCap) {

    /** Over-cap items fill the list only when it would otherwise be short. */
    List<Recommended> result(int limit) {
      List<Recommended> out = new ArrayList<>(picked);
      for (Recommended item : overCap) {
        if (out.size() >= limit) {
          break;
        }
        out.add(item);
      }
      return out;
    }
  }

  private static void add(
      Map<String, Suggestion> ordered, Set<String> blocked, List<Suggestion> source, Reason reason) {
    for (Suggestion s : source) {
      if (!blocked.contains(s.articleId()) && !ordered.containsKey(s.articleId())) {
        ordered.put(s.articleId(), reason == null ? s : new Suggestion(s.articleId(), s.score(), reason));
      }
    }
  }

  /** Titles equal up to case, punctuation and spacing are the same story filed twice. */
  private static String titleKey(Article article) {
    String title = Objects.requireNonNullElse(article.title(), article.articleId());
    return NOT_WORD.matcher(title.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }
}
