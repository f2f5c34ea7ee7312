package com.eplly.bench.train;

import com.eplly.deploy.process.StepFailedException;
import com.eplly.deploy.service.RecommenderCli;
import com.eplly.deploy.service.RepoLayout;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training scale benchmark ({@code deploy/bin/bench-train}): per size, a generated portal is
 * written into a lake ({@code reco generate}, kept for re-runs), then {@code reco train} runs on it
 * in a fresh JVM whose wall time, CPU time and peak memory are measured; a table and a
 * {@code scaling} line compare the sizes. Exit status 0 when every size trained.
 */
public final class BenchTrain {

  private static final String VERSION = "bench";
  private static final String DONE_MARKER = "GENERATED";
  private static final Pattern COUNT = Pattern.compile("\"(events|readers|articles)\"\\s*:\\s*(\\d+)");
  private static final Pattern SECONDS = Pattern.compile("\"trainSeconds\"\\s*:\\s*([0-9.]+)");

  private final RecommenderCli reco;
  private final BenchTrainOptions options;
  private final PrintStream out;

  BenchTrain(RecommenderCli reco, BenchTrainOptions options, PrintStream out) {
    this.reco = reco;
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) {
    PrintStream out = System.out;
    RepoLayout repo = new RepoLayout(Path.of(System.getProperty("eplly.repo.root", ".")));
    BenchTrainOptions options;
    try {
      options = BenchTrainOptions.parse(args, repo.root());
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      out.println(BenchTrainOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      out.println(BenchTrainOptions.USAGE);
      return;
    }
    // Redis is never used: the benchmark trains without publishing.
    RecommenderCli reco = new RecommenderCli(repo, "redis://unused:0");
    List<SizeResult> results = new ArrayList<>();
    try {
      BenchTrain bench = new BenchTrain(reco, options, out);
      for (int size : options.sizes()) {
        results.add(bench.measure(size));
        ScaleReport.print(results, options.heap(), out);
      }
    } catch (StepFailedException e) {
      out.println("[bench-train] FAILED: " + e.report());
      System.exit(1);
    }
  }

  SizeResult measure(int size) {
    String label = Sizes.label(size);
    Path folder = options.work().resolve(label + "-seed" + options.seed());
    Path lake = folder.resolve("lake");
    Path logs = folder.resolve("logs");
    MeasuredRun.Cost generate = new MeasuredRun.Cost(0, 0, 0);
    if (Files.exists(folder.resolve(DONE_MARKER))) {
      out.printf("[bench-train] %s: reusing the generated lake %s%n", label, lake);
    } else {
      out.printf(Locale.ROOT, "[bench-train] %s: generating %,d page views into %s%n", label, size, lake);
      deleteRecursively(folder);
      generate = new MeasuredRun(out, "  [" + label + " generate] ").run("reco generate " + label,
          reco.generate(lake, size, options.seed(), options.generatorHeap()), options.repoRoot(),
          logs.resolve("generate.log"), options.timeout());
      write(folder.resolve(DONE_MARKER), "complete\n");
    }
    Path models = folder.resolve("models");
    deleteRecursively(models);
    out.printf("[bench-train] %s: reco train, -Xmx%s, Spark local[2]%n", label, options.heap());
    MeasuredRun.Cost train = new MeasuredRun(out, "  [" + label + " train] ").run("reco train " + label,
        reco.trainOnly(lake, models, VERSION, options.heap(), profiling(logs)), options.repoRoot(), logs.resolve("train.log"),
        options.timeout());
    String meta = read(models.resolve(VERSION).resolve("model.json"));
    long[] counts = new long[3];
    Matcher m = COUNT.matcher(meta);
    while (m.find()) {
      counts[List.of("events", "readers", "articles").indexOf(m.group(1))] = Long.parseLong(m.group(2));
    }
    Matcher s = SECONDS.matcher(meta);
    double jobSeconds = s.find() ? Double.parseDouble(s.group(1)) : Double.NaN;
    if (!options.keepModels()) {
      deleteRecursively(models);
    }
    return new SizeResult(size, counts[0], counts[1], counts[2], generate, train, jobSeconds);
  }

  /** With {@code --jfr}: a flight recording of the training next to its log, for finding hot spots. */
  private List<String> profiling(Path logs) {
    return options.jfr()
        ? List.of("-XX:StartFlightRecording=filename=" + logs.resolve("train.jfr") + ",settings=profile,dumponexit=true")
        : List.of();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StepFailedException("train wrote no " + file, e);
    }
  }

  private static void write(Path file, String text) {
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
