package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** {@code reco rollback}: re-activates the version published before the active one. */
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
      VersionRegistry registry = new VersionRegistry(client);
      String from = registry.active().orElse("-");
      String to = registry.rollback();
      ctx.out().println("rolled back: active version is now " + to + " (was " + from + ")");
    }
    return 0;
  }
}
