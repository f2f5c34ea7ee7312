package com.eplly.bench.faults;

import com.eplly.deploy.service.ApiService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The options of {@code deploy/bin/intake-faults}.
 *
 * @param cases          cases to run, in order (numbers 1-5 or names)
 * @param bodyMb         size of the huge POST body (case 1)
 * @param recordMb       uncompressed size of the oversized record (case 2)
 * @param views          valid page views per ingest case (cases 2-4)
 * @param redisWindowS   seconds Redis replies are swallowed (case 4)
 * @param outageRate     POSTs per second during the Kafka outage (case 5)
 * @param outageS        seconds of POSTing during the outage (case 5)
 * @param max503Ms       p99 bound of the 503 answers during the outage (case 5)
 * @param lakeMb         size of the lake's tmpfs
 * @param caseTimeoutS   backstop bound of each case; every wait inside a case is bounded below it
 * @param deadlineS      bound of the whole run, stack start included
 * @param ingestArgs     ingest settings, defaults first, each {@code --key=value}; a later key replaces an earlier one
 * @param apiArgs        api settings, likewise
 */
public record FaultOptions(List<String> cases, int bodyMb, int recordMb, int views, int redisWindowS, int outageRate, int outageS,
    int max503Ms, int lakeMb, int caseTimeoutS, int deadlineS, List<String> ingestArgs, List<String> apiArgs) {

  /** The cases, by number and name. */
  public static final List<String> ALL_CASES = List.of("huge-body", "oversized-record", "lake-full", "redis-timeout", "kafka-outage");

  /**
   * Ingest settings the run needs: a Redis timeout well under the reply-swallowing window, short
   * retry pauses (so a case does not sit out a 30 s back-off after its fault is gone), and one
   * consumer thread per page-views partition (so one stalled partition does not hold another).
   */
  public static final List<String> INGEST_DEFAULTS = List.of(
      "--eplly.redis.timeout=500ms",
      "--eplly.ingest.retry.max-interval=2s",
      "--eplly.ingest.kafka.page-view-concurrency=" + FaultStack.PARTITIONS);

  public static final String USAGE = """
      usage: intake-faults [--cases 1,2,3,4,5] [--body-mb 300] [--record-mb 5] [--views 200] [--redis-window 3]
                           [--outage-rate 200] [--outage-seconds 10] [--max-503-ms 200] [--lake-mb 64]
                           [--case-timeout 90] [--deadline 480]
                           [--ingest-arg --key=value]... [--api-arg --key=value]...
        cases: 1 huge-body, 2 oversized-record, 3 lake-full, 4 redis-timeout, 5 kafka-outage (run in the order given)""";

  /** The chosen cases as fault specs, in the order given. */
  public List<FaultSpec> specs() {
    Map<String, FaultSpec> all = Map.of(
        "huge-body", new HugeBodySpec(bodyMb),
        "oversized-record", new OversizedRecordSpec(recordMb, views),
        "lake-full", new LakeFullSpec(views),
        "redis-timeout", new RedisRepliesSwallowedSpec(redisWindowS, views),
        "kafka-outage", new BrokerDownUnderLoadSpec(outageRate, outageS, max503Ms));
    return cases.stream().map(all::get).toList();
  }

  /** Parses the command line; throws IllegalArgumentException with a message on a bad one. */
  public static FaultOptions parse(String[] args) {
    Map<String, String> opts = new LinkedHashMap<>();
    List<String> ingest = new ArrayList<>(INGEST_DEFAULTS);
    List<String> api = new ArrayList<>(ApiService.UNLIMITED_INTAKE);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String name;
      String value;
      int eq = a.indexOf('=');
      if (a.startsWith("--") && eq > 2 && (a.startsWith("--api-arg=") || a.startsWith("--ingest-arg=") || !a.substring(2, eq).contains("."))) {
        name = a.substring(2, eq);
        value = a.substring(eq + 1);
      } else if (a.startsWith("--") && i + 1 < args.length) {
        name = a.substring(2);
        value = args[++i];
      } else {
        throw new IllegalArgumentException("unknown or incomplete option " + a);
      }
      switch (name) {
        case "ingest-arg" -> ingest.add(setting(value));
        case "api-arg" -> api.add(setting(value));
        case "cases", "body-mb", "record-mb", "views", "redis-window", "outage-rate", "outage-seconds", "max-503-ms", "lake-mb",
            "case-timeout", "deadline" -> opts.put(name, value);
        default -> throw new IllegalArgumentException("unknown option --" + name);
      }
    }
    return new FaultOptions(cases(opts.getOrDefault("cases", "1,2,3,4,5")),
        positive(opts, "body-mb", 300), positive(opts, "record-mb", 5), positive(opts, "views", 200),
        positive(opts, "redis-window", 3), positive(opts, "outage-rate", 200), positive(opts, "outage-seconds", 10),
        positive(opts, "max-503-ms", 200), positive(opts, "lake-mb", 64), positive(opts, "case-timeout", 90),
        positive(opts, "deadline", 480), merged(ingest), merged(api));
  }

  private static String setting(String value) {
    if (!value.startsWith("--") || !value.contains("=")) {
      throw new IllegalArgumentException("--api-arg / --ingest-arg take a Spring setting like --eplly.x.y=value, got " + value);
    }
    return value;
  }

  /**
   * One entry per key, the last one winning, in first-seen order: Spring Boot would join a key
   * given twice on the command line into a list ("500ms,1s"), which no Duration parses.
   */
  static List<String> merged(List<String> settings) {
    Map<String, String> byKey = new LinkedHashMap<>();
    for (String s : settings) {
      int eq = s.indexOf('=');
      byKey.put(eq < 0 ? s : s.substring(0, eq), s);
    }
    return List.copyOf(byKey.values());
  }

  static List<String> cases(String list) {
    List<String> cases = new ArrayList<>();
    for (String c : list.split(",")) {
      String t = c.strip().toLowerCase(Locale.ROOT);
      if (t.isEmpty()) {
        continue;
      }
      if (t.matches("[1-5]")) {
        cases.add(ALL_CASES.get(Integer.parseInt(t) - 1));
      } else if (ALL_CASES.contains(t)) {
        cases.add(t);
      } else {
        throw new IllegalArgumentException("unknown case '" + c + "' (1-5 or " + String.join(", ", ALL_CASES) + ")");
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException("no case chosen");
    }
    return List.copyOf(cases);
  }

  private static int positive(Map<String, String> opts, String name, int fallback) {
    String v = opts.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < 1) {
        throw new IllegalArgumentException("--" + name + " must be at least 1, got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes a whole number, got " + v);
    }
  }
}
