package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code reco activate V}: points the api at a given published version, extending its keys to
 * their publish TTL; refuses one about to expire, and a switch from another version than expected.
 */
@Command(name = "activate",
    description = "make a published (not expiring) version the active one, extending its keys' lifetime")
final class ActivateCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "VERSION", converter = Converters.VersionName.class,
      description = "the published version to activate")
  String version;

  @Mixin
  RedisOptions redis;

  @Mixin
  RefuseMarginOption margin;

  @Option(names = "--expected", converter = Converters.VersionName.class,
      description = "switch only if this version is still the active one (fails, changing nothing, if another is)")
  String expected;

  @Mixin
  HelpOption help;

  ActivateCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() {
    try (UnifiedJedis client = redis.endpoint().open()) {
      VersionRegistry registry = margin.registry(client);
      String from;
      if (expected != null) {
        from = expected;
        registry.activate(version, expected);
      } else {
        from = registry.activate(version);
      }
      ctx.out().println("active version is now " + version + " (was " + (from == null ? "-" : from)
          + "); its keys expire in " + registry.publishTtl(version).toDays() + " days");
    }
    return RecoCli.OK;
  }
}
