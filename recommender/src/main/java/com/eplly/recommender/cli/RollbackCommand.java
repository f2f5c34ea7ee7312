package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.redis.VersionSwitch;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code reco rollback}: re-activates the version published before the active one (extending its
 * keys), unless the active version changes meanwhile or that version is about to expire.
 */
@Command(name = "rollback",
    description = "activate the version published before the active one (if its keys still exist)")
final class RollbackCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Mixin
  RedisOptions redis;

  @Mixin
  RefuseMarginOption margin;

  @Mixin
  HelpOption help;

  RollbackCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (UnifiedJedis client = redis.endpoint().open()) {
      VersionRegistry registry = margin.registry(client);
      VersionSwitch plan = registry.planRollback();
      registry.apply(plan);
      ctx.out().println("rolled back: active version is now " + plan.to() + " (was " + plan.from() + ")");
    }
    return RecoCli.OK;
  }
}
