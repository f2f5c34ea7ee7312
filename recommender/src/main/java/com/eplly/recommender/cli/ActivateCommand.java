package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/** {@code reco activate V}: points the api at a given published version. */
final class ActivateCommand implements Command {

  @Override
  public String name() {
    return "activate";
  }

  @Override
  public String arguments() {
    return "VERSION";
  }

  @Override
  public String summary() {
    return "make a published (not expired) version the active one";
  }

  @Override
  public List<Flag> flags() {
    return RedisOptions.FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) {
    RedisOptions options = RedisOptions.from(args, true);
    try (UnifiedJedis client = options.redis().open()) {
      VersionRegistry registry = new VersionRegistry(client);
      String from = registry.active().orElse("-");
      registry.activate(options.version());
      ctx.out().println("active version is now " + options.version() + " (was " + from + ")");
    }
    return 0;
  }
}
