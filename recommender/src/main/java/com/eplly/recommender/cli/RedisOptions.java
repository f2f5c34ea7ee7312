package com.eplly.recommender.cli;

import com.eplly.recommender.publish.RedisEndpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --redis} and {@code --redis-password-file}: how every command finds Redis, with the
 * password from the file or {@value #PASSWORD_ENV}, so that it never appears on a command line.
 */
final class RedisOptions {

  /** Environment variable holding the Redis password, as for the api and ingest. */
  static final String PASSWORD_ENV = "EPLLY_REDIS_PASSWORD";
  static final String PASSWORD_FILE = "--redis-password-file";

  private final CliContext context;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(names = "--redis", paramLabel = "<uri>", defaultValue = "redis://localhost:6379",
      description = "Redis URI: redis://[user:password@]host:port[/db], "
          + "or redis-cluster://host:port,host:port,... for a Redis Cluster")
  RedisEndpoint redis;

  @Option(names = PASSWORD_FILE, paramLabel = "<file>",
      description = "file holding the Redis password (else $" + PASSWORD_ENV + "; a password in --redis wins); "
          + "for rediss:// the JVM's truststore applies (JAVA_OPTS=-Djavax.net.ssl.trustStore=…)")
  Path passwordFile;

  RedisOptions(CliContext context) {
    this.context = context;
  }

  /** {@code --redis} with the password from {@code --redis-password-file}, else from {@value #PASSWORD_ENV}. */
  RedisEndpoint endpoint() {
    // an empty variable counts as unset (withPassword)
    return redis.withPassword(passwordFile != null ? readPassword() : context.env().get(PASSWORD_ENV));
  }

  private String readPassword() {
    try {
      // a trailing newline (echo secret > file) is not part of the password
      String content = Files.readString(passwordFile, StandardCharsets.UTF_8).strip();
      if (content.isEmpty()) {
        throw new ParameterException(command.commandLine(), PASSWORD_FILE + " " + passwordFile + " is empty");
      }
      return content;
    } catch (IOException e) {
      throw new ParameterException(command.commandLine(), PASSWORD_FILE + ": cannot read " + passwordFile + " ("
          + e.getClass().getSimpleName() + ")");
    }
  }
}
