package com.eplly.deploy.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options of the local stack; every default runs on a laptop as is.
 *
 * @param repoRoot       repository root (where the module jars are)
 * @param dataDir        everything the stack writes: Kafka logs, lake, models, process logs
 * @param kafkaPort      Kafka client port
 * @param controllerPort KRaft controller port
 * @param redisPort      Redis port
 * @param apiPort        api HTTP port (demo page, recommendations)
 * @param ingestPort     ingest actuator port
 * @param pageViews      demo page views to stream; null = the small demo's default
 * @param fresh          wipe {@code dataDir} first
 * @param help           print usage and exit
 */
public record StackOptions(Path repoRoot, Path dataDir, int kafkaPort, int controllerPort, int redisPort,
                           int apiPort, int ingestPort, Integer pageViews, boolean fresh, boolean simulate,
                           boolean help) {

  public static final String USAGE = """
      usage: deploy/bin/local-up [--build] [options]
        --fresh                 wipe the data folder first (Kafka logs, lake, models, logs)
        --data DIR              data folder (default: var/ under the repository root)
        --kafka-port N          Kafka client port (default 9092)
        --controller-port N     KRaft controller port (default 9093)
        --redis-port N          Redis port (default 6379)
        --api-port N            api port, demo page and recommendations (default 8080)
        --ingest-port N         ingest actuator port (default 8081)
                                (the api's actuator listens on --api-port + 2)
        --page-views N          demo page views to stream (default: the small demo's 30,000)
        --no-simulate           no reader simulator and no example experiment (by default simulated
                                readers browse, see and click, in an A/B test of the model vs popular)
        --help                  this text
      """;

  /** Parses {@code args}; {@code repoRoot} comes from the launcher (the folder of deploy/bin/..). */
  public static StackOptions parse(List<String> args, Path repoRoot) {
    Path data = null;
    int kafka = 9092;
    int controller = 9093;
    int redis = 6379;
    int api = 8080;
    int ingest = 8081;
    Integer views = null;
    boolean fresh = false;
    boolean simulate = true;
    boolean help = false;
    List<String> rest = new ArrayList<>(args);
    for (int i = 0; i < rest.size(); i++) {
      String a = rest.get(i);
      switch (a) {
        case "--fresh" -> fresh = true;
        case "--no-simulate" -> simulate = false;
        case "--help", "-h" -> help = true;
        case "--data" -> data = Path.of(value(rest, ++i, a));
        case "--kafka-port" -> kafka = port(rest, ++i, a);
        case "--controller-port" -> controller = port(rest, ++i, a);
        case "--redis-port" -> redis = port(rest, ++i, a);
        case "--api-port" -> api = port(rest, ++i, a);
        case "--ingest-port" -> ingest = port(rest, ++i, a);
        case "--page-views" -> {
          views = integer(rest, ++i, a);
          if (views < 1) {
            throw new IllegalArgumentException("--page-views must be at least 1, got " + views);
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + a + System.lineSeparator() + USAGE);
      }
    }
    List<Integer> ports = List.of(kafka, controller, redis, api, ingest);
    if (ports.stream().distinct().count() != ports.size()) {
      throw new IllegalArgumentException("ports must differ, got kafka " + kafka + ", controller " + controller
          + ", redis " + redis + ", api " + api + ", ingest " + ingest);
    }
    Path root = repoRoot.toAbsolutePath().normalize();
    Path dir = data == null ? root.resolve("var") : root.resolve(data).normalize();
    return new StackOptions(root, dir, kafka, controller, redis, api, ingest, views, fresh, simulate, help);
  }

  public Path lake() {
    return dataDir.resolve("lake");
  }

  public Path models() {
    return dataDir.resolve("models");
  }

  public Path logs() {
    return dataDir.resolve("logs");
  }

  public Path kafkaLogs() {
    return dataDir.resolve("kafka");
  }

  public Path redisDir() {
    return dataDir.resolve("redis");
  }

  private static String value(List<String> args, int i, String option) {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(i);
  }

  private static int integer(List<String> args, int i, String option) {
    String v = value(args, i, option);
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " must be a number, got \"" + v + "\"");
    }
  }

  private static int port(List<String> args, int i, String option) {
    int p = integer(args, i, option);
    if (p < 1 || p > 65_535) {
      throw new IllegalArgumentException(option + " must be a port in 1..65535, got " + p);
    }
    return p;
  }
}
