package com.eplly.recommender.cli;

/**
 * One {@code --name value} option (or a {@code --name} switch) of a command.
 *
 * @param name         without the leading dashes
 * @param defaultValue used when absent; null = no default (optional or a switch)
 * @param help         one line for {@code --help}
 * @param isSwitch     takes no value; present means true
 */
public record Flag(String name, String defaultValue, String help, boolean isSwitch) {

  public static Flag option(String name, String defaultValue, String help) {
    return new Flag(name, defaultValue, help, false);
  }

  public static Flag toggle(String name, String help) {
    return new Flag(name, null, help, true);
  }

  /** Options every Spark or Redis command shares, with defaults that run locally. */
  public static final Flag LAKE = option("lake", "var/lake", "event lake root: a folder or a Hadoop FileSystem URI (hdfs://, s3a://)");
  public static final Flag MODELS = option("models", "var/models", "folder (or Hadoop URI) holding trained versions");
  public static final Flag REDIS = option("redis", "redis://localhost:6379", "Redis URI: redis://[user:password@]host:port[/db], or redis-cluster://host:port,host:port,... for a Redis Cluster");
  public static final Flag REDIS_PASSWORD_FILE = option("redis-password-file", null, "file holding the Redis password (else $EPLLY_REDIS_PASSWORD; a password in --redis wins); for rediss:// the JVM's truststore applies (JAVA_OPTS=-Djavax.net.ssl.trustStore=…)");
  public static final Flag MASTER = option("master", "local[2]", "Spark master: local[N], spark://host:7077, yarn, k8s://…");
  public static final Flag TTL = option("ttl", "7d", "lifetime of the published keys (e.g. 7d, 36h)");
}
