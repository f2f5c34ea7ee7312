package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code reco activate V}: points the api at a given published version, extending its keys to
 * their publish TTL; refuses one about to expire, and a switch from another version than expected.
 */
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
    return "make a published (not expiring) version the active one, extending its keys' lifetime";
  }

  @Override
  public List<Flag> flags() {
    return RedisOptions.ACTIVATE_FLAGS;
  }

  @Override
  public int run(CommandArgs args, CliContext ctx) {
    RedisOptions options = RedisOptions.from(args, true);
    try (UnifiedJedis client = options.redis().open()) {
      VersionRegistry registry = options.registry(client);
      String from;
      if (options.expected().isPresent()) {
        from = options.expected().get();
        registry.activate(options.version(), from);
      } else {
        from = registry.activate(options.version());
      }
      ctx.out().println("active version is now " + options.version() + " (was " + (from == null ? "-" : from)
          + "); its keys expire in " + registry.publishTtl(options.version()).toDays() + " days");
    }
    return 0;
  }
}
