package com.eplly.contracts;

/** Kafka topic names and headers: the only place they are spelled. */
public final class Topics {

  /** Page views, keyed by readerId so that each reader's events stay in order. */
  public static final String PAGE_VIEWS = "page-views";

  /** Rejected page views: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String PAGE_VIEWS_DLQ = "page-views.dlq";

  /** The catalog, compacted, keyed by articleId. */
  public static final String ARTICLES = "articles";

  /** Rejected articles: the original bytes plus a {@link #REASON_HEADER}. */
  public static final String ARTICLES_DLQ = "articles.dlq";

  /** Header on dead-lettered records: UTF-8 text saying why the record was rejected. */
  public static final String REASON_HEADER = "dlq-reason";

  /** Header on dead-lettered records: the topic the record was first published to. */
  public static final String ORIGINAL_TOPIC_HEADER = "dlq-original-topic";

  private Topics() {}
}
