package com.eplly.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import java.time.Clock;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

class CaseViewsTest {

  @Test
  void everyReaderLandsOnTheChosenPartitionAndEveryViewIsValid() {
    CaseViews v = CaseViews.generate("f3-abc123", 40, 5, 20, 1, 4, System.currentTimeMillis());
    assertEquals(200, v.size());
    EventCodec codec = new EventCodec(Clock.systemUTC());
    for (PageView view : v.views()) {
      assertEquals(1, CaseViews.partitionOf(view.readerId(), 4));
      assertTrue(codec.decodePageView(codec.encode(view)) instanceof Decoded.Valid<PageView>, view.toString());
    }
    assertEquals(200, new HashSet<>(v.eventIds()).size());
  }

  @Test
  void expectedCountsAddUp() {
    CaseViews v = CaseViews.generate("f4-abc123", 10, 6, 4, 2, 4, 1_700_000_000_000L);
    assertEquals(60, v.viewsPerArticle().values().stream().mapToLong(Long::longValue).sum());
    assertEquals(4, v.viewsPerArticle().size());
    assertTrue(v.viewsPerReader().values().stream().allMatch(n -> n == 6));
    // the first n views are each reader's first view
    assertEquals(10, v.first(10).viewsPerReader().size());
    assertEquals(50, v.after(10).size());
  }

  @Test
  void partitionMatchesKafkasDefaultPartitionerForKnownKeys() {
    // murmur2 of the key bytes, made positive, modulo the partition count (BuiltInPartitioner.partitionForKey)
    for (String key : new String[] {"a", "reader-1", "f2-xyz-r7"}) {
      int expected = org.apache.kafka.clients.producer.internals.BuiltInPartitioner.partitionForKey(
          key.getBytes(java.nio.charset.StandardCharsets.UTF_8), 4);
      assertEquals(expected, CaseViews.partitionOf(key, 4), key);
    }
  }
}
