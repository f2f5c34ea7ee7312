package com.eplly.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.HeadlessChromium;
import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.codec.SuggestionListCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.VersionMetaFields;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo portal in a real headless Chromium: the "You Might Like" widget renders suggestions
 * for the open article, the block on screen is reported viewable, a click on one reaches the
 * page-views topic with referrerArticleId, requestId and position, and the page opens the clicked
 * article; a click on a block never in view reports it viewable first. Keeps a screenshot in target/screenshots/demo.png.
 */
class DemoPageBrowserTest extends LiveStackTest {

  private static final String DEMO_VERSION = "v-demo-browser";
  private static final Path SCREENSHOT = Path.of("target", "screenshots", "demo.png");

  private Article current;
  private final Map<String, Article> byId = new HashMap<>();

  @BeforeEach
  void seedDemoCatalog() {
    long now = System.currentTimeMillis();
    List<Article> servable = new DemoDataGenerator(DemoConfig.small(now)).articles().stream()
        .filter(a -> a.servableAt(now))
        .sorted(Comparator.comparingLong(Article::publishedAt).reversed())
        .limit(60)
        .toList();
    for (Article a : servable) {
      article(a);
      byId.put(a.articleId(), a);
      redis.zadd(Keyspace.latestArticles(), a.publishedAt(), a.articleId());
    }
    current = servable.get(0);
    // a model list as training would give: a few stories of the same section, then co-read ones
    List<Suggestion> neighbours = new ArrayList<>();
    servable.stream().skip(1).filter(a -> a.category().equals(current.category())).limit(3)
        .forEach(a -> neighbours.add(new Suggestion(a.articleId(), 0.8, Reason.SIMILAR_CONTENT)));
    servable.stream().skip(1).filter(a -> !a.category().equals(current.category())).limit(2)
        .forEach(a -> neighbours.add(new Suggestion(a.articleId(), 0.5, Reason.READ_TOGETHER)));
    redis.zadd(Keyspace.trending(now), Map.of(servable.get(40).articleId(), 30.0));
    redis.set(Keyspace.articleList(DEMO_VERSION, current.articleId()), SuggestionListCodec.encode(neighbours));
    redis.set(Keyspace.popularList(DEMO_VERSION), SuggestionListCodec.encode(servable.subList(20, 30).stream()
        .map(a -> new Suggestion(a.articleId(), 0.1, Reason.POPULAR)).toList()));
    redis.hset(Keyspace.versionMeta(DEMO_VERSION), Map.of(VersionMetaFields.CREATED, "2026-01-01T00:00:00Z"));
    redis.zadd(Keyspace.versions(), now, DEMO_VERSION);
    redis.set(Keyspace.activeVersion(), DEMO_VERSION);
    activeVersion.refresh();
  }

  @Test
  void widgetRendersAndAClickIsRecordedWithItsReferrer() throws Exception {
    HeadlessChromium.assumeInstalled();
    try (HeadlessChromium browser = HeadlessChromium.start(1200, 900)) {
      browser.navigate("http://localhost:" + port + "/?articleId=" + current.articleId());

      JsonNode shown = browser.waitFor(
          "Array.from(document.querySelectorAll('#ymal a[data-eplly-id]')).map(a => a.dataset.epllyId)",
          v -> v.isArray() && v.size() >= 3, Duration.ofSeconds(20));
      browser.waitFor("document.querySelector('#story h1') && document.querySelector('#story h1').textContent",
          v -> current.title().equals(v.asString()), Duration.ofSeconds(10));
      List<String> ids = new ArrayList<>();
      shown.forEach(v -> ids.add(v.asString()));
      assertThat(ids).doesNotContain(current.articleId()).allMatch(byId::containsKey);
      assertThat(browser.evaluate("document.querySelector('#ymal h2').textContent").asString())
          .isEqualTo("You Might Like");
      assertThat(browser.evaluate("document.querySelectorAll('#ymal .eplly-reason').length").asInt())
          .isEqualTo(ids.size());
      browser.evaluate("document.fonts.ready.then(() => true)");
      browser.screenshot(SCREENSHOT);

      String readerId = browser.evaluate("Eplly.readerId").asString();
      String requestId = browser.evaluate("document.querySelector('#ymal').dataset.epllyRequestId").asString();
      // the block is on screen: after a second in view, the widget reports it viewable
      ViewableImpression seen = (ViewableImpression) awaitImpression(
          e -> e instanceof ViewableImpression v && v.requestId().equals(requestId), Duration.ofSeconds(20));
      assertThat(seen.articleIds()).isEqualTo(ids);
      assertThat(seen.readerId()).isEqualTo(readerId);

      String clicked = ids.get(0);
      browser.click("#ymal a[data-eplly-id]");

      ConsumerRecord<String, byte[]> record = awaitPageView(
          v -> v.articleId().equals(clicked) && current.articleId().equals(v.referrerArticleId())
              && v.readerId().equals(readerId) && requestId.equals(v.requestId())
              && Integer.valueOf(1).equals(v.position()),
          Duration.ofSeconds(20));
      assertThat(record.key()).isEqualTo(readerId);
      // the single-page demo opened the clicked article in place and re-rendered the block for it
      browser.waitFor("document.querySelector('#story h1').textContent",
          v -> byId.get(clicked).title().equals(v.asString()), Duration.ofSeconds(10));
      browser.waitFor("document.querySelector('#ymal').getAttribute('data-eplly-article')",
          v -> clicked.equals(v.asString()), Duration.ofSeconds(10));
    }
  }

  @Test
  void aClickOnABlockNeverInViewReportsItViewableFirst() throws Exception {
    HeadlessChromium.assumeInstalled();
    try (HeadlessChromium browser = HeadlessChromium.start(1200, 900)) {
      browser.navigate("http://localhost:" + port + "/?articleId=" + current.articleId());
      browser.waitFor("document.readyState === 'complete' && !!window.Eplly", JsonNode::asBoolean, Duration.ofSeconds(20));
      // a second block far below the fold, so that it can only be reported viewable by a click;
      // mounted by hand only (data-eplly-manual), and the click is cancelled, so the page stays
      String requestId = browser.evaluate("(() => {"
          + " const d = document.createElement('div');"
          + " d.id = 'below'; d.style.marginTop = '6000px';"
          + " d.setAttribute('data-eplly-article', '" + current.articleId() + "');"
          + " d.setAttribute('data-eplly-manual', '');"
          + " d.addEventListener('eplly:click', e => { e.preventDefault(); window.recorded = e.detail.recorded; });"
          + " document.body.appendChild(d);"
          + " return Eplly.mount(d).then(body => body.requestId); })()").asString();
      String clicked = browser.evaluate("document.querySelector('#below a[data-eplly-id]').dataset.epllyId").asString();
      browser.evaluate("document.querySelector('#below a[data-eplly-id]').click(), true");
      // the widget's promise of the click's page view: true once the api answered 202
      assertThat(browser.evaluate("window.recorded").asBoolean()).isTrue();

      awaitPageView(v -> v.articleId().equals(clicked) && requestId.equals(v.requestId())
          && Integer.valueOf(1).equals(v.position()), Duration.ofSeconds(20));
      ViewableImpression seen = (ViewableImpression) awaitImpression(
          e -> e instanceof ViewableImpression v && v.requestId().equals(requestId), Duration.ofSeconds(20));
      assertThat(seen.articleIds()).startsWith(clicked);
    }
  }
}
