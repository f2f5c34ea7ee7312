package com.eplly.recommender.evaluate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code metrics.json} and prints the summary table of an evaluation. */
public final class EvaluationReport {

  static final String SPLIT = "split";
  static final String MODELS = "models";
  static final String AT_K = "atK";
  static final String HR = "hr";
  static final String MRR = "mrr";
  static final String COVERAGE = "coverage";

  public static final String METRICS_FILE = "metrics.json";
  public static final String HTML_FILE = "report.html";

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private EvaluationReport() {}

  /** The metrics.json document: dataset, protocol, k, and per model its figures. */
  public static Map<String, Object> document(EvaluationResult r) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("dataset", r.dataset());
    doc.put("source", r.source());
    doc.put("protocol", r.protocol());
    doc.put("k", r.k());
    doc.put("seed", r.seed());
    doc.put(SPLIT, r.split());
    doc.put("tuning", r.tuning());
    doc.put(MODELS, models(r.models()));
    Map<String, Object> variants = new LinkedHashMap<>();
    r.variants().forEach((name, models) -> variants.put(name, models(models)));
    doc.put("variants", variants);
    doc.put("seconds", Math.round(r.seconds() * 10) / 10.0);
    return doc;
  }

  private static Map<String, Object> models(List<ModelResult> models) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ModelResult m : models) {
      Map<String, Object> one = new LinkedHashMap<>(figures(m.headline()));
      one.put("trainSeconds", Math.round(m.trainSeconds() * 100) / 100.0);
      one.put(AT_K, atK(m));
      List<Double> curve = new ArrayList<>();
      for (double v : m.hitCurve()) {
        curve.add(r4(v));
      }
      one.put("hrCurve", curve);
      if (!m.note().isEmpty()) {
        one.put("note", m.note());
      }
      out.put(m.name(), one);
    }
    return out;
  }

  /** A model's figures per cut-off, as metrics.json holds them. */
  public static Map<String, Object> atK(ModelResult m) {
    Map<String, Object> byK = new LinkedHashMap<>();
    m.byK().forEach((k, set) -> byK.put(String.valueOf(k), figures(set)));
    return byK;
  }

  private static Map<String, Object> figures(MetricSet s) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(HR, r4(s.hr()));
    f.put(MRR, r4(s.mrr()));
    f.put("ndcg", r4(s.ndcg()));
    f.put("precision", r4(s.precision()));
    f.put("recall", r4(s.recall()));
    f.put("map", r4(s.map()));
    f.put(COVERAGE, r4(s.coverage()));
    f.put("novelty", r4(s.novelty()));
    f.put("popularity", r4(s.popularity()));
    if (!Double.isNaN(s.fresh())) {
      f.put("freshUnder24h", r4(s.fresh()));
    }
    return f;
  }

  private static double r4(double v) {
    return Math.round(v * 1e4) / 1e4;
  }

  public static void write(EvaluationResult r, Path out) throws IOException {
    Files.createDirectories(out);
    JSON.writeValue(out.resolve(METRICS_FILE).toFile(), document(r));
    Files.writeString(out.resolve(HTML_FILE), HtmlReport.render(r));
  }

  /** The table printed at the end of a run. */
  public static void printSummary(EvaluationResult r, PrintStream out) {
    out.println();
    out.printf(Locale.ROOT, "%s — %s (k=%d, seed %d)%n", r.dataset(), r.protocol(), r.k(), r.seed());
    table(r.models(), r.k(), out);
    r.variants().forEach((name, models) -> {
      out.println(name + ":");
      table(models, r.k(), out);
    });
    out.printf(Locale.ROOT, "hybrid weights: %s; evaluation took %.1f s%n", r.tuning().get("hybridWeights"), r.seconds());
  }

  private static void table(List<ModelResult> models, int k, PrintStream out) {
    int second = k == 10 ? 20 : 10;
    boolean fresh = models.stream().anyMatch(m -> !Double.isNaN(m.headline().fresh()));
    out.printf(Locale.ROOT, "%-15s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s %7s%s %8s%n", "model", "HR@" + k, "MRR@" + k,
        "nDCG@" + k, "P@" + k, "R@" + k, "MAP@" + k, "HR@" + second, "MRR@" + second, "cover", "novel", "pop@" + k,
        fresh ? String.format(Locale.ROOT, " %7s", "<24h") : "", "train s");
    for (ModelResult m : models) {
      MetricSet h = m.headline();
      MetricSet t = m.byK().get(second);
      out.printf(Locale.ROOT, "%-15s %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.4f %7.3f %7.2f %7.4f%s %8.1f%n", m.name(),
          h.hr(), h.mrr(), h.ndcg(), h.precision(), h.recall(), h.map(), t.hr(), t.mrr(), h.coverage(), h.novelty(),
          h.popularity(), fresh ? String.format(Locale.ROOT, " %7.3f", h.fresh()) : "", m.trainSeconds());
    }
  }
}
