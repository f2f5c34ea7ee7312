package com.eplly.ingest.lake;

import com.eplly.contracts.Topics;
import com.eplly.contracts.lake.LakeLayout;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * Makes the lake re-read its high-water marks whenever a partition changes owner, because another
 * ingest instance may have written files for it in the meantime; also runs the other caches'
 * {@code onOwnerChange} hook (the live state's session heads) for the same reason.
 */
public final class LakeRebalanceListener implements ConsumerAwareRebalanceListener {

  private static final Map<String, String> DATASET_OF_TOPIC =
      Map.of(Topics.PAGE_VIEWS, LakeLayout.PAGE_VIEWS, Topics.IMPRESSIONS, LakeLayout.IMPRESSIONS,
          Topics.ARTICLES, LakeLayout.ARTICLES, Topics.ERASURES, LakeLayout.ERASURES);

  private final LakeWriter lake;
  private final Runnable onOwnerChange;

  public LakeRebalanceListener(LakeWriter lake, Runnable onOwnerChange) {
    this.lake = lake;
    this.onOwnerChange = onOwnerChange;
  }

  @Override
  public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    forget(partitions);
  }

  @Override
  public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    forget(partitions);
  }

  @Override
  public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
    forget(partitions);
  }

  private void forget(Collection<TopicPartition> partitions) {
    if (!partitions.isEmpty()) {
      onOwnerChange.run();
    }
    partitions.stream()
        .filter(tp -> DATASET_OF_TOPIC.containsKey(tp.topic()))
        .collect(Collectors.groupingBy(TopicPartition::topic,
            Collectors.mapping(TopicPartition::partition, Collectors.toSet())))
        .forEach((topic, parts) -> lake.forget(DATASET_OF_TOPIC.get(topic), parts));
  }
}
