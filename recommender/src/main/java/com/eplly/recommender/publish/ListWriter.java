package com.eplly.recommender.publish;

import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.recommender.model.SuggestionLists;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * Writes one Spark partition of list rows to Redis, {@code batchSize} SETs with TTL per pipeline
 * round trip. Runs on executors: it opens its own connection and reports keys written through an
 * accumulator; any Redis error fails the task (and so the publish, before the pointer flips).
 */
public final class ListWriter implements ForeachPartitionFunction<Row> {

  private final RedisEndpoint redis;
  private final ListKind kind;
  private final String version;
  private final long ttlSeconds;
  private final int batchSize;
  private final LongAccumulator written;

  public ListWriter(RedisEndpoint redis, ListKind kind, String version, long ttlSeconds, int batchSize,
      LongAccumulator written) {
    this.redis = redis;
    this.kind = kind;
    this.version = version;
    this.ttlSeconds = ttlSeconds;
    this.batchSize = batchSize;
    this.written = written;
  }

  @Override
  public void call(Iterator<Row> rows) {
    if (!rows.hasNext()) {
      return;
    }
    SetParams expiry = SetParams.setParams().ex(ttlSeconds);
    try (UnifiedJedis client = redis.open(); AbstractPipeline pipeline = client.pipelined()) {
      List<Response<String>> pending = new ArrayList<>(batchSize);
      while (rows.hasNext()) {
        Row row = rows.next();
        String id = row.getString(row.fieldIndex(kind.keyColumn()));
        String value = SuggestionListCodec.encode(SuggestionLists.fromRow(row));
        pending.add(pipeline.set(kind.key(version, id), value, expiry));
        if (pending.size() >= batchSize) {
          flush(pipeline, pending);
        }
      }
      flush(pipeline, pending);
    }
  }

  private void flush(AbstractPipeline pipeline, List<Response<String>> pending) {
    pipeline.sync();
    for (Response<String> response : pending) {
      response.get(); // throws the server's error, if any
    }
    written.add(pending.size());
    pending.clear();
  }
}
