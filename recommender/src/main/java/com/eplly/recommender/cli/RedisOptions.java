package com.eplly.recommender.cli;

import com.eplly.contracts.redis.VersionRegistry;
import com.eplly.recommender.model.VersionId;
import com.eplly.recommender.publish.RedisEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Typed options of {@code reco rollback} and {@code reco activate}, and how every command finds
 * Redis: {@code --redis}, with the password from {@code --redis-password-file} or
 * {@value #PASSWORD_ENV} so that it never appears on a command line.
 *
 * @param redis        where the versions are published
 * @param version      the version to activate (activate only)
 * @param expected     activate only if this version is still the active one (activate only; empty = whichever is)
 * @param refuseMargin refuse a version whose keys expire sooner than this
 */
record RedisOptions(RedisEndpoint redis, String version, Optional<String> expected, Duration refuseMargin) {

  /** Environment variable holding the Redis password, as for the api and ingest. */
  static final String PASSWORD_ENV = "EPLLY_REDIS_PASSWORD";

  static final Flag REFUSE_MARGIN = Flag.option("refuse-margin", "1h",
      "refuse a version whose keys expire sooner than this (its lists may already be going)");
  static final Flag EXPECTED = Flag.option("expected", null,
      "switch only if this version is still the active one (fails, changing nothing, if another is)");

  static final List<Flag> FLAGS = List.of(Flag.REDIS, Flag.REDIS_PASSWORD_FILE, REFUSE_MARGIN);
  static final List<Flag> ACTIVATE_FLAGS = List.of(Flag.REDIS, Flag.REDIS_PASSWORD_FILE, REFUSE_MARGIN, EXPECTED);

  static RedisOptions from(CommandArgs a, boolean needsVersion) {
    String version = null;
    Optional<String> expected = Optional.empty();
    if (needsVersion) {
      if (a.positionals().size() != 1) {
        throw new UsageException("expected exactly one VERSION, got " + a.positionals().size());
      }
      version = a.positionals().get(0);
      try {
        VersionId.checked(version);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      expected = a.optional("expected").map(v -> a.parsed("expected", VersionId::checked));
    } else if (!a.positionals().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
    }
    return new RedisOptions(endpoint(a), version, expected, a.duration("refuse-margin"));
  }

  /** {@code --redis} with the password from {@code --redis-password-file}, else from {@value #PASSWORD_ENV}. */
  static RedisEndpoint endpoint(CommandArgs a) {
    RedisEndpoint endpoint = a.parsed("redis", RedisEndpoint::new);
    Optional<String> file = a.optional(Flag.REDIS_PASSWORD_FILE.name());
    String password = file.isPresent() ? readPassword(file.get()) : a.env(PASSWORD_ENV).orElse(null);
    return endpoint.withPassword(password);
  }

  VersionRegistry registry(redis.clients.jedis.UnifiedJedis client) {
    return new VersionRegistry(client, refuseMargin);
  }

  private static String readPassword(String file) {
    try {
      // a trailing newline (echo secret > file) is not part of the password
      String content = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
      if (content.isEmpty()) {
        throw new UsageException("--" + Flag.REDIS_PASSWORD_FILE.name() + " " + file + " is empty");
      }
      return content;
    } catch (IOException e) {
      throw new UsageException("--" + Flag.REDIS_PASSWORD_FILE.name() + ": cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
