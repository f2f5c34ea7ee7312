package com.eplly.api.admin;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.RegistryException;
import com.eplly.contracts.redis.VersionRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

/**
 * Keeps the active version's keys from expiring while it is served: every
 * {@code eplly.models.keep-alive-interval}, once its meta has less than half its publish TTL left
 * (no new version for days, or a rollback to an old one), one api instance (the holder of a short
 * Redis lock) re-extends all its keys to that TTL.
 */
@Component
public class ActiveVersionKeepAlive {

  private static final Logger log = LoggerFactory.getLogger(ActiveVersionKeepAlive.class);

  /** Deletes KEYS[1] only if it still holds this instance's token: an expired lock taken over by another instance stays. */
  private static final String RELEASE = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """;

  private final UnifiedJedis redis;
  private final VersionRegistry registry;
  private final TaskScheduler scheduler;
  private final EpllyProperties.Models settings;

  public ActiveVersionKeepAlive(UnifiedJedis redis, TaskScheduler scheduler, EpllyProperties properties) {
    this.redis = redis;
    this.scheduler = scheduler;
    this.settings = properties.models();
    this.registry = new VersionRegistry(redis, settings.refuseMargin());
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    // First check one interval after start: a fleet restarting together does not scan at once.
    scheduler.scheduleWithFixedDelay(this::checkQuietly, Instant.now().plus(settings.keepAliveInterval()),
        settings.keepAliveInterval());
  }

  /**
   * One check of the active version.
   *
   * @return keys extended: 0 when none is active, it has enough time left, or another instance holds the lock
   */
  public long check() {
    String active = redis.get(Keyspace.activeVersion());
    if (active == null) {
      return 0;
    }
    Optional<Duration> left;
    try {
      left = registry.remaining(active);
    } catch (RegistryException gone) {
      log.error("the active model version {} has expired: its lists are gone; publish or activate another", active);
      return 0;
    }
    if (left.isEmpty() || left.get().compareTo(registry.publishTtl(active).dividedBy(2)) >= 0) {
      return 0;
    }
    String token = UUID.randomUUID().toString();
    String locked = redis.set(Keyspace.keepAliveLock(), token,
        SetParams.setParams().nx().px(settings.keepAliveLock().toMillis()));
    if (!"OK".equals(locked)) {
      return 0;
    }
    try {
      long extended = registry.keepAlive(active);
      log.info("model version {} had {} left: extended its {} keys to {}", active, left.get(), extended,
          registry.publishTtl(active));
      return extended;
    } finally {
      redis.eval(RELEASE, List.of(Keyspace.keepAliveLock()), List.of(token));
    }
  }

  private void checkQuietly() {
    try {
      check();
    } catch (JedisException e) {
      log.warn("cannot check the active model version's keys, retrying in {}: {}", settings.keepAliveInterval(), e.toString());
    }
  }
}
