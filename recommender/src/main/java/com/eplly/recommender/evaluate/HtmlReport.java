package com.eplly.recommender.evaluate;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A self-contained HTML page (inline SVG, no external assets): a table, one bar chart per metric
 * across models, and the HR@k curve for k = 1..20.
 */
public final class HtmlReport {

  private static final String[] COLOURS = {"#8c8c8c", "#e6a23c", "#409eff", "#67c23a", "#9b59b6", "#1abc9c",
      "#e74c3c", "#34495e", "#f39c12"};

  private HtmlReport() {}

  public static String render(EvaluationResult r) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation: ")
        .append(esc(r.dataset())).append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}th:first-child,td:first-child{text-align:left}")
        .append(".charts{display:flex;flex-wrap:wrap;gap:24px}.chart h3{margin:4px 0;font-size:14px}")
        .append("</style></head><body>");
    b.append("<h1>Evaluation: ").append(esc(r.dataset())).append("</h1>");
    b.append("<p>").append(esc(r.protocol())).append("<br>k = ").append(r.k()).append(", seed ").append(r.seed())
        .append(", source ").append(esc(r.source())).append(String.format(Locale.ROOT, ", %.1f s", r.seconds()))
        .append("</p><p>Split: ").append(esc(String.valueOf(r.split()))).append("</p>");
    b.append("<p>Hybrid weights (fit on the validation split): ").append(esc(String.valueOf(r.tuning().get("hybridWeights"))))
        .append("</p>");
    section(b, "Test queries", r.models(), r.k());
    r.variants().forEach((name, models) -> section(b, name, models, r.k()));
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void section(StringBuilder b, String title, List<ModelResult> models, int k) {
    b.append("<h2>").append(esc(title)).append("</h2><table><tr><th>model</th>");
    for (String h : new String[] {"HR", "MRR", "nDCG", "precision", "recall", "MAP"}) {
      b.append("<th>").append(h).append('@').append(k).append("</th>");
    }
    int second = k == 10 ? 20 : 10;
    b.append("<th>HR@").append(second).append("</th><th>MRR@").append(second).append("</th>");
    b.append("<th>coverage</th><th>fresh &lt; 24 h</th><th>novelty</th><th>popularity@").append(k)
        .append("</th><th>train s</th><th>note</th></tr>");
    for (ModelResult m : models) {
      MetricSet h = m.headline();
      MetricSet t = m.byK().get(second);
      b.append("<tr><td>").append(esc(m.name())).append("</td>");
      for (double v : new double[] {h.hr(), h.mrr(), h.ndcg(), h.precision(), h.recall(), h.map(), t.hr(), t.mrr(),
          h.coverage(), h.fresh()}) {
        b.append(Double.isNaN(v) ? "<td>n/a</td>" : String.format(Locale.ROOT, "<td>%.4f</td>", v));
      }
      b.append(String.format(Locale.ROOT, "<td>%.2f</td><td>%.4f</td><td>%.1f</td><td style=\"text-align:left\">%s</td></tr>",
          h.novelty(), h.popularity(), m.trainSeconds(), esc(m.note())));
    }
    b.append("</table><div class=\"charts\">");
    Map<String, ToDoubleFunction<MetricSet>> metrics = new java.util.LinkedHashMap<>();
    metrics.put("HR@" + k, MetricSet::hr);
    metrics.put("MRR@" + k, MetricSet::mrr);
    metrics.put("nDCG@" + k, MetricSet::ndcg);
    metrics.put("precision@" + k, MetricSet::precision);
    metrics.put("recall@" + k, MetricSet::recall);
    metrics.put("MAP@" + k, MetricSet::map);
    metrics.put("catalog coverage", MetricSet::coverage);
    metrics.put("novelty (bits)", MetricSet::novelty);
    metrics.put("popularity bias@" + k + " (session-rec)", MetricSet::popularity);
    metrics.forEach((name, f) -> bars(b, name, models, f));
    b.append("</div>");
    curve(b, models);
  }

  private static void bars(StringBuilder b, String metric, List<ModelResult> models, ToDoubleFunction<MetricSet> f) {
    int width = 320;
    int rowH = 22;
    int left = 100;
    double max = models.stream().mapToDouble(m -> f.applyAsDouble(m.headline())).max().orElse(1);
    max = max <= 0 ? 1 : max;
    int height = models.size() * rowH + 10;
    b.append("<div class=\"chart\"><h3>").append(esc(metric)).append("</h3>")
        .append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", width, height));
    for (int i = 0; i < models.size(); i++) {
      double v = f.applyAsDouble(models.get(i).headline());
      double w = (width - left - 60) * v / max;
      int y = i * rowH + 5;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"end\">%s</text>",
          left - 6, y + 14, esc(models.get(i).name())));
      b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%.4f</title></rect>",
          left, y, w, rowH - 6, COLOURS[i % COLOURS.length], v));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%.4f</text>", left + w + 4, y + 13, v));
    }
    b.append("</svg></div>");
  }

  private static void curve(StringBuilder b, List<ModelResult> models) {
    int width = 640;
    int height = 320;
    int left = 50;
    int bottom = 30;
    int top = 10;
    int right = 130;
    double max = models.stream().flatMapToDouble(m -> java.util.Arrays.stream(m.hitCurve())).max().orElse(1);
    max = max <= 0 ? 1 : Math.min(1, Math.ceil(max * 10) / 10);
    int n = Evaluation.LIST_LENGTH;
    double plotW = width - left - right;
    double plotH = height - top - bottom;
    b.append("<h3>HR@k, k = 1..").append(n).append("</h3>")
        .append(String.format(Locale.ROOT, "<svg width=\"%d\" height=\"%d\" role=\"img\">", width, height));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", left, top, left, height - bottom));
    b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%.0f\" y2=\"%d\" stroke=\"#333\"/>", left,
        height - bottom, left + plotW, height - bottom));
    for (int t = 0; t <= 4; t++) {
      double v = max * t / 4;
      double y = height - bottom - plotH * t / 4;
      b.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%.2f</text>", left - 4, y + 4, v));
      b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#eee\"/>", left, y, left + plotW, y));
    }
    for (int k = 1; k <= n; k += (k == 1 ? 4 : 5)) {
      double x = left + plotW * (k - 1) / (n - 1);
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>", x, height - bottom + 16, k));
    }
    for (int i = 0; i < models.size(); i++) {
      StringBuilder pts = new StringBuilder();
      double[] c = models.get(i).hitCurve();
      for (int k = 0; k < c.length; k++) {
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", left + plotW * k / (n - 1), height - bottom - plotH * c[k] / max));
      }
      String colour = COLOURS[i % COLOURS.length];
      b.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
          .append(pts.toString().trim()).append("\"/>");
      b.append(String.format(Locale.ROOT, "<text x=\"%.0f\" y=\"%d\" font-size=\"12\" fill=\"%s\">%s</text>",
          left + plotW + 10, top + 14 + i * 16, colour, esc(models.get(i).name())));
    }
    b.append("</svg>");
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
