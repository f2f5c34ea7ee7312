package com.eplly.contracts.codec;

import com.eplly.contracts.event.Article;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps an {@link Article} to and from the fields of its {@code article:{id}} Redis hash. */
public final class ArticleHash {

  public static final String TITLE = "title";
  public static final String URL = "url";
  public static final String CATEGORY = "category";
  public static final String PUBLISHED_AT = "publishedAt";
  public static final String SUMMARY = "summary";
  public static final String TAGS = "tags";
  public static final String EXPIRES_AT = "expiresAt";
  public static final String HIDDEN = "hidden";

  /**
   * The fields the api needs to render and filter a suggestion, in a fixed order for HMGET; the
   * tags for editors' rules on tags.
   */
  public static final List<String> SERVING_FIELDS =
      List.of(TITLE, URL, CATEGORY, PUBLISHED_AT, EXPIRES_AT, HIDDEN, TAGS);

  private ArticleHash() {}

  public static Map<String, String> toHash(Article a) {
    Map<String, String> h = new HashMap<>();
    h.put(TITLE, a.title());
    h.put(URL, a.url());
    h.put(CATEGORY, a.category());
    h.put(PUBLISHED_AT, Long.toString(a.publishedAt()));
    h.put(HIDDEN, a.hidden() ? "1" : "0");
    if (a.summary() != null) {
      h.put(SUMMARY, a.summary());
    }
    if (!a.tags().isEmpty()) {
      h.put(TAGS, String.join(",", a.tags()));
    }
    if (a.expiresAt() != null) {
      h.put(EXPIRES_AT, Long.toString(a.expiresAt()));
    }
    return h;
  }

  /** Rebuilds an article from its hash; null when the hash is empty (unknown article). */
  public static Article fromHash(String articleId, Map<String, String> h) {
    if (h == null || h.isEmpty() || h.get(TITLE) == null) {
      return null;
    }
    String tags = h.get(TAGS);
    return new Article(
        articleId,
        h.get(TITLE),
        h.get(URL),
        h.get(CATEGORY),
        parseLong(h.get(PUBLISHED_AT), 0L),
        h.get(SUMMARY),
        tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(",")),
        h.containsKey(EXPIRES_AT) ? parseLong(h.get(EXPIRES_AT), null) : null,
        "1".equals(h.get(HIDDEN)));
  }

  /** Rebuilds an article from HMGET values in {@link #SERVING_FIELDS} order; null when unknown. */
  public static Article fromServingFields(String articleId, List<String> values) {
    Map<String, String> h = new HashMap<>();
    for (int i = 0; i < SERVING_FIELDS.size() && i < values.size(); i++) {
      if (values.get(i) != null) {
        h.put(SERVING_FIELDS.get(i), values.get(i));
      }
    }
    return fromHash(articleId, h);
  }

  private static Long parseLong(String s, Long fallback) {
    try {
      return s == null ? fallback : Long.valueOf(s);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
