package com.eplly.ingest.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.util.SafeEncoder;

/**
 * The Lua script that applies a chunk of live-state updates together with its partition's
 * watermark ({@code apply-live.lua}), so Redis runs both or neither: that is what makes the live
 * state exactly once across retries, reply timeouts and replays.
 */
final class LiveScript {

  /** What the script answered for one watermark shard. */
  sealed interface Outcome {
    /** The updates are in Redis now; {@code replaced} keys held another type and were written afresh. */
    record Applied(List<String> replaced) implements Outcome {}

    /** An earlier run had applied the whole chunk; nothing was written. */
    record AlreadyApplied() implements Outcome {}

    /** An earlier run applied offsets up to {@code watermark}; nothing was written, send what lies after. */
    record PartlyApplied(long watermark) implements Outcome {}
  }

  private final String source;
  private final String sha;

  LiveScript() {
    try (InputStream in = LiveScript.class.getResourceAsStream("apply-live.lua")) {
      if (in == null) {
        throw new IllegalStateException("apply-live.lua is missing from the classpath");
      }
      this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.sha = sha1Hex(source);
  }

  /**
   * Queues one call on {@code pipeline}. {@code inline} sends the source (EVAL) instead of its
   * digest (EVALSHA), needed once per server whose script cache is empty (a restart, a new node).
   */
  Response<Object> queue(AbstractPipeline pipeline, String watermark, long watermarkTtlMs, int partition, long first,
      long last, Collection<KeyUpdate> updates, boolean inline) {
    List<String> keys = new ArrayList<>(updates.size() + 1);
    List<String> args = new ArrayList<>(updates.size() * 8 + 3);
    keys.add(watermark);
    args.add(Integer.toString(partition));
    args.add(Long.toString(first));
    args.add(Long.toString(last));
    args.add(Long.toString(watermarkTtlMs));
    for (KeyUpdate u : updates) {
      keys.add(u.key());
      u.appendArgs(args);
    }
    return inline ? pipeline.eval(source, keys, args) : pipeline.evalsha(sha, keys, args);
  }

  /** Reads a reply of the script. */
  static Outcome outcome(Object reply) {
    if (!(reply instanceof List<?> list) || list.isEmpty() || !(list.get(0) instanceof Long code)) {
      throw new IllegalStateException("unexpected reply of the live-state script: " + reply);
    }
    List<String> values = new ArrayList<>(list.size() - 1);
    for (Object v : list.subList(1, list.size())) {
      values.add(v instanceof byte[] b ? SafeEncoder.encode(b) : String.valueOf(v));
    }
    return switch (code.intValue()) {
      case 1 -> new Outcome.Applied(values);
      case 0 -> new Outcome.AlreadyApplied();
      case 2 -> new Outcome.PartlyApplied(Long.parseLong(values.get(0)));
      default -> throw new IllegalStateException("unexpected code of the live-state script: " + code);
    };
  }

  private static String sha1Hex(String text) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
