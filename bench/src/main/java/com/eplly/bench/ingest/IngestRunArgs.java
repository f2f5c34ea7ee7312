package com.eplly.bench.ingest;

import java.util.ArrayList;
import java.util.List;

/** The ingest settings every benchmark and fault run adds to its own: a consumer group, a short summary interval and session. */
public final class IngestRunArgs {

  private IngestRunArgs() {}

  /**
   * @param groupId   consumer group; a fresh one reads the topics from the start
   * @param extraArgs the run's further {@code --key=value} settings, after (so overriding) these
   */
  public static List<String> with(String groupId, List<String> extraArgs) {
    List<String> args = new ArrayList<>();
    args.add("--eplly.ingest.kafka.group-id=" + groupId);
    args.add("--eplly.ingest.summary-interval=5s");
    // A SIGKILLed member stays in the group until its session times out; keep that wait short.
    args.add("--spring.kafka.consumer.properties.session.timeout.ms=6000");
    args.add("--spring.kafka.consumer.properties.heartbeat.interval.ms=1500");
    args.addAll(extraArgs);
    return args;
  }
}
