package com.eplly.deploy.simulate;

import com.eplly.deploy.client.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The local stack's example A/B test: the trained model (arm A) against the popular baseline
 * (arm B), half the readers each; and a one-line view of its report next to the simulator's truth,
 * which also notes when the always-valid p-value first fell under 0.01.
 */
public final class ExampleExperiment {

  public static final String NAME = "hybrid-vs-popular";

  private final ApiClient api;
  private final String apiKey;
  private final ObjectMapper json = new ObjectMapper();
  private final long startedNanos = System.nanoTime();
  private Duration significantAfter;

  public ExampleExperiment(ApiClient api, String apiKey) {
    this.api = api;
    this.apiKey = apiKey;
  }

  /** Starts it on the active version; one a previous run left running (same data folder) is stopped first. */
  public String start() throws IOException {
    String version = json.readTree(api.admin("GET", "v1/admin/models", null, apiKey).body()).path("active").asText(null);
    if (version == null) {
      throw new IllegalStateException("no active model version to experiment with");
    }
    for (JsonNode e : json.readTree(api.admin("GET", "v1/admin/experiments", null, apiKey).body())) {
      if (e.path("name").asText().startsWith(NAME) && "running".equals(e.path("status").asText())) {
        api.admin("POST", "v1/admin/experiments/" + e.path("name").asText() + "/stop", null, apiKey);
      }
    }
    String name = NAME + "-" + Long.toString(System.currentTimeMillis() / 1000, 36);
    String body = String.format(Locale.ROOT, """
        {"name":"%s","unit":"reader","arms":[{"name":"A","version":"%s","share":50},{"name":"B","policy":"popular","share":50}]}""",
        name, version);
    ApiClient.AdminAnswer answer = api.admin("POST", "v1/admin/experiments", body, apiKey);
    if (answer.status() != 201) {
      throw new IllegalStateException("starting the example experiment answered " + answer.status() + ": " + answer.body());
    }
    return name;
  }

  /** The report's lift and p-value next to the simulator's measured and true CTRs. */
  public String line(String name, Map<String, ReaderSimulator.ArmTally> truth) {
    ApiClient.AdminAnswer answer = api.admin("GET", "v1/admin/experiments/" + name, null, apiKey);
    if (answer.status() != 200) {
      return "experiment " + name + ": report answered " + answer.status();
    }
    JsonNode report;
    try {
      report = json.readTree(answer.body());
    } catch (IOException e) {
      return "experiment " + name + ": unreadable report";
    }
    JsonNode lift = report.path("lifts").path(0);
    double p = lift.path("pValue").asDouble(1);
    if (p < 0.01 && significantAfter == null) {
      significantAfter = Duration.ofNanos(System.nanoTime() - startedNanos);
    }
    ReaderSimulator.ArmTally a = truth.get("A");
    ReaderSimulator.ArmTally b = truth.get("B");
    String trueLift = a == null || b == null || a.trueCtr() == 0 ? "?"
        : String.format(Locale.ROOT, "%+.1f %%", 100 * (b.trueCtr() / a.trueCtr() - 1));
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "experiment %s:", name));
    for (JsonNode arm : report.path("arms")) {
      s.append(String.format(Locale.ROOT, " %s CTR %.2f %% of %,d viewable;", arm.path("name").asText(),
          100 * arm.path("ctr").asDouble(0), arm.path("viewable").asLong()));
    }
    s.append(String.format(Locale.ROOT, " lift of B %+.1f %% (true %s), always-valid p %.4f", 100 * lift.path("relative").asDouble(0),
        trueLift, p));
    if (significantAfter != null) {
      s.append(String.format(Locale.ROOT, "; p < 0.01 after %d min %d s", significantAfter.toMinutes(),
          significantAfter.toSecondsPart()));
    }
    return s.toString();
  }
}
