package com.eplly.recommender.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** {@code --ttl} of the commands that publish. */
final class TtlOption {

  @Option(names = "--ttl", defaultValue = "7d", converter = Converters.PositiveDuration.class,
      description = "lifetime of the published keys (e.g. 7d, 36h)")
  Duration duration;
}
