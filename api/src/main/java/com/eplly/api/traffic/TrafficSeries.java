package com.eplly.api.traffic;

import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import com.eplly.contracts.traffic.MinuteTraffic;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/** Reads the per-minute figures of all api and ingest instances, one pipelined round trip. */
@Component
public class TrafficSeries {

  private final UnifiedJedis redis;
  private final Clock clock;

  public TrafficSeries(UnifiedJedis redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  /** The last {@code minutes} complete minutes, oldest first; a minute nobody wrote is empty. */
  public List<Minute> last(int minutes) {
    long current = clock.millis() / 60_000;
    List<Response<Map<String, String>>> api = new ArrayList<>(minutes);
    List<Response<Map<String, String>>> ingest = new ArrayList<>(minutes);
    try (AbstractPipeline p = redis.pipelined()) {
      for (long m = current - minutes; m < current; m++) {
        api.add(p.hgetAll(Keyspace.apiTraffic(m)));
        ingest.add(p.hgetAll(Keyspace.ingestTraffic(m)));
      }
      p.sync();
    }
    List<Minute> series = new ArrayList<>(minutes);
    for (int i = 0; i < minutes; i++) {
      series.add(new Minute(current - minutes + i, MinuteTraffic.of(api.get(i).get()),
          IngestMinuteTraffic.of(ingest.get(i).get())));
    }
    return series;
  }

  /** One minute's figures, merged over every api and every ingest instance. */
  public record Minute(long epochMinute, MinuteTraffic traffic, IngestMinuteTraffic ingest) {}
}
