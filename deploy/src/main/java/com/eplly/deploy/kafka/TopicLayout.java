package com.eplly.deploy.kafka;

import com.eplly.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The topics a single-broker stack needs, with partitions and cleanup policies per {@link Topics}. */
public record TopicLayout(int pageViewPartitions) {

  /** Several partitions so ingest's per-partition lake files and ordering are exercised locally. */
  public static final TopicLayout LOCAL = new TopicLayout(4);

  public TopicLayout {
    if (pageViewPartitions < 1) {
      throw new IllegalArgumentException("page-views needs at least one partition");
    }
  }

  /** New-topic requests: page views partitioned by reader, the catalog compacted by article id. */
  public List<NewTopic> newTopics() {
    short rf = 1;
    return List.of(
        new NewTopic(Topics.PAGE_VIEWS, pageViewPartitions, rf),
        new NewTopic(Topics.PAGE_VIEWS_DLQ, 1, rf),
        new NewTopic(Topics.ARTICLES, 1, rf)
            .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)),
        new NewTopic(Topics.ARTICLES_DLQ, 1, rf));
  }
}
