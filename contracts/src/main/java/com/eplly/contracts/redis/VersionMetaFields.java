package com.eplly.contracts.redis;

/**
 * Field names of the {@code Keyspace.versionMeta(v)} hash. Counts are stored under the names of
 * {@code ModelMeta.input()}/{@code output()} (events, readers, articles, sessions,
 * catalogArticles, servableArticles, articleLists, readerLists, popular).
 */
public final class VersionMetaFields {

  /** ISO-8601 instant the version was trained. */
  public static final String CREATED = "created";
  /** ISO-8601 instant the version was published. */
  public static final String PUBLISHED = "published";
  /** ISO-8601 instant ages were measured from. */
  public static final String REFERENCE_TIME = "referenceTime";
  /** Training parameters as a JSON object. */
  public static final String PARAMS = "params";
  /**
   * Lifetime (seconds) the version's keys were published with: what activation and the api's
   * keep-alive extend them to again.
   */
  public static final String TTL_SECONDS = "ttlSeconds";
  public static final String TRAIN_SECONDS = "trainSeconds";
  public static final String ARTICLE_LISTS = "articleLists";
  public static final String READER_LISTS = "readerLists";
  public static final String EVENTS = "events";

  private VersionMetaFields() {}
}
