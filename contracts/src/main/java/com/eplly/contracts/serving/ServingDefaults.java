package com.eplly.contracts.serving;

/**
 * The api's default serving shape, owned here because {@code reco evaluate} replays what the api
 * serves with the same numbers (strings, so Spring's {@code @DefaultValue} can name them).
 */
public final class ServingDefaults {

  /** Items in a list when the request names no limit: the widget's block. */
  public static final String DEFAULT_LIMIT = "6";
  /** Largest share of one category in a list. */
  public static final String CATEGORY_SHARE = "0.5";
  /** Items read from each live or fallback source (co-visits, trending buckets, latest). */
  public static final String CANDIDATES_PER_SOURCE = "50";
  /** Newest reads of the reader and of the session that are never suggested again. */
  public static final String HISTORY_SIZE = "100";
  /** Without a current article, this many newest reads stand in for it. */
  public static final String RECENT_SEEDS = "3";
  /**
   * Whether an article page with earlier reads in its session blends the published lists of its
   * newest {@link #RECENT_SEEDS} reads ({@link SessionBlend}) instead of the current article's alone.
   */
  public static final String SESSION_BLEND = "true";

  private ServingDefaults() {}

  public static int defaultLimit() {
    return Integer.parseInt(DEFAULT_LIMIT);
  }

  public static double categoryShare() {
    return Double.parseDouble(CATEGORY_SHARE);
  }

  public static int candidatesPerSource() {
    return Integer.parseInt(CANDIDATES_PER_SOURCE);
  }

  public static int historySize() {
    return Integer.parseInt(HISTORY_SIZE);
  }

  public static int recentSeeds() {
    return Integer.parseInt(RECENT_SEEDS);
  }

  public static boolean sessionBlend() {
    return Boolean.parseBoolean(SESSION_BLEND);
  }
}
