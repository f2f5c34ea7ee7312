package com.eplly.contracts.serving;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges candidate sources into the final list: the best live content neighbours, article
 * neighbours (or, without a current article, neighbours of the session's recent reads), the other
 * live content neighbours, then the reader's profile (followed, when the session has no reads, by
 * the neighbours of the reader's newest reads), trending, popular and latest, skipping what
 * must not be shown and capping one category's share.
 * Pure logic, no I/O: the caller supplies the sources, the article metadata and "now".
 */
public final class RecommendationMerger {

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
      MergeRequest query, CandidateLists sources, Map<String, Article> articles, long nowMs) {
    return select(candidates(query, sources), articles, query.limit(), nowMs);
  }

  /**
   * Same answer as {@link #merge(MergeRequest, CandidateLists, Map, long)} with metadata
   * of every candidate, but walks the sources lazily and asks {@code metadata} for the next few
   * candidates only until the list is full: the long fallback lists at the end are rarely needed,
   * so they are rarely merged and their metadata rarely read.
   *
   * @param metadata known articles among the given ids (may read Redis)
   */
  public List<Recommended> merge(
      MergeRequest query, CandidateLists sources,
      Function<List<String>, Map<String, Article>> metadata, long nowMs) {
    Cursor cursor = new Cursor(query, sources);
    Picker picker = new Picker(query.limit(), nowMs);
    int step = Math.max(3 * query.limit(), 16);
    List<Suggestion> batch = new ArrayList<>(step);
    List<String> ids = new ArrayList<>(step);
    while (!picker.full() && cursor.hasNext()) {
      batch.clear();
      ids.clear();
      while (batch.size() < step && cursor.hasNext()) {
        Suggestion next = cursor.next();
        batch.add(next);
        ids.add(next.articleId());
      }
      Map<String, Article> known = metadata.apply(ids);
      for (int i = 0; i < batch.size() && !picker.full(); i++) {
        picker.offer(batch.get(i), known.get(batch.get(i).articleId()));
      }
      step *= 2;
    }
    return picker.result();
  }

  /**
   * All candidates in fallback order, each id once (its first, highest-priority occurrence),
   * without the current article, the reader's and session's recent reads and the excluded ids.
   * Needs no metadata, so the caller can fetch metadata for these ids only.
   */
  public List<Suggestion> candidates(MergeRequest query, CandidateLists sources) {
    List<Suggestion> out = new ArrayList<>();
    new Cursor(query, sources).forEachRemaining(out::add);
    return out;
  }

  /**
   * Picks up to {@code limit} candidates in order, skipping unknown (no metadata), hidden or
   * expired articles and near-duplicates (same normalised title). A category already holding its
   * share of the list is skipped; those skipped items fill the list only when it would otherwise
   * be short.
   */
  public List<Recommended> select(
      List<Suggestion> candidates, Map<String, Article> articles, int limit, long nowMs) {
    Picker picker = new Picker(limit, nowMs);
    for (int i = 0; i < candidates.size() && !picker.full(); i++) {
      picker.offer(candidates.get(i), articles.get(candidates.get(i).articleId()));
    }
    return picker.result();
  }

  /**
   * The sources' items in fallback order, each id once, blocked ids skipped. Lazy, so a request
   * whose list fills from the first sources never walks (or copies) the long fallback lists.
   * Model lists keep the reason the model gave (read-together, similar-content, similar-readers);
   * the live and fallback sources say where they came from.
   */
  private static final class Cursor implements Iterator<Suggestion> {

    /** One source in fallback order, and the reason its items are given (null: keep the model's). */
    private record Source(List<Suggestion> items, Reason reason) {}

    private final MergeRequest query;
    private final Set<String> alreadyRead;
    private final List<Source> sources;
    private final Set<String> seen = new HashSet<>();
    private int source;
    private int index;
    private Suggestion next;

    Cursor(MergeRequest query, CandidateLists s) {
      this.query = query;
      this.alreadyRead = s.alreadyRead();
      List<Suggestion> live = s.liveSimilar();
      int lead = liveLead(live);
      this.sources = List.of(
          new Source(live.subList(0, lead), Reason.SIMILAR_CONTENT),
          new Source(s.articleNeighbours(), null),
          new Source(s.coVisits(), Reason.READ_TOGETHER),
          new Source(live.subList(lead, live.size()), Reason.SIMILAR_CONTENT),
          new Source(s.recentNeighbours(), null),
          new Source(s.readerProfile(), null),
          new Source(s.historyNeighbours(), null),
          new Source(s.trending(), Reason.TRENDING),
          new Source(s.popular(), Reason.POPULAR),
          new Source(s.latest(), Reason.LATEST));
    }

    /** How many leading live neighbours hold the first {@link #LIVE_SIMILAR_LEAD} showable ones. */
    private int liveLead(List<Suggestion> live) {
      int lead = 0;
      for (int taken = 0; lead < live.size() && taken < LIVE_SIMILAR_LEAD; lead++) {
        taken += blocked(live.get(lead).articleId()) ? 0 : 1;
      }
      return lead;
    }

    private boolean blocked(String id) {
      return id.equals(query.articleId()) || alreadyRead.contains(id) || query.exclude().contains(id);
    }

    @Override
    public boolean hasNext() {
      while (next == null && source < sources.size()) {
        Source from = sources.get(source);
        if (index >= from.items().size()) {
          source++;
          index = 0;
          continue;
        }
        Suggestion s = from.items().get(index++);
        String id = s.articleId();
        if (!blocked(id) && seen.add(id)) {
          Reason reason = from.reason();
          next = reason == null || reason == s.reason() ? s : new Suggestion(id, s.score(), reason);
        }
      }
      return next != null;
    }

    @Override
    public Suggestion next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Suggestion out = next;
      next = null;
      return out;
    }
  }

  /**
   * Takes candidates one at a time in order: items within their category's share are picked, those
   * over it are kept aside and fill the list only when it would otherwise be short.
   */
  private final class Picker {

    private final int limit;
    private final long nowMs;
    private final int perCategory;
    private final List<Recommended> picked;
    private final List<Recommended> overCap = new ArrayList<>();
    private final Map<String, Integer> categoryCounts = new HashMap<>();
    private final Set<String> titles = new HashSet<>();

    Picker(int limit, long nowMs) {
      this.limit = limit;
      this.nowMs = nowMs;
      this.perCategory = Math.max(1, (int) Math.floor(categoryShare * limit));
      this.picked = new ArrayList<>(limit);
    }

    boolean full() {
      return picked.size() >= limit;
    }

    /** @param article the candidate's metadata, null when unknown */
    void offer(Suggestion candidate, Article article) {
      if (article == null || !article.servableAt(nowMs) || !titles.add(titleKey(article))) {
        return;
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

    List<Recommended> result() {
      List<Recommended> out = new ArrayList<>(picked);
      for (int i = 0; i < overCap.size() && out.size() < limit; i++) {
        out.add(overCap.get(i));
      }
      return out;
    }
  }

  /**
   * Titles equal up to case, punctuation and spacing are the same story filed twice: letters and
   * numbers lower-cased, every other run of characters one space, trimmed. A hand-written scan
   * rather than a regex because it runs for every candidate of every request.
   */
  public static String titleKey(Article article) {
    String title = Objects.requireNonNullElse(article.title(), article.articleId()).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(title.length());
    boolean gap = false;
    for (int i = 0; i < title.length(); ) {
      int cp = title.codePointAt(i);
      i += Character.charCount(cp);
      if (isWordChar(cp)) {
        if (gap && out.length() > 0) {
          out.append(' ');
        }
        out.appendCodePoint(cp);
        gap = false;
      } else {
        gap = true;
      }
    }
    return out.toString();
  }

  /** Whether a regex would match it with {@code [\p{L}\p{N}]}. */
  private static boolean isWordChar(int cp) {
    if (Character.isLetter(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }
}
