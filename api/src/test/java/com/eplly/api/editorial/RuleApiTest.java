package com.eplly.api.editorial;

import static org.assertj.core.api.Assertions.assertThat;

import com.eplly.api.support.LiveStackTest;
import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRuleJson;
import com.eplly.contracts.editorial.RuleKind;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The editorial rules admin API on the running api and a real redis-server: rules are stored,
 * refused with their reasons, and honoured by the next answers; a rule written by another instance
 * and a hidden flag set by ingest reach this one through the changes channel alone (the backstop
 * polls are set to an hour here, so nothing else could).
 */
@TestPropertySource(properties = {"eplly.editorial.refresh=1h", "eplly.recommend.article-cache-ttl=1h"})
class RuleApiTest extends LiveStackTest {

  private static final Duration WITHIN = Duration.ofSeconds(1);
  private static final String PAGE = "/v1/recommendations?articleId=cur&readerId=r-9&limit=5";

  private final EditorialRuleJson rules = new EditorialRuleJson();
  @Autowired ActiveRules active;
  @Autowired RuleStore store;

  @BeforeEach
  void seed() throws Exception {
    seedFixture();
    awaitAnswer(items -> !items.isEmpty());
  }

  @Test
  void aBlockIsStoredListedHonouredAndDeleted() throws Exception {
    assertThat(awaitAnswer(items -> items.contains("n1"))).contains("n1");

    HttpResponse<String> created = admin("POST", "/v1/admin/rules", ADMIN_KEY,
        "{\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"desk\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode rule = json.readTree(created.body());
    String id = rule.get("id").asString();
    assertThat(created.headers().firstValue("Location")).hasValue("/v1/admin/rules/" + id);
    assertThat(rule.get("createdAt").asString()).isNotBlank();
    assertThat(admin("GET", "/v1/admin/rules", ADMIN_KEY, null).body()).contains(id);

    assertThat(awaitAnswer(items -> !items.contains("n1"))).doesNotContain("n1");

    assertThat(admin("DELETE", "/v1/admin/rules/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(200);
    assertThat(admin("GET", "/v1/admin/rules/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
    assertThat(admin("DELETE", "/v1/admin/rules/" + id, ADMIN_KEY, null).statusCode()).isEqualTo(404);
    assertThat(awaitAnswer(items -> items.contains("n1"))).contains("n1");
  }

  @Test
  void aPinTakesItsSlotOnThePagesOfItsSection() throws Exception {
    String expires = Instant.now().plus(Duration.ofHours(1)).toString();
    HttpResponse<String> created = admin("POST", "/v1/admin/rules", ADMIN_KEY,
        "{\"kind\":\"pin\",\"article\":\"l1\",\"section\":\"world\",\"slot\":1,\"expiresAt\":\"" + expires
            + "\",\"createdBy\":\"desk\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    JsonNode answer = awaitAnswerJson(items -> !items.isEmpty() && items.get(0).equals("l1"));
    assertThat(answer.get("items").get(0).get("articleId").asString()).isEqualTo("l1");
    assertThat(answer.get("items").get(0).get("reason").asString()).isEqualTo("editors-pick");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "pin without slot   | {\"kind\":\"pin\",\"article\":\"l1\",\"section\":\"world\",\"expiresAt\":\"2099-01-01T00:00:00Z\",\"createdBy\":\"d\"} | slot",
      "boost too strong   | {\"kind\":\"boost\",\"section\":\"world\",\"factor\":10,\"expiresAt\":\"2099-01-01T00:00:00Z\",\"createdBy\":\"d\"} | factor",
      "unknown field      | {\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"d\",\"colour\":\"red\"} | colour",
      "already ended      | {\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"d\",\"expiresAt\":\"2001-01-01T00:00:00Z\"} | already past",
      "server-set id      | {\"id\":\"x\",\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"d\",\"createdAt\":\"2026-01-01T00:00:00Z\"} | set by the server",
      "no kind            | {\"article\":\"n1\",\"createdBy\":\"d\"} | kind is missing",
  })
  void anInvalidRuleIsRefusedWithItsReason(String name, String body, String reason) throws Exception {
    HttpResponse<String> refused = admin("POST", "/v1/admin/rules", ADMIN_KEY, body);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains(reason);
    assertThat(redis.hlen(Keyspace.editorialRules())).isZero();
  }

  @Test
  void withoutTheKeyNothingIsStored() throws Exception {
    HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/v1/admin/rules"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"block\",\"article\":\"n1\",\"createdBy\":\"d\"}")));
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(redis.hlen(Keyspace.editorialRules())).isZero();
  }

  /** Another instance stores a rule and announces it: this one honours it within a second, without polling. */
  @Test
  void aRuleOfAnotherInstanceArrivesByNotice() throws Exception {
    assertThat(awaitAnswer(items -> items.contains("n2"))).contains("n2");
    EditorialRule block = EditorialRule.blockSection("health", null, "other-instance")
        .stored("r-other", Instant.now());
    redis.hset(Keyspace.editorialRules(), block.id(), rules.write(block));
    redis.incr(Keyspace.editorialRevision());
    long published = System.nanoTime();
    redis.publish(Keyspace.changesChannel(), ChangeNotice.RULES.message());

    assertThat(awaitAnswer(items -> !items.contains("n2"))).doesNotContain("n2");
    System.out.printf("rule notice to first answer honouring it: %.1f ms%n", (System.nanoTime() - published) / 1e6);
  }

  /** Ingest hides an article and announces it: the cached metadata goes at once, not after its hour in the cache. */
  @Test
  void aHiddenFlagArrivesByNotice() throws Exception {
    assertThat(awaitAnswer(items -> items.contains("n1"))).contains("n1");
    article(new Article("n1", "Headline n1", "https://news.example/n1", "science",
        System.currentTimeMillis() - 3_600_000, "Summary", List.of("tag"), null, true));
    long published = System.nanoTime();
    redis.publish(Keyspace.changesChannel(), ChangeNotice.articles(List.of("n1")).message());

    assertThat(awaitAnswer(items -> !items.contains("n1"))).doesNotContain("n1");
    System.out.printf("hidden notice to first answer honouring it: %.1f ms%n", (System.nanoTime() - published) / 1e6);
  }

  /** The compiled rules know when the next rule starts or ends, and recompile then: no notice, no poll. */
  @Test
  void aScheduledRuleStartsAndEndsOnTime() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    store.add(new EditorialRule(null, RuleKind.BLOCK, null, "health", null, null, null,
        now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(2)), "desk", null));
    active.reload();
    Article health = new Article("x", "t", "u", "health", 0, null, List.of(), null, false);
    long t = now.toEpochMilli();

    assertThat(active.at(t).forPage(null, List.of()).blocks(health)).isFalse();
    assertThat(active.at(t + 3_600_000).forPage(null, List.of()).blocks(health)).isTrue();
    assertThat(active.at(t + 7_199_999).forPage(null, List.of()).blocks(health)).isTrue();
    assertThat(active.at(t + 7_200_000).forPage(null, List.of()).blocks(health)).isFalse();
  }

  private List<String> awaitAnswer(Predicate<List<String>> wanted) throws Exception {
    return ids(awaitAnswerJson(wanted));
  }

  /** The first answer for {@link #PAGE} whose item ids match, polled for {@link #WITHIN}; the last one otherwise. */
  private JsonNode awaitAnswerJson(Predicate<List<String>> wanted) throws Exception {
    long deadline = System.nanoTime() + WITHIN.toNanos();
    JsonNode answer;
    do {
      HttpResponse<String> response = get(PAGE);
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      answer = json.readTree(response.body());
      if (wanted.test(ids(answer))) {
        return answer;
      }
    } while (System.nanoTime() < deadline);
    return answer;
  }

  private static List<String> ids(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("items").forEach(item -> ids.add(item.get("articleId").asString()));
    return ids;
  }

}
