package com.eplly.api.experiment;

import com.eplly.api.admin.ActivationResult;
import com.eplly.api.admin.ModelRegistry;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.ConflictException;
import com.eplly.api.recommend.ActiveVersion;
import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import java.time.Clock;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Makes an experiment arm's version the active one, through the quality gate {@code reco publish}
 * ran when the version was published: a version whose verdict did not pass (or that has none) is
 * refused unless forced, and a forced promotion is recorded on the version
 * ({@link VersionMetaFields#PROMOTED}) as {@code publish --force} records its own.
 */
@Component
public class Promotion {

  /** What a promotion did. */
  public record Result(String experiment, String arm, String version, String previous, String gate, boolean forced) {}

  private final ModelRegistry registry;
  private final ActiveVersion activeVersion;
  private final UnifiedJedis redis;
  private final Clock clock;

  public Promotion(ModelRegistry registry, ActiveVersion activeVersion, UnifiedJedis redis, Clock clock) {
    this.registry = registry;
    this.activeVersion = activeVersion;
    this.redis = redis;
    this.clock = clock;
  }

  /**
   * @throws BadRequestException when the experiment has no such arm or the arm serves a policy
   * @throws ConflictException   when the gate did not pass and {@code force} is false, or the
   *                             version cannot be activated (about to expire, say)
   */
  public Result promote(Experiment experiment, String armName, boolean force) {
    Arm arm = experiment.arms().stream().filter(a -> a.name().equals(armName)).findFirst()
        .orElseThrow(() -> new BadRequestException("experiment " + experiment.name() + " has no arm " + armName
            + "; its arms: " + experiment.arms().stream().map(Arm::name).toList()));
    if (arm.version() == null) {
      throw new BadRequestException("arm " + armName + " serves the " + arm.policy().json()
          + " policy, not a model version: there is nothing to activate");
    }
    String gate = redis.hget(Keyspace.versionMeta(arm.version()), VersionMetaFields.GATE);
    boolean passed = VersionMetaFields.gatePassed(gate);
    if (!passed && !force) {
      throw new ConflictException("version " + arm.version() + (gate == null
          ? " has no quality-gate verdict (published with --no-tune or before the gate)"
          : "'s quality gate said: " + gate) + "; promote with force=true to activate it anyway");
    }
    ActivationResult activated = registry.activate(arm.version(), null);
    activeVersion.refresh();
    String record = "from experiment " + experiment.name() + " arm " + armName + " at " + clock.instant()
        + (passed ? "" : ", forced past the quality gate");
    redis.hset(Keyspace.versionMeta(arm.version()), VersionMetaFields.PROMOTED, record);
    return new Result(experiment.name(), armName, arm.version(), activated.previous(), gate, !passed);
  }
}
