package com.eplly.deploy.kafka;

import com.eplly.contracts.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics a stack needs, with partitions and cleanup policies per {@link Topics}.
 *
 * @param pageViewPartitions partitions of page-views (and of impressions)
 * @param replicas           replication factor of every topic; above 1, min.insync.replicas is one
 *                           less, so one broker may be down without refusing acknowledged writes
 */
public record TopicLayout(int pageViewPartitions, int replicas) {

  /** How long the broker keeps admin actions: long enough for ingest to be down a while without losing one. */
  static final Duration AUDIT_RETENTION = Duration.ofDays(30);

  /** Several partitions so ingest's per-partition lake files and ordering are exercised locally. */
  public static final TopicLayout LOCAL = new TopicLayout(4);

  public TopicLayout {
    if (pageViewPartitions < 1) {
      throw new IllegalArgumentException("page-views needs at least one partition");
    }
    if (replicas < 1) {
      throw new IllegalArgumentException("topics need at least one replica");
    }
  }

  /** A single-broker layout. */
  public TopicLayout(int pageViewPartitions) {
    this(pageViewPartitions, 1);
  }

  /**
   * New-topic requests: page views partitioned by reader, impressions by request id, the catalog
   * compacted by article id, readers' erasures compacted by reader id (one partition: they are few,
   * and every process reads them whole), the audit log in one partition (one total order; a few
   * records a day) kept for 30 days, which ingest's lake copy outlives.
   */
  public List<NewTopic> newTopics() {
    short rf = (short) replicas;
    Map<String, String> isr = Map.of(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, replicas - 1)));
    Map<String, String> compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, replicas - 1)));
    return List.of(
        new NewTopic(Topics.PAGE_VIEWS, pageViewPartitions, rf).configs(isr),
        new NewTopic(Topics.PAGE_VIEWS_DLQ, 1, rf).configs(isr),
        // as many partitions as page views: the api's served events are one per answer, so as many
        new NewTopic(Topics.IMPRESSIONS, pageViewPartitions, rf).configs(isr),
        new NewTopic(Topics.IMPRESSIONS_DLQ, 1, rf).configs(isr),
        new NewTopic(Topics.ARTICLES, 1, rf).configs(compacted),
        new NewTopic(Topics.ARTICLES_DLQ, 1, rf).configs(isr),
        new NewTopic(Topics.ERASURES, 1, rf).configs(compacted),
        new NewTopic(Topics.AUDIT, 1, rf).configs(Map.of(
            TopicConfig.RETENTION_MS_CONFIG, String.valueOf(AUDIT_RETENTION.toMillis()),
            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(Math.max(1, replicas - 1)))),
        new NewTopic(Topics.AUDIT_DLQ, 1, rf).configs(isr));
  }
}
