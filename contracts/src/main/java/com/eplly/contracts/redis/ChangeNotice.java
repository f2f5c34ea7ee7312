package com.eplly.contracts.redis;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A message on {@link Keyspace#changesChannel()}: what changed, so that api instances drop the
 * matching cached state. Pub/sub is at most once, so a notice only shortens the delay: every cache
 * it invalidates is also refreshed on its own schedule, and a subscriber that (re)connects drops
 * everything, having possibly missed notices meanwhile.
 *
 * @param kind       what changed
 * @param articleIds the articles, for {@link Kind#ARTICLES}; otherwise empty
 */
public record ChangeNotice(Kind kind, List<String> articleIds) {

  /** What a notice is about; {@code CATALOG} is any number of articles, too many to name. */
  public enum Kind { RULES, EXPERIMENTS, ARTICLES, CATALOG }

  /** More articles than this in one catalog batch are announced as {@link #CATALOG}: a notice stays small. */
  public static final int MAX_NAMED_ARTICLES = 100;

  public static final ChangeNotice RULES = new ChangeNotice(Kind.RULES, List.of());
  public static final ChangeNotice EXPERIMENTS = new ChangeNotice(Kind.EXPERIMENTS, List.of());
  public static final ChangeNotice CATALOG = new ChangeNotice(Kind.CATALOG, List.of());

  private static final String ARTICLES_PREFIX = "articles ";

  public ChangeNotice {
    articleIds = List.copyOf(articleIds);
  }

  /** These articles' metadata changed (ids hold no spaces: see {@code Validation.isId}). */
  public static ChangeNotice articles(Collection<String> articleIds) {
    return articleIds.size() > MAX_NAMED_ARTICLES ? CATALOG : new ChangeNotice(Kind.ARTICLES, List.copyOf(articleIds));
  }

  /** The message as published. */
  public String message() {
    return switch (kind) {
      case RULES -> "rules";
      case EXPERIMENTS -> "experiments";
      case CATALOG -> "catalog";
      case ARTICLES -> ARTICLES_PREFIX + String.join(" ", articleIds);
    };
  }

  /** The notice a message carries, or null for a message this version does not know (ignored). */
  public static ChangeNotice parse(String message) {
    if (message == null) {
      return null;
    }
    if (message.startsWith(ARTICLES_PREFIX)) {
      List<String> ids = Arrays.stream(message.substring(ARTICLES_PREFIX.length()).split(" "))
          .filter(id -> !id.isEmpty()).toList();
      return ids.isEmpty() ? null : new ChangeNotice(Kind.ARTICLES, ids);
    }
    return switch (message) {
      case "rules" -> RULES;
      case "experiments" -> EXPERIMENTS;
      case "catalog" -> CATALOG;
      default -> null;
    };
  }
}
