package com.eplly.recommender.cli;

import com.eplly.recommender.publish.RedisEndpoint;
import java.util.List;

/**
 * Typed options of {@code reco models}.
 *
 * @param models local folder of trained versions
 * @param redis  where versions are published
 */
record ModelsOptions(String models, RedisEndpoint redis) {

  static final List<Flag> FLAGS = List.of(Flag.MODELS, Flag.REDIS, Flag.REDIS_PASSWORD_FILE);

  static ModelsOptions from(CommandArgs a) {
    if (!a.positionals().isEmpty()) {
      throw new UsageException("unexpected argument '" + a.positionals().get(0) + "'");
    }
    return new ModelsOptions(a.string("models"), RedisOptions.endpoint(a));
  }
}
