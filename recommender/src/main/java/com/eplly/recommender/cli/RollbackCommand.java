package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.contracts.redis.VersionSwitch;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code reco rollback}: re-activates the version published before the active one (extending its
 * keys), unless the active version changes meanwhile or that version is about to expire.
 */
final class RollbackCommand implements Command {

  @Override
  public String name() {
    return "rollback";
  }

  @Override
  public String summary() {
    return "activate the version published before the active one (if its keys still exist)";
  }

  @Override
  public List<Flag> flags() {
    return RedisOptions.FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) {
    RedisOptions options = RedisOptions.from(args, false);
    try (UnifiedJedis client = options.redis().open()) {
      VersionRegistry registry = options.registry(client);
      VersionSwitch plan = registry.planRollback();
      registry.apply(plan);
      ctx.out().println("rolled back: active version is now " + plan.to() + " (was " + plan.from() + ")");
    }
    return 0;
  }
}
