package com.eplly.recommender.cli;

import com.eplly.recommender.model.VersionId;
import com.eplly.recommender.publish.RedisEndpoint;
import java.time.Duration;
import java.util.List;

/**
 * Typed options of {@code reco publish}.
 *
 * @param models  where version folders are read from
 * @param master  Spark master URL
 * @param version the version to publish, or {@code latest} for the newest local one
 * @param redis   where to publish
 * @param ttl     lifetime of published keys
 */
record PublishOptions(String models, String master, String version, RedisEndpoint redis, Duration ttl) {

  static final List<Flag> FLAGS = List.of(
      Flag.option("version", VersionId.LATEST, "version folder to publish, or 'latest'"),
      Flag.MODELS, Flag.REDIS, Flag.REDIS_PASSWORD_FILE, Flag.TTL, Flag.MASTER);

  static PublishOptions from(CommandArgs a) {
    String version = a.string("version");
    if (!version.equals(VersionId.LATEST)) {
      a.parsed("version", VersionId::checked);
    }
    return new PublishOptions(a.string("models"), a.string("master"), version,
        RedisOptions.endpoint(a), TrainOptions.positive(a, "ttl"));
  }
}
