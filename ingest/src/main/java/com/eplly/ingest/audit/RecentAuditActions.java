package com.eplly.ingest.audit;

import com.eplly.contracts.redis.Keyspace;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Keeps the newest {@link Keyspace#AUDIT_RECENT_MAX} admin actions in {@link Keyspace#auditRecent()}
 * for the console. Every step is idempotent (adding a member twice, trimming, expiring), so a batch
 * redelivered after a crash between the lake write and the commit changes nothing.
 */
@Component
public class RecentAuditActions {

  private final UnifiedJedis redis;

  public RecentAuditActions(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Adds the events (their JSON, scored by their time) and drops what falls beyond the cap. */
  public void add(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    Map<String, Double> members = new LinkedHashMap<>();
    entries.forEach(e -> members.put(e.json(), (double) e.at()));
    String key = Keyspace.auditRecent();
    redis.zadd(key, members);
    // ranks count from the oldest: everything below the newest MAX goes
    redis.zremrangeByRank(key, 0, -(Keyspace.AUDIT_RECENT_MAX + 1L));
    redis.expire(key, Keyspace.AUDIT_RECENT_TTL.toSeconds());
  }

  /** One admin action: its canonical JSON and its epoch-millisecond time. */
  public record Entry(String json, long at) {}
}
