package com.eplly.api.recommend;

import com.eplly.contracts.redis.Keyspace;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The model version being served, read from {@link Keyspace#activeVersion()} on a short schedule
 * rather than per request; keeps the last value it saw while Redis is unreachable.
 */
@Component
public class ActiveVersion {

  private static final Logger log = LoggerFactory.getLogger(ActiveVersion.class);

  private final UnifiedJedis redis;
  private final AtomicReference<String> current = new AtomicReference<>();
  private final AtomicBoolean failing = new AtomicBoolean(false);

  public ActiveVersion(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** The active version, or null when none was ever published (or seen). */
  public String current() {
    return current.get();
  }

  /** Re-reads the pointer; failures keep the previous value and are logged once per outage. */
  public void refresh() {
    try {
      String version = redis.get(Keyspace.activeVersion());
      String previous = current.getAndSet(version);
      if (version != null && !version.equals(previous)) {
        log.info("serving model version {}", version);
      }
      if (failing.compareAndSet(true, false)) {
        log.info("active version readable again");
      }
    } catch (RuntimeException e) {
      if (failing.compareAndSet(false, true)) {
        log.warn("cannot read the active model version, keeping {}: {}", current.get(), e.toString());
      }
    }
  }
}
