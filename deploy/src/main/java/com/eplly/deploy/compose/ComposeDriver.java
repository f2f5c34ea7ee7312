package com.eplly.deploy.compose;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.client.ApiClient;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The host-side steps of {@code deploy/bin/compose-test}, one command per call; the script runs the
 * containers. Every call regenerates the same demo portal from {@code --seed} and {@code --end}.
 * <pre>
 *   catalog   --seed S --end MS                       articleId TAB json lines, for kafka-console-producer
 *   stream    --seed S --end MS --api URL --sent FILE --from I --to J [--rate 18]
 *   lake      --lake DIR --sent FILE                  exit 0 when every accepted event is there once
 *   recommend --api URL --sent FILE                   exit 0 when the best-read article gets model reasons
 * </pre>
 * Exit status 0 = the check passed; the last line printed is the step's summary for the table.
 */
public final class ComposeDriver {

  /** Reasons a trained model gives; the others are the api's fallbacks. */
  static final Set<String> MODEL_REASONS = Set.of(Reason.SIMILAR_READERS.wireName(), Reason.READ_TOGETHER.wireName(),
      Reason.SIMILAR_CONTENT.wireName());

  private final Map<String, String> options;
  private final PrintStream out;

  private ComposeDriver(Map<String, String> options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || args.length % 2 == 0) {
      System.err.println("usage: ComposeDriver catalog|stream|lake|recommend --option value ...");
      System.exit(2);
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    ComposeDriver driver = new ComposeDriver(options, System.out);
    boolean passed = switch (args[0]) {
      case "catalog" -> driver.catalog();
      case "stream" -> driver.stream();
      case "lake" -> driver.lake();
      case "recommend" -> driver.recommend();
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
    System.exit(passed ? 0 : 1);
  }

  private boolean catalog() {
    EventCodec codec = new EventCodec(Clock.systemUTC());
    for (Article a : portal().articles()) {
      out.println(a.articleId() + "\t" + new String(codec.encode(a), StandardCharsets.UTF_8));
    }
    return true;
  }

  private boolean stream() throws InterruptedException {
    List<PageView> all = portal().pageViewStream().toList();
    List<PageView> views = all.subList(Integer.parseInt(option("from")), Math.min(all.size(), Integer.parseInt(option("to"))));
    PacedStreamer streamer = new PacedStreamer(api(), new EventCodec(Clock.systemUTC()), sentLog(), out);
    PacedStreamer.Result r = streamer.stream(views, Double.parseDouble(options.getOrDefault("rate", "18")));
    out.printf(Locale.ROOT, "posted %d, accepted %d, re-sent after 429/503 %d, refused %d in %.0f s%n",
        views.size(), r.accepted(), r.retried(), r.failed(), r.seconds());
    return r.failed() == 0;
  }

  private boolean lake() {
    List<String> ids = sentLog().read().stream().map(SentLog.Entry::eventId).toList();
    LakeCount c = LakeCount.of(Path.of(option("lake")), LakeLayout.PAGE_VIEWS, ids);
    out.printf(Locale.ROOT, "accepted %d lake %d lost %d duplicated %d unexpected %d%n",
        c.sent(), c.lines(), c.lost(), c.duplicated(), c.unexpected());
    return c.exactlyOnce();
  }

  private boolean recommend() {
    Map<String, Long> reads = sentLog().read().stream()
        .collect(Collectors.groupingBy(SentLog.Entry::articleId, Collectors.counting()));
    String article = reads.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    ApiClient.Recommendations recs = api().recommendations(article, null, 6);
    Map<String, Long> reasons = recs.items().stream()
        .collect(Collectors.groupingBy(ApiClient.Item::reason, java.util.TreeMap::new, Collectors.counting()));
    boolean model = recs.status() == 200 && recs.modelVersion() != null && !recs.degraded()
        && reasons.keySet().stream().anyMatch(MODEL_REASONS::contains);
    out.printf(Locale.ROOT, "%s: status %d, version %s, %d items, reasons %s%s%n", article, recs.status(),
        recs.modelVersion(), recs.items().size(), reasons, recs.degraded() ? ", degraded" : "");
    return model;
  }

  private DemoDataGenerator portal() {
    // the generator ends a few sessions early (about 2 % fewer views than asked): ask for 5 % more
    int views = Integer.parseInt(options.getOrDefault("views", "2000")) * 21 / 20;
    return new DemoDataGenerator(new DemoConfig(Long.parseLong(options.getOrDefault("seed", "7")), 150, 400, views,
        Long.parseLong(option("end")), Duration.ofDays(2)));
  }

  private ApiClient api() {
    return new ApiClient(URI.create(option("api")), Duration.ofSeconds(10));
  }

  private SentLog sentLog() {
    return new SentLog(Path.of(option("sent")));
  }

  private String option(String name) {
    return java.util.Optional.ofNullable(options.get(name))
        .orElseThrow(() -> new IllegalArgumentException("missing --" + name));
  }
}
