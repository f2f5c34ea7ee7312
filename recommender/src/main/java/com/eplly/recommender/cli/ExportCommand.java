package com.eplly.recommender.cli;

import com.eplly.recommender.privacy.ReaderExport;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reco export}: one reader's lake events as JSON ({@link ReaderExport}), with a one-line summary. */
@Command(name = "export",
    description = "one reader's lake events (page views, impressions; every field, erasures applied) as JSON")
final class ExportCommand implements Callable<Integer> {

  private final CliContext ctx;

  @Option(names = "--reader", required = true, paramLabel = "<readerId>", description = "the reader")
  String readerId;

  @Option(names = "--lake", paramLabel = "<folder-or-uri>", defaultValue = "var/lake",
      description = "event lake root: a folder or a Hadoop FileSystem URI (hdfs://, s3a://)")
  String lake;

  @Option(names = "--out", paramLabel = "<file>",
      description = "write the JSON here (default: standard output, the summary then goes to standard error)")
  Path out;

  @Mixin
  MasterOption master;

  @Mixin
  HelpOption help;

  ExportCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws Exception {
    long started = System.nanoTime();
    ReaderExport.Summary summary;
    try (SparkSession spark = SparkSessions.start(master.url)) {
      ReaderExport export = new ReaderExport(spark, ctx.clock());
      if (out != null) {
        try (OutputStream file = Files.newOutputStream(out)) {
          summary = export.export(lake, readerId, file);
        }
      } else {
        summary = export.export(lake, readerId, ctx.out());
        ctx.out().println();
      }
    }
    PrintStream report = out != null ? ctx.out() : ctx.err();
    report.printf(Locale.ROOT, "reader %s: %,d page views, %,d impressions%s%s in %.1f s%n", readerId,
        summary.pageViews(), summary.impressions(),
        summary.erasedAt().map(at -> ", erased at " + Instant.ofEpochMilli(at)).orElse(""),
        out == null ? "" : " -> " + out, (System.nanoTime() - started) / 1e9);
    return RecoCli.OK;
  }
}
