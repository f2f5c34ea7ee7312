package com.eplly.contracts;

/** Kafka topic names and headers: the only place they are spelled. */
public final class Topics {

  /** Page views, keyed by readerId so that each reader's events stay in order. */
  public static final String PAGE_VIEWS = "page-views";

  /** Rejected page views: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String PAGE_VIEWS_DLQ = "page-views.dlq";

  /**
   * What was served and what was seen ({@code ImpressionEvent}: served events from the api, viewable
   * impressions from the widget), keyed by requestId so both records of one answer share a partition.
   */
  public static final String IMPRESSIONS = "impressions";

  /** Rejected impression events: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String IMPRESSIONS_DLQ = "impressions.dlq";

  /** The catalog, compacted, keyed by articleId. */
  public static final String ARTICLES = "articles";

  /** Rejected articles: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String ARTICLES_DLQ = "articles.dlq";

  /**
   * Readers' erasures ({@code ReaderErasure}), compacted, keyed by readerId: every process that holds
   * reader data reads it whole, so an erasure is never forgotten while its reader's events may exist.
   */
  public static final String ERASURES = "erasures";

  /**
   * Admin actions ({@code AuditEvent}), keyed by actor (the admin key's name): one partition, so the
   * log has one total order whatever the key; the key only matters should it ever get more, and then
   * "everything key X did, in order" is the question an audit answers. Retained for weeks: the lake
   * keeps it for good.
   */
  public static final String AUDIT = "audit";

  /** Rejected audit events: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String AUDIT_DLQ = "audit.dlq";

  /** Header on dead-lettered records: UTF-8 text saying why the record was rejected. */
  public static final String REASON_HEADER = "dlq-reason";

  /** Header on dead-lettered records: the topic the record was first published to. */
  public static final String ORIGINAL_TOPIC_HEADER = "dlq-original-topic";

  /** Header on dead-lettered records: the Kafka partition the record was consumed from (decimal text). */
  public static final String ORIGINAL_PARTITION_HEADER = "dlq-original-partition";

  /** Header on dead-lettered records: the record's offset in its original partition (decimal text). */
  public static final String ORIGINAL_OFFSET_HEADER = "dlq-original-offset";

  /**
   * Header on a dead-lettered record whose value the dead-letter topic refused: why it was cut to a
   * prefix (e.g. the producer's RecordTooLargeException). Its presence means the value is truncated.
   */
  public static final String TRUNCATED_HEADER = "dlq-truncated";

  /** Header on a truncated dead-lettered record: the original value's length in bytes (decimal text). */
  public static final String ORIGINAL_SIZE_HEADER = "dlq-original-size";

  /** Header on a truncated dead-lettered record: SHA-256 of the original value, lower-case hex. */
  public static final String ORIGINAL_SHA256_HEADER = "dlq-original-sha256";

  private Topics() {}
}
