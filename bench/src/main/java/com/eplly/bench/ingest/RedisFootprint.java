package com.eplly.bench.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Where Redis memory goes: scans every key once, groups keys by the first segment of their name,
 * checks each has a TTL, measures a sample with {@code MEMORY USAGE} and the size of capped
 * structures, and reads {@code INFO memory}.
 */
public final class RedisFootprint {

  /**
   * One group of keys (e.g. {@code reader}).
   *
   * @param keys       keys in the group
   * @param withoutTtl keys with no expiry
   * @param sampled    keys measured
   * @param meanBytes  mean MEMORY USAGE of the sample
   * @param maxLength  longest list / set / hash among the sample (its cap is checked by the caller)
   * @param meanLength mean length of the sample
   */
  public record Group(long keys, long withoutTtl, int sampled, double meanBytes, long maxLength, double meanLength) {
    public double estimatedBytes() {
      return keys * meanBytes;
    }
  }

  /** The whole picture. */
  public record Snapshot(long usedMemory, long datasetMemory, Map<String, Group> groups) {
    public long keys() {
      return groups.values().stream().mapToLong(Group::keys).sum();
    }

    public long withoutTtl() {
      return groups.values().stream().mapToLong(Group::withoutTtl).sum();
    }
  }

  private RedisFootprint() {}

  /** {@code used_memory} of {@code INFO memory}. */
  public static long usedMemory(Jedis jedis) {
    return infoField(jedis.info("memory"), "used_memory");
  }

  /**
   * @param sampleEvery measure every n-th key of a group (at least the first of each)
   */
  public static Snapshot take(Jedis jedis, int sampleEvery) {
    Map<String, long[]> counts = new LinkedHashMap<>(); // keys, without TTL
    Map<String, List<String>> samples = new LinkedHashMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().count(2_000);
    do {
      ScanResult<String> page = jedis.scan(cursor, params);
      List<String> keys = page.getResult();
      List<Response<Long>> ttls = new ArrayList<>(keys.size());
      try (Pipeline p = jedis.pipelined()) {
        keys.forEach(k -> ttls.add(p.pttl(k)));
        p.sync();
      }
      for (int i = 0; i < keys.size(); i++) {
        String group = groupOf(keys.get(i));
        long[] c = counts.computeIfAbsent(group, g -> new long[2]);
        if (c[0] % sampleEvery == 0) {
          samples.computeIfAbsent(group, g -> new ArrayList<>()).add(keys.get(i));
        }
        c[0]++;
        if (ttls.get(i).get() == -1) {
          c[1]++;
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));

    Map<String, Group> groups = new LinkedHashMap<>();
    counts.forEach((group, c) -> {
      List<String> sample = samples.getOrDefault(group, List.of());
      List<Response<Long>> bytes = new ArrayList<>();
      List<Response<String>> types = new ArrayList<>();
      try (Pipeline p = jedis.pipelined()) {
        sample.forEach(k -> {
          bytes.add(p.memoryUsage(k, 0)); // SAMPLES 0: measure every element exactly
          types.add(p.type(k));
        });
        p.sync();
      }
      List<Response<Long>> lengths = new ArrayList<>();
      try (Pipeline p = jedis.pipelined()) {
        for (int i = 0; i < sample.size(); i++) {
          String k = sample.get(i);
          lengths.add(switch (types.get(i).get()) {
            case "list" -> p.llen(k);
            case "zset" -> p.zcard(k);
            case "hash" -> p.hlen(k);
            case "set" -> p.scard(k);
            default -> p.strlen(k);
          });
        }
        p.sync();
      }
      double mean = bytes.stream().mapToLong(r -> r.get() == null ? 0 : r.get()).average().orElse(0);
      long max = lengths.stream().mapToLong(Response::get).max().orElse(0);
      double meanLength = lengths.stream().mapToLong(Response::get).average().orElse(0);
      groups.put(group, new Group(c[0], c[1], sample.size(), mean, max, meanLength));
    });
    String info = jedis.info("memory");
    return new Snapshot(infoField(info, "used_memory"), infoField(info, "used_memory_dataset"), groups);
  }

  /** {@code reader:r1:recent} → {@code reader}; a key without ':' is its own group. */
  static String groupOf(String key) {
    int colon = key.indexOf(':');
    return colon < 0 ? key : key.substring(0, colon);
  }

  static long infoField(String info, String field) {
    for (String line : info.split("\r?\n")) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim());
      }
    }
    throw new IllegalStateException("INFO has no " + field);
  }
}
