package com.eplly.deploy.local;

import com.eplly.deploy.simulate.ReaderSimulator;
import com.eplly.deploy.simulate.ExampleExperiment;
import com.eplly.deploy.simulate.ClickModel;
import com.eplly.deploy.client.ApiClient;
import java.util.Map;
import java.util.HexFormat;
import java.security.SecureRandom;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.demo.DemoProducer;
import com.eplly.deploy.demo.DemoStreamer;
import com.eplly.deploy.kafka.BrokerSettings;
import com.eplly.deploy.kafka.KafkaBroker;
import com.eplly.deploy.kafka.TopicLayout;
import com.eplly.deploy.lake.LakeProgress;
import com.eplly.deploy.process.Await;
import com.eplly.deploy.process.ChildProcess;
import com.eplly.deploy.process.Ports;
import com.eplly.deploy.process.ServiceLauncher;
import com.eplly.deploy.process.ServiceProcess;
import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.redis.LocalRedis;
import com.eplly.deploy.redis.RedisServerSettings;
import com.eplly.deploy.service.ApiService;
import com.eplly.deploy.service.IngestService;
import com.eplly.deploy.service.RecommenderCli;
import com.eplly.deploy.service.RepoLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.Producer;

/**
 * The one-command local stack: an in-JVM Kafka broker, a redis-server, the ingest and api
 * processes, a stream of realistic demo data and a first trained model; then it keeps running
 * until Ctrl-C, which stops everything it started, newest first.
 */
public final class LocalStack {

  private static final int STEPS = 8;
  private static final Duration SERVICE_START = Duration.ofSeconds(120);
  private static final Duration TRAINING = Duration.ofMinutes(15);

  /** The reader simulator is one client standing in for a portal's many browsers: no per-client cap for it. */
  private static final List<String> SIMULATOR_CLIENT = List.of(
      "--eplly.events.rate-limit.per-client=1000", "--eplly.events.rate-limit.per-client-burst=2000");

  private final StackOptions options;
  private final RepoLayout repo;
  private final PrintStream out;
  private final Clock clock;
  private final Deque<Running> started = new ArrayDeque<>();
  private final ServiceLauncher launcher;

  /** Something started that must be stopped on the way out. */
  private record Running(String name, AutoCloseable resource) {}

  LocalStack(StackOptions options, PrintStream out, Clock clock) {
    this.options = options;
    this.repo = new RepoLayout(options.repoRoot());
    this.launcher = new ServiceLauncher(repo, options.repoRoot(), options.logs());
    this.out = out;
    this.clock = clock;
  }

  public static void main(String[] args) {
    Path root = Path.of(System.getProperty("eplly.repo.root", "."));
    StackOptions options;
    try {
      options = StackOptions.parse(Arrays.asList(args), root);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(StackOptions.USAGE);
      return;
    }
    LocalStack stack = new LocalStack(options, System.out, Clock.systemUTC());
    Runtime.getRuntime().addShutdownHook(new Thread(stack::stopAll, "local-stack-shutdown"));
    try {
      stack.start();
    } catch (StepFailedException e) {
      System.err.println();
      System.err.println("FAILED: " + e.report());
      System.exit(1);
    } catch (RuntimeException e) {
      System.err.println();
      System.err.println("FAILED: " + e.getMessage());
      System.exit(1);
    }
    stack.watch();
  }

  void start() {
    long begin = System.nanoTime();
    prepareDataDir();
    repo.requireBuilt();
    requirePortsFree();
    Steps steps = new Steps(options.simulate() ? STEPS + 1 : STEPS, out);

    KafkaBroker broker = steps.run("Starting Kafka (KRaft) on localhost:" + options.kafkaPort(), () -> started(
        "Kafka", KafkaBroker.start(new BrokerSettings("localhost", options.kafkaPort(), options.controllerPort(), options.kafkaLogs()))));
    LocalRedis redis = steps.run("Starting Redis on localhost:" + options.redisPort(), () -> started(
        "Redis", LocalRedis.start(new RedisServerSettings(options.redisPort(), RedisServerSettings.DEFAULT_MAX_MEMORY, options.redisDir()))));
    steps.run("Creating topics", () -> {
      List<String> created = broker.createTopics(TopicLayout.LOCAL);
      out.println("      " + (created.isEmpty() ? "all topics existed already" : "created " + String.join(", ", created)));
    });

    IngestService ingest = new IngestService(broker.bootstrapServers(), redis.port(), options.lake(), options.ingestPort());
    steps.run("Starting ingest on :" + options.ingestPort(), () ->
        startService(launcher.ingest(ingest, "ingest", List.of())));
    // actuator two ports above the api, as 8080/8082 in the images
    ApiService api = new ApiService(broker.bootstrapServers(), redis.port(), List.of(), options.apiPort(),
        options.apiPort() + 2);
    String adminKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    // the api reads the lake ingest writes for readers' exports
    List<String> apiArgs = new ArrayList<>(List.of("--eplly.lake.dir=" + options.lake().toAbsolutePath()));
    if (options.simulate()) {
      apiArgs.addAll(SIMULATOR_CLIENT);
    }
    steps.run("Starting api on :" + options.apiPort(), () ->
        startService(launcher.api(api, apiArgs, Map.of("EPLLY_ADMIN_API_KEY", adminKey))));

    long now = clock.millis();
    DemoConfig demo = options.pageViews() == null ? DemoConfig.small(now) : DemoConfig.small(now).withPageViews(options.pageViews());
    DemoDataGenerator generator = new DemoDataGenerator(demo);
    PopularArticles popular = new PopularArticles(now - Duration.ofHours(12).toMillis());
    // both figures grow by what ingest writes now; neither counts hours `reco compact` already turned into Parquet
    long linesBefore = LakeProgress.lines(options.lake(), LakeLayout.PAGE_VIEWS);
    long offsetsBefore = LakeProgress.offsetsCovered(options.lake(), LakeLayout.PAGE_VIEWS);
    long sent = steps.run(String.format("Streaming the demo portal: %,d articles, %,d page views over %d days ending now",
        demo.articles(), demo.pageViews(), demo.span().toDays()), () -> {
      try (Producer<String, byte[]> producer = DemoProducer.create(broker.bootstrapServers())) {
        DemoStreamer streamer = new DemoStreamer(producer, new EventCodec(clock), out);
        streamer.sendArticles(generator.articles());
        return streamer.sendPageViews(popular.counting(generator.pageViews()), demo.pageViews());
      }
    });
    steps.run("Waiting for ingest to write them to the lake", () -> awaitLake(linesBefore, offsetsBefore, sent));

    RecommenderCli reco = new RecommenderCli(repo, redis.uri());
    steps.run("Training and publishing the first model (Spark local[2]; log: " + rel(options.logs().resolve("recommender.log")) + ")", () -> {
      ChildProcess train = ChildProcess.start("recommender", reco.trainAndPublish(options.lake(), options.models()),
          options.repoRoot(), options.logs().resolve("recommender.log"));
      started("recommender training", train);
      int rc = train.awaitExit(TRAINING);
      if (rc != 0) {
        throw new StepFailedException("train --publish exited with " + rc, train);
      }
    });

    String article = popular.top(generator.articles(), now).orElse(generator.articles().get(generator.articles().size() - 1).articleId());
    String base = "http://localhost:" + options.apiPort();
    if (options.simulate()) {
      steps.run("Starting the example A/B test (model vs popular) and the reader simulator", () ->
          simulate(api, adminKey, generator));
    }
    out.printf("%nEplly is up (%.0f s).%n", (System.nanoTime() - begin) / 1e9);
    out.printf("  demo page        %s/?articleId=%s%n", base, article);
    out.printf("  recommendations  curl '%s/v1/recommendations?articleId=%s&readerId=r-00001&limit=6'%n", base, article);
    out.printf("  retrain          deploy/bin/reco train --publish --lake %s --models %s --redis %s%n",
        rel(options.lake()), rel(options.models()), redis.uri());
    out.printf("  console          %s/console   (admin key for this run: %s)%n", base, adminKey);
    out.printf("  logs             %s/%n", rel(options.logs()));
    out.println("Ctrl-C stops everything.");
  }

  /**
   * Starts the example experiment and the simulated readers, who print a tally with the experiment's
   * report every minute.
   */
  private void simulate(ApiService api, String adminKey, DemoDataGenerator generator) {
    ApiClient client = new ApiClient(api.base(), Duration.ofSeconds(5));
    ExampleExperiment experiment = new ExampleExperiment(client, adminKey);
    String name;
    try {
      name = experiment.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the example experiment: " + e.getMessage(), e);
    }
    ReaderSimulator simulator = new ReaderSimulator(client, generator, ClickModel.standard(generator), clock,
        ReaderSimulator.Options.standard());
    started("reader simulator", simulator);
    simulator.start(line -> out.println("      " + line + System.lineSeparator() + "      "
        + experiment.line(name, simulator.tallies())), Duration.ofMinutes(1));
    out.printf("      experiment %s running; %s blocks/s from simulated readers%n", name,
        ReaderSimulator.Options.standard().blocksPerSecond());
  }

  /** Blocks while the services run; if one dies, says so and exits (the shutdown hook cleans up). */
  void watch() {
    while (true) {
      for (Running r : List.copyOf(started)) {
        if (r.resource() instanceof ServiceProcess p && !p.isAlive()) {
          System.err.println(new StepFailedException(p.name() + " stopped unexpectedly", p.child()).report());
          System.exit(1);
        }
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Stops what was started, newest first; safe to call twice. */
  synchronized void stopAll() {
    if (!started.isEmpty()) {
      out.println();
      out.println("Stopping ...");
    }
    while (!started.isEmpty()) {
      Running r = started.pop();
      long t = System.nanoTime();
      try {
        r.resource().close();
        out.printf("  stopped %s (%.1f s)%n", r.name(), (System.nanoTime() - t) / 1e9);
      } catch (Exception e) {
        out.printf("  %s did not stop cleanly: %s%n", r.name(), e.getMessage());
      }
    }
    out.flush();
  }

  private synchronized <T extends AutoCloseable> T started(String name, T resource) {
    started.push(new Running(name, resource));
    return resource;
  }

  private void startService(ServiceProcess service) {
    ServiceProcess p = started(service.name(), service);
    out.println("      pid " + p.child().pid() + ", log " + rel(p.log()));
    p.awaitReady(SERVICE_START);
  }

  /** Cheap gate on file names first, then the exact line count (ranges of hour files may overlap). */
  private void awaitLake(long linesBefore, long offsetsBefore, long sent) {
    long target = linesBefore + sent;
    Duration deadline = Duration.ofSeconds(Math.max(90, target / 250));
    try {
      Await.until(String.format("the lake to hold %,d page views", target), deadline, ingestProcess(),
          () -> LakeProgress.offsetsCovered(options.lake(), LakeLayout.PAGE_VIEWS) >= offsetsBefore + sent
              && LakeProgress.lines(options.lake(), LakeLayout.PAGE_VIEWS) >= target);
    } catch (StepFailedException e) {
      throw new StepFailedException(String.format("%s; it holds %,d", e.getMessage(),
          LakeProgress.lines(options.lake(), LakeLayout.PAGE_VIEWS)), ingestProcess());
    }
    out.printf("      the lake holds %,d page views in JSONL (hours compacted to Parquet not counted)%n",
        LakeProgress.lines(options.lake(), LakeLayout.PAGE_VIEWS));
  }

  private ChildProcess ingestProcess() {
    return started.stream().map(Running::resource).filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
        .filter(p -> p.name().equals("ingest")).map(ServiceProcess::child).findFirst().orElse(null);
  }

  private void requirePortsFree() {
    Ports.requireFree(options.kafkaPort(), "Kafka (--kafka-port)");
    Ports.requireFree(options.controllerPort(), "the Kafka controller (--controller-port)");
    Ports.requireFree(options.redisPort(), "Redis (--redis-port)");
    Ports.requireFree(options.apiPort(), "the api (--api-port)");
    Ports.requireFree(options.apiPort() + 2, "the api's actuator (--api-port + 2)");
    Ports.requireFree(options.ingestPort(), "ingest (--ingest-port)");
  }

  private void prepareDataDir() {
    try {
      if (options.fresh() && Files.exists(options.dataDir())) {
        out.println("Wiping " + rel(options.dataDir()) + " (--fresh)");
        try (Stream<Path> all = Files.walk(options.dataDir())) {
          for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(options.logs());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + options.dataDir() + ": " + e.getMessage(), e);
    }
    // The in-JVM broker and Redis log through slf4j-simple: to a file, so the console keeps the progress lines.
    System.setProperty("org.slf4j.simpleLogger.logFile", options.logs().resolve("stack.log").toString());
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "info");
    System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.kafka", "warn");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }

  private String rel(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(options.repoRoot()) ? options.repoRoot().relativize(abs).toString() : abs.toString();
  }
}
