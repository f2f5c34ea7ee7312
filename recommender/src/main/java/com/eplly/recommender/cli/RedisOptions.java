package com.eplly.recommender.cli;

import com.eplly.recommender.publish.RedisEndpoint;
import java.util.List;

/**
 * Typed options of {@code reco rollback} and {@code reco activate}.
 *
 * @param redis   where the versions are published
 * @param version the version to activate (activate only)
 */
record RedisOptions(RedisEndpoint redis, String version) {

  static final List<Flag> FLAGS = List.of(Flag.REDIS);

  static RedisOptions from(CommandArgs a, boolean needsVersion) {
    String version = null;
    if (needsVersion) {
      if (a.positionals().size() != 1) {
        throw new UsageException("expected exactly one VERSION, got " + a.positionals().size());
      }
      version = a.positionals().get(0);
      try {
        com.eplly.recommender.model.VersionId.checked(version);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
    } else if (!a.positionals().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
    }
    return new RedisOptions(a.parsed("redis", RedisEndpoint::new), version);
  }
}
