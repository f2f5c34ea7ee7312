package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import java.time.Duration;
import picocli.CommandLine.Option;
import redis.clients.jedis.UnifiedJedis;

/** {@code --refuse-margin} of the commands that switch the active version. */
final class RefuseMarginOption {

  @Option(names = "--refuse-margin", paramLabel = "<duration>", defaultValue = "1h",
      description = "refuse a version whose keys expire sooner than this (its lists may already be going)")
  Duration refuseMargin;

  /** The registry of the versions published on this Redis, refusing those that expire within the margin. */
  VersionRegistry registry(UnifiedJedis client) {
    return new VersionRegistry(client, refuseMargin);
  }
}
