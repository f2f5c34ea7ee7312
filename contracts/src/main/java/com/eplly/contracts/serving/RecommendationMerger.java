package com.eplly.contracts.serving;

import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.contracts.editorial.PageRules;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.Arrays;
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
 *
 * <p>Editors' rules ({@link PageRules}, from {@link EditorialRules#forPage}) apply after the
 * model's order and before the category cap; without rules the answer is the same as before them.
 * <ul>
 *   <li><b>block</b>: a candidate whose id, section or one of whose tags is blocked is skipped like
 *       a hidden one.</li>
 *   <li><b>boost and bury</b>: the sources' scores are not comparable, so a factor acts on rank.
 *       The eligible candidates (known, servable, not blocked, not a near-duplicate, not pinned) are
 *       numbered 1, 2, … in fallback order; candidate i with factor f takes the effective position
 *       i / f, ties kept in fallback order, and the category cap then walks them in that order.
 *       f is the product of the factors of the article's section and tags (bounded to [0.25, 4]),
 *       1 without any. So a factor of 2 lets the 10th candidate stand in as the 5th; a factor of 1
 *       changes nothing; 0.5 sends the 3rd behind the 5th. Rank rather than a score because the
 *       walk has no common score, and a factor on a rank is bounded: a boost of f reaches at most
 *       f times further down, which bounds the extra candidates the lazy merge must read.</li>
 *   <li><b>pin</b>: an article pinned on the page takes slot k (1-based) when it is eligible
 *       (known, servable now, not the current article, not read or excluded, not blocked: a block
 *       wins over a pin), pushing the others down; if the list is shorter than k it comes last.
 *       Pinned articles count towards their category's share, so the cap holds for the rest.
 *       When two pins want one slot, the older rule whose article is eligible wins it and the
 *       younger one is not shown in that list. A slot beyond the request's limit pins nothing.</li>
 * </ul>
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
    return merge(query, sources, articles, nowMs, PageRules.none());
  }

  /** The same under editors' rules. */
  public List<Recommended> merge(
      MergeRequest query, CandidateLists sources, Map<String, Article> articles, long nowMs, PageRules rules) {
    return select(candidates(query, sources, rules), articles, query.limit(), nowMs, rules);
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
    return merge(query, sources, metadata, nowMs, PageRules.none());
  }

  /**
   * The same under editors' rules. A boost makes the walk read further: until no candidate still
   * unread could rank into the list.
   */
  public List<Recommended> merge(
      MergeRequest query, CandidateLists sources,
      Function<List<String>, Map<String, Article>> metadata, long nowMs, PageRules rules) {
    Cursor cursor = new Cursor(query, sources, rules);
    Picker picker = new Picker(query.limit(), nowMs, rules);
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
    return candidates(query, sources, PageRules.none());
  }

  /**
   * The same under editors' rules: blocked ids left out, and the page's pins within the limit
   * first (reason {@link Reason#EDITORS_PICK}), so their metadata is read with the first batch.
   */
  public List<Suggestion> candidates(MergeRequest query, CandidateLists sources, PageRules rules) {
    List<Suggestion> out = new ArrayList<>();
    new Cursor(query, sources, rules).forEachRemaining(out::add);
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
    return select(candidates, articles, limit, nowMs, PageRules.none());
  }

  /** The same under editors' rules; {@code candidates} as {@link #candidates(MergeRequest, CandidateLists, PageRules)} gives them. */
  public List<Recommended> select(
      List<Suggestion> candidates, Map<String, Article> articles, int limit, long nowMs, PageRules rules) {
    Picker picker = new Picker(limit, nowMs, rules);
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
    private final PageRules rules;
    private final Set<String> alreadyRead;
    private final List<Source> sources;
    private final Set<String> seen = new HashSet<>();
    private int source;
    private int index;
    private Suggestion next;

    Cursor(MergeRequest query, CandidateLists s, PageRules rules) {
      this.query = query;
      this.rules = rules;
      this.alreadyRead = s.alreadyRead();
      List<Suggestion> live = s.liveSimilar();
      int lead = liveLead(live);
      this.sources = List.of(
          new Source(pins(rules, query.limit()), Reason.EDITORS_PICK),
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

    /** The page's pinned ids that fit in the list, oldest rule first (the order the picker resolves conflicts in). */
    private static List<Suggestion> pins(PageRules rules, int limit) {
      if (rules.pins().isEmpty()) {
        return List.of();
      }
      List<Suggestion> out = new ArrayList<>(rules.pins().size());
      for (EditorialRules.Pin pin : rules.pins()) {
        if (pin.slot() <= limit) {
          out.add(new Suggestion(pin.articleId(), 0.0, Reason.EDITORS_PICK));
        }
      }
      return out;
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
      return id.equals(query.articleId()) || alreadyRead.contains(id) || query.exclude().contains(id)
          || rules.blocksId(id);
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
   * Takes candidates one at a time in order: pinned ones (which come first) are set in their slots;
   * the others, in order or, when a factor differs from 1, by effective position, are picked within
   * their category's share, and those over it fill the list only when it would otherwise be short.
   */
  private final class Picker {

    private final int limit;
    private final long nowMs;
    private final PageRules rules;
    private final boolean ranked;
    private final int perCategory;
    /** Pinned items by slot - 1. */
    private final Recommended[] pinned;
    private int pinCount;
    /** In order: the items within their share. Ranked: every eligible item, by effective position. */
    private final List<Recommended> picked;
    /** Ranked only: the effective positions of {@code picked}, ascending. */
    private double[] keys;
    private int eligible;
    private final List<Recommended> overCap = new ArrayList<>();
    /** Items taken per category, the pinned ones included. */
    private final Map<String, Integer> categoryCounts = new HashMap<>();
    private final Map<String, Integer> scratchCounts;
    private final Set<String> titles = new HashSet<>();

    Picker(int limit, long nowMs, PageRules rules) {
      this.limit = limit;
      this.nowMs = nowMs;
      this.rules = rules;
      this.ranked = rules.reorders();
      this.perCategory = Math.max(1, (int) Math.floor(categoryShare * limit));
      this.pinned = new Recommended[rules.pins().isEmpty() ? 0 : limit];
      this.picked = new ArrayList<>(limit);
      this.keys = ranked ? new double[16] : null;
      this.scratchCounts = ranked ? new HashMap<>() : null;
    }

    /**
     * Whether no candidate still unread could change the answer. Ranked: an unread candidate is
     * eligible number {@code eligible + 1} or later, so its effective position is at least
     * {@code (eligible + 1) / reach}; once the items ranked before that fill the list, it is full.
     */
    boolean full() {
      int rest = limit - pinCount;
      if (!ranked || rest <= 0) {
        return picked.size() >= rest;
      }
      if (picked.size() < rest) {
        return false; // not even every ranked item would fill it
      }
      double bound = (eligible + 1) / rules.reach();
      if (keys[rest - 1] >= bound) {
        return false; // fewer than rest items rank before any unread one could
      }
      scratchCounts.clear();
      scratchCounts.putAll(categoryCounts);
      int taken = 0;
      for (int i = 0; i < picked.size() && keys[i] < bound; i++) {
        if (take(scratchCounts, picked.get(i).article()) && ++taken >= rest) {
          return true;
        }
      }
      return false;
    }

    /** @param article the candidate's metadata, null when unknown */
    void offer(Suggestion candidate, Article article) {
      if (article == null || !article.servableAt(nowMs) || rules.blocks(article) || !titles.add(titleKey(article))) {
        return;
      }
      Recommended item = new Recommended(candidate, article);
      int slot = rules.slotOf(article.articleId());
      if (slot > 0 && slot <= limit) {
        // pins come first, oldest rule first: the first eligible one holds the slot, a later one is dropped
        if (pinned[slot - 1] == null) {
          pinned[slot - 1] = item;
          pinCount++;
          categoryCounts.merge(category(article), 1, Integer::sum);
        }
        return;
      }
      if (ranked) {
        rank(item, ++eligible / rules.factor(article));
      } else if (!take(categoryCounts, article)) {
        overCap.add(item);
      } else {
        picked.add(item);
      }
    }

    /** Inserts after the items of equal or smaller key, so that ties keep the fallback order. */
    private void rank(Recommended item, double key) {
      int n = picked.size();
      int at = n;
      while (at > 0 && keys[at - 1] > key) {
        at--;
      }
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, 2 * n);
      }
      System.arraycopy(keys, at, keys, at + 1, n - at);
      keys[at] = key;
      picked.add(at, item);
    }

    /** Counts the article in its category if that is within its share. */
    private boolean take(Map<String, Integer> counts, Article article) {
      String category = category(article);
      if (counts.getOrDefault(category, 0) >= perCategory) {
        return false;
      }
      counts.merge(category, 1, Integer::sum);
      return true;
    }

    List<Recommended> result() {
      int rest = limit - pinCount;
      List<Recommended> out = new ArrayList<>(limit);
      if (ranked) {
        for (int i = 0; i < picked.size() && out.size() < rest; i++) {
          if (take(categoryCounts, picked.get(i).article())) {
            out.add(picked.get(i));
          } else {
            overCap.add(picked.get(i));
          }
        }
      } else {
        out.addAll(picked);
      }
      for (int i = 0; i < overCap.size() && out.size() < rest; i++) {
        out.add(overCap.get(i));
      }
      for (int slot = 1; slot <= pinned.length; slot++) {
        if (pinned[slot - 1] != null) {
          out.add(Math.min(slot - 1, out.size()), pinned[slot - 1]);
        }
      }
      return out;
    }
  }

  private static String category(Article article) {
    return Objects.requireNonNullElse(article.category(), "");
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
