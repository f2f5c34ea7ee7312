package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.experiment.RunningExperiments;
import com.eplly.api.support.HeadlessChromium;
import com.eplly.api.support.LiveStackTest;
import com.eplly.api.traffic.TrafficRollup;
import com.eplly.contracts.Topics;
import com.eplly.contracts.audit.AuditEvent;
import com.eplly.contracts.audit.AuditEventJson;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.contracts.traffic.IngestMinuteTraffic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The console in a real headless Chromium: the admin key typed once, the models table, an experiment
 * started from the form, its figures (and where its clicks landed, by position and by reason)
 * moving when the live counters do (written here as ingest would), the traffic charts of the
 * minutes the rollup wrote, a refusal's message, stopping and activating from their buttons, and
 * those actions in the admin actions table. Keeps screenshots in target/screenshots/console-*.png
 * (copies in docs/screenshots).
 */
class ConsoleBrowserTest extends LiveStackTest {

  private static final String OLDER = "v-console-0";
  private static final String EXPERIMENT = "console-ab";
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final AuditEventJson AUDIT_JSON = new AuditEventJson();

  @Autowired RunningExperiments running;
  @Autowired TrafficRollup rollup;

  @BeforeEach
  void publishTwoVersions() {
    seedFixture();
    redis.hset(Keyspace.versionMeta(VERSION), Map.of(
        VersionMetaFields.EVENTS, "1203344",
        VersionMetaFields.VALIDATION_CUT_OFF, "2026-11-26T00:00:00Z",
        VersionMetaFields.VALIDATION_HR10, "0.4851",
        VersionMetaFields.VALIDATION_MRR10, "0.2346",
        VersionMetaFields.GATE, "passed: HR@10 0.4851 >= 0.4616 - 0.01"));
    redis.hset(Keyspace.versionMeta(OLDER), Map.of(
        VersionMetaFields.CREATED, "2025-12-31T00:00:00Z",
        VersionMetaFields.EVENTS, "1100020",
        VersionMetaFields.VALIDATION_HR10, "0.4616",
        VersionMetaFields.VALIDATION_MRR10, "0.2334",
        VersionMetaFields.GATE, "passed: first version"));
    redis.set(Keyspace.popularList(OLDER), "[]");
    redis.zadd(Keyspace.versions(), System.currentTimeMillis() - 3_600_000, OLDER);
    running.refresh();
  }

  /** What ingest instances would have written over the last ten minutes: steady intake, a lag building on one partition. */
  private void writeIngestMinutes() {
    long now = System.currentTimeMillis() / 60_000;
    for (int k = 1; k <= 10; k++) {
      long minute = now - k;
      long end = (minute + 1) * 60_000;
      IngestMinuteTraffic figures = new IngestMinuteTraffic(
          Map.of(Topics.PAGE_VIEWS, 1_500L + 30 * k, Topics.IMPRESSIONS, 900L + 20 * k),
          k == 4 ? Map.of(Topics.PAGE_VIEWS, 12L) : Map.of(),
          Map.of(IngestMinuteTraffic.partition(Topics.PAGE_VIEWS, 0), 5L,
              IngestMinuteTraffic.partition(Topics.PAGE_VIEWS, 1), 400L * (10 - k)),
          Map.of(IngestMinuteTraffic.LAKE, end - 1_800, IngestMinuteTraffic.LIVE, end - 300));
      Map<String, String> fields = new HashMap<>();
      figures.sums().forEach((f, n) -> fields.put(f, Long.toString(n)));
      figures.maxima().forEach((f, n) -> fields.put(f, Long.toString(n)));
      redis.hset(Keyspace.ingestTraffic(minute), fields);
    }
  }

  @Test
  void showsModelsStartsAnExperimentAndFollowsItsCounters() throws Exception {
    HeadlessChromium.assumeInstalled();
    for (int i = 0; i < 30; i++) {
      assertThat(get("/v1/recommendations?articleId=cur&readerId=r-1").statusCode()).isEqualTo(200);
    }
    rollup.flushEndedMinute();
    writeIngestMinutes();
    try (HeadlessChromium browser = HeadlessChromium.start(1280, 1500)) {
      browser.navigate("http://localhost:" + port + "/console");
      // complete: console.js has run, so the form's submit is its own and not the browser's (a reload)
      browser.waitFor("document.readyState === 'complete' && typeof uPlot === 'function'"
          + " && !document.querySelector('#key-form').hidden",
          JsonNode::asBoolean, Duration.ofSeconds(20));
      assertThat(browser.evaluate("document.documentElement.outerHTML").asString()).doesNotContain(ADMIN_KEY);

      browser.evaluate("document.querySelector('#key').value = 'wrong'; true");
      browser.click("#key-form button[type=submit]");
      browser.waitFor("document.querySelector('#key-error').textContent",
          v -> v.asString().contains("X-Api-Key"), Duration.ofSeconds(10));

      browser.evaluate("document.querySelector('#key').value = '" + ADMIN_KEY + "'; true");
      browser.click("#key-form button[type=submit]");
      JsonNode rows = browser.waitFor(
          "Array.from(document.querySelectorAll('#models tbody tr')).map(r => r.dataset.version)",
          v -> v.size() == 2, Duration.ofSeconds(20));
      assertThat(rows.get(0).asString()).isEqualTo(VERSION);
      assertThat(rows.get(1).asString()).isEqualTo(OLDER);
      assertThat(browser.evaluate("document.querySelector('#models tr.active').dataset.version").asString())
          .isEqualTo(VERSION);
      assertThat(browser.evaluate("document.querySelector('#models tr.active').textContent").asString())
          .contains("0.4851", "0.2346", "1,203,344", "passed: HR@10");
      assertThat(browser.evaluate("sessionStorage.getItem('eplly.adminKey')").asString()).isEqualTo(ADMIN_KEY);

      // the form's default arms: the active version against the popularity baseline, 50/50
      browser.evaluate("document.querySelector('#exp-name').value = '" + EXPERIMENT + "'; true");
      browser.click("#start");
      String card = "document.querySelector('[data-experiment=\"" + EXPERIMENT + "\"]')";
      browser.waitFor(card + " && " + card + ".querySelector('.status').textContent",
          v -> "running".equals(v.asString()), Duration.ofSeconds(20));
      assertThat(redis.hget(Keyspace.experiments(), EXPERIMENT)).contains("\"version\":\"" + VERSION + "\"",
          "\"policy\":\"popular\"");
      assertThat(cell(browser, card, "A", "clicks")).isEqualTo("0");

      // ingest's live counters move: the page shows them on its next refresh
      String thisHour = LookSchedule.label(LookSchedule.periodOf(Instant.now()));
      redis.hset(Keyspace.experimentCounts(EXPERIMENT, thisHour), counts(Map.of(
          "A", new long[] {1_210, 3_400, 2_900, 174},
          "B", new long[] {1_190, 3_350, 2_870, 121})));
      redis.hset(Keyspace.experimentCounts(EXPERIMENT, thisHour), Map.of(
          Keyspace.experimentPositionClicksField("A", 1), "90",
          Keyspace.experimentPositionClicksField("A", 2), "50",
          Keyspace.experimentPositionClicksField("A", 3), "34",
          Keyspace.experimentPositionClicksField("B", 1), "121",
          Keyspace.experimentReasonClicksField("A", "read-together"), "100",
          Keyspace.experimentReasonClicksField("A", "similar-content"), "74",
          Keyspace.experimentReasonClicksField("B", "popular"), "121"));
      browser.waitFor(card + ".querySelector('tr[data-arm=\"A\"] .clicks').textContent",
          v -> "174".equals(v.asString()), Duration.ofSeconds(20));
      assertThat(cell(browser, card, "B", "viewable")).isEqualTo("2,870");
      assertThat(cell(browser, card, "A", "ctr")).isEqualTo("6.00 %");
      assertThat(browser.evaluate(card + ".querySelector('.lift .relative').textContent").asString())
          .isEqualTo("-29.7 %");
      assertThat(browser.evaluate(card + ".querySelector('.srm').textContent").asString()).contains("ok");
      // where the clicks landed: per position and per reason, over the arm's viewable answers
      assertThat(browser.waitFor(card + ".querySelector('.clicks-by.position tr[data-key=\"1\"] td[data-arm=\"A\"]')"
          + "?.textContent ?? ''", v -> !v.asString().isEmpty(), Duration.ofSeconds(20)).asString())
          .isEqualTo("3.10 % (90)");
      assertThat(browser.evaluate(card + ".querySelectorAll('.clicks-by.position tbody tr').length").asInt()).isEqualTo(3);
      assertThat(browser.evaluate(card + ".querySelector('.clicks-by.position tr[data-key=\"3\"] td[data-arm=\"B\"]')"
          + ".textContent").asString()).isEqualTo("0.00 % (0)");
      assertThat(browser.evaluate(card + ".querySelector('.clicks-by.reason tr[data-key=\"popular\"] td[data-arm=\"B\"]')"
          + ".textContent").asString()).isEqualTo("4.22 % (121)");
      // both charts drew their single look
      assertThat(browser.evaluate(card + ".querySelectorAll('.uplot canvas').length").asInt()).isEqualTo(2);

      // the traffic charts drew the minutes the api's rollup wrote, and ingest's
      browser.waitFor("document.querySelectorAll('#traffic-section .uplot canvas').length",
          v -> v.asInt() == 8, Duration.ofSeconds(20));
      assertThat(browser.evaluate("Array.from(document.querySelectorAll('#chart-lag .u-legend .u-label'))"
          + ".map(l => l.textContent).join(',')").asString()).isEqualTo("page-views-0,page-views-1");
      assertThat(browser.evaluate("document.querySelector('#traffic-msg').textContent").asString()).isEmpty();

      // an editor pins an article on the world section's pages from the form; a refused rule says why
      String expires = Instant.now().plus(Duration.ofHours(2)).toString().substring(0, 16);
      browser.evaluate("const f = (id, v) => { const e = document.querySelector(id); e.value = v;"
          + " e.dispatchEvent(new Event('change')); }; f('#rule-kind', 'pin'); f('#rule-article', 'l1');"
          + " f('#rule-scope', 'section'); f('#rule-target', 'world'); f('#rule-slot', '2');"
          + " f('#rule-expires', '" + expires + "'); f('#rule-by', 'desk'); true");
      browser.click("#add-rule");
      JsonNode rule = browser.waitFor("Array.from(document.querySelectorAll('#rules tbody tr')).map(r => r.textContent)",
          v -> v.size() == 1, Duration.ofSeconds(20));
      assertThat(rule.get(0).asString()).contains("pin", "l1", "section world", "slot 2", "desk", "in force");
      assertThat(redis.hlen(Keyspace.editorialRules())).isEqualTo(1);
      // the form lets a boost without an end through; the server refuses it and the reason is shown
      browser.evaluate("const k = document.querySelector('#rule-kind'); k.value = 'boost';"
          + " k.dispatchEvent(new Event('change')); document.querySelector('#rule-expires').value = ''; true");
      browser.click("#add-rule");
      browser.waitFor("document.querySelector('#rule-msg').textContent",
          v -> v.asString().contains("expiresAt is missing"), Duration.ofSeconds(20));
      assertThat(redis.hlen(Keyspace.editorialRules())).isEqualTo(1);

      browser.evaluate("document.fonts.ready.then(() => true)");
      browser.screenshot(SCREENSHOTS.resolve("console-models-experiments.png"));
      browser.evaluate("document.querySelector('#rules-section').scrollIntoView(); true");
      browser.screenshot(SCREENSHOTS.resolve("console-rules.png"));
      browser.evaluate("document.querySelector('#traffic-section').scrollIntoView(); true");
      browser.screenshot(SCREENSHOTS.resolve("console-traffic.png"));

      // the buttons, with the confirmation dialogs answered yes
      browser.evaluate("window.confirm = () => true; true");
      browser.evaluate("document.querySelector('#exp-name').value = '" + EXPERIMENT + "'; true");
      browser.click("#start");
      browser.waitFor("document.querySelector('#start-msg').textContent",
          v -> v.asString().contains("an experiment named " + EXPERIMENT + " exists"), Duration.ofSeconds(20));
      browser.click("[data-experiment=\"" + EXPERIMENT + "\"] button.stop");
      browser.waitFor(card + ".querySelector('.status').textContent",
          v -> "stopped".equals(v.asString()), Duration.ofSeconds(20));
      assertThat(redis.exists(Keyspace.runningExperiment("reader"))).isFalse();
      browser.click("#models tr[data-version=\"" + OLDER + "\"] button.activate");
      browser.waitFor("document.querySelector('#models tr.active').dataset.version",
          v -> OLDER.equals(v.asString()), Duration.ofSeconds(20));
      assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLDER);
      // nothing was published before the oldest version: the registry's 409 is shown, nothing changes
      browser.click("#rollback");
      browser.waitFor("document.querySelector('#models-msg').textContent",
          v -> v.asString().contains("no version published before " + OLDER), Duration.ofSeconds(20));
      assertThat(redis.get(Keyspace.activeVersion())).isEqualTo(OLDER);
      browser.click("#rules button.delete-rule");
      browser.waitFor("document.querySelectorAll('#rules tbody tr').length", v -> v.asInt() == 0, Duration.ofSeconds(20));
      assertThat(redis.hlen(Keyspace.editorialRules())).isZero();

      // every one of those clicks went to the audit topic; ingest's copy of it in Redis (done here as
      // ingest would) shows in the admin actions table, the newest first
      List<AuditEvent> actions = readAudit(read -> read.stream().anyMatch(a -> a.action().equals("rule.delete")),
          Duration.ofSeconds(30));
      actions.forEach(a -> redis.zadd(Keyspace.auditRecent(), a.at(), new String(AUDIT_JSON.write(a), StandardCharsets.UTF_8)));
      JsonNode audit = browser.waitFor("Array.from(document.querySelectorAll('#audit tbody tr'))"
          + ".map(r => Array.from(r.cells).slice(1).map(c => c.textContent).join(' '))",
          v -> v.size() >= 6, Duration.ofSeconds(20));
      assertThat(audit.get(0).asString()).isEqualTo("admin rule.delete " + actions.stream()
          .filter(a -> a.action().equals("rule.delete")).findFirst().orElseThrow().target() + " 200");
      assertThat(audit.get(1).asString()).isEqualTo("admin model.rollback – 409");
      assertThat(audit.get(2).asString()).isEqualTo("admin model.activate " + OLDER + " 200");
      assertThat(audit.get(3).asString()).isEqualTo("admin experiment.stop " + EXPERIMENT + " 200");
      browser.evaluate("document.querySelector('#audit-section').scrollIntoView(); true");
      browser.screenshot(SCREENSHOTS.resolve("console-audit.png"));
    }
  }

  private static String cell(HeadlessChromium browser, String card, String arm, String column) throws Exception {
    return browser.evaluate(card + ".querySelector('tr[data-arm=\"" + arm + "\"] ." + column + "').textContent")
        .asString();
  }

  /** Counter fields as ingest writes them: units, served, viewable, clicks per arm. */
  private static Map<String, String> counts(Map<String, long[]> byArm) {
    Map<String, String> fields = new HashMap<>();
    byArm.forEach((arm, c) -> {
      fields.put(Keyspace.experimentCountField(arm, ArmMeasure.UNITS), Long.toString(c[0]));
      fields.put(Keyspace.experimentCountField(arm, ArmMeasure.SERVED), Long.toString(c[1]));
      fields.put(Keyspace.experimentCountField(arm, ArmMeasure.VIEWABLE), Long.toString(c[2]));
      fields.put(Keyspace.experimentCountField(arm, ArmMeasure.CLICKS), Long.toString(c[3]));
    });
    return fields;
  }
}
