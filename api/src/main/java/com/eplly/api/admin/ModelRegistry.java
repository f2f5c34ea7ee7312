package com.eplly.api.admin;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.ConflictException;
import com.eplly.api.errors.NotFoundException;
import com.eplly.contracts.redis.PublishedVersion;
import com.eplly.contracts.redis.RegistryException;
import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.redis.VersionSwitch;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Published versions and the active pointer, for the admin endpoints: the shared
 * {@link VersionRegistry} (the recommender CLI uses the same one), with its refusals turned into
 * HTTP answers (unknown version 404; nothing to roll back to, expiring version, lost race 409).
 */
@Component
public class ModelRegistry {

  private final VersionRegistry registry;

  public ModelRegistry(UnifiedJedis redis, EpllyProperties properties) {
    this.registry = new VersionRegistry(redis, properties.models().refuseMargin());
  }

  /** Published versions, newest first, with their meta; throws when Redis is unreachable. */
  public ModelVersions list() {
    return new ModelVersions(registry.active().orElse(null),
        registry.published().stream().map(ModelRegistry::toView).toList());
  }

  /**
   * Points the api at a version whose keys still exist (extending them to their publish TTL).
   *
   * @param expected the version the caller saw active: the switch fails (409) if another is active
   *                 by now; null = whatever is active at this moment
   */
  public ActivationResult activate(String version, String expected) {
    return http(() -> {
      String previous = expected != null ? expected : registry.active().orElse(null);
      registry.activate(version, previous);
      return new ActivationResult(version, previous);
    });
  }

  /** Activates the version published just before the active one that still has its meta. */
  public ActivationResult rollback() {
    return http(() -> {
      VersionSwitch plan = registry.planRollback();
      registry.apply(plan);
      return new ActivationResult(plan.to(), plan.from());
    });
  }

  private static ModelVersion toView(PublishedVersion v) {
    return new ModelVersion(v.version(), v.publishedAt(), v.active(), v.expired(), v.meta());
  }

  private static <T> T http(Supplier<T> operation) {
    try {
      return operation.get();
    } catch (RegistryException e) {
      throw switch (e.kind()) {
        case UNKNOWN_VERSION -> new NotFoundException(e.getMessage());
        case NOTHING_TO_ROLL_BACK, EXPIRING, CONFLICT -> new ConflictException(e.getMessage());
      };
    }
  }
}
