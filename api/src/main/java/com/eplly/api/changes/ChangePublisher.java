package com.eplly.api.changes;

import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Announces a change on {@link Keyspace#changesChannel()} after the write it follows succeeded. A
 * failed announcement is logged, not thrown: the change is stored, and every instance's backstop
 * poll finds it, only later.
 */
@Component
public class ChangePublisher {

  private static final Logger log = LoggerFactory.getLogger(ChangePublisher.class);

  private final UnifiedJedis redis;

  public ChangePublisher(UnifiedJedis redis) {
    this.redis = redis;
  }

  /**
   * After a stored change: bumps its revision counter (what every instance's backstop poll compares)
   * and announces it.
   */
  public void changed(String revisionKey, ChangeNotice notice) {
    redis.incr(revisionKey);
    announce(notice);
  }

  private void announce(ChangeNotice notice) {
    try {
      redis.publish(Keyspace.changesChannel(), notice.message());
    } catch (RuntimeException e) {
      log.warn("could not announce {} (instances see it at their next poll): {}", notice.message(), e.toString());
    }
  }
}
