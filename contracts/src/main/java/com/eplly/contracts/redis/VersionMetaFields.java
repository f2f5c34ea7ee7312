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
  /** ISO-8601 instant before which the version's self-tuning fit and after which it validated. */
  public static final String VALIDATION_CUT_OFF = "validationCutOff";
  /** The served path's HR@10, MRR@10 and catalog coverage on that validation window. */
  public static final String VALIDATION_HR10 = "validationHr10";
  public static final String VALIDATION_MRR10 = "validationMrr10";
  public static final String VALIDATION_COVERAGE10 = "validationCoverage10";
  /** The quality gate's verdict at publish ("passed: ...", "forced, refused: ..."). */
  public static final String GATE = "gate";
  /** How a {@link #GATE} verdict that let the version through begins. */
  public static final String GATE_PASSED = "passed";
  /** Set when an experiment's arm promoted the version: which, when, and whether past the gate. */
  public static final String PROMOTED = "promoted";

  /** Whether a {@link #GATE} verdict (null: none recorded) let the version through on its own. */
  public static boolean gatePassed(String verdict) {
    return verdict != null && verdict.startsWith(GATE_PASSED);
  }

  private VersionMetaFields() {}
}
