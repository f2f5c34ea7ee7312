package com.eplly.contracts.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EditorialRuleJsonTest {

  private final EditorialRuleJson json = new EditorialRuleJson();
  private final EditorialRuleValidation validation = new EditorialRuleValidation();

  private static final Instant FROM = Instant.parse("2026-12-08T06:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-12-08T18:00:00Z");

  @Test
  void aPinRequestReadsAndWritesBackToTheSameBytes() {
    String body = "{\"kind\":\"pin\",\"article\":\"a-1017\",\"section\":\"politics\",\"slot\":1,"
        + "\"startsAt\":\"2026-12-08T06:00:00Z\",\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"maria\"}";

    EditorialRule r = valid(body);

    assertEquals(EditorialRule.pinOnSection("a-1017", "politics", 1, FROM, UNTIL, "maria"), r);
    assertEquals(body, json.write(r));
  }

  @Test
  void storedRulesOfEveryKindRoundTrip() {
    Instant created = Instant.parse("2026-12-07T20:15:00.250Z");
    List<EditorialRule> rules = List.of(
        EditorialRule.blockArticle("a-1", null, "maria"),
        EditorialRule.blockSection("obituaries", UNTIL, "maria"),
        EditorialRule.blockTag("graphic-content", UNTIL, "maria"),
        EditorialRule.pinOnTag("a-2", "election-2026", 3, null, UNTIL, "jon"),
        EditorialRule.boostSection("science", 2.5, FROM, UNTIL, "jon"),
        EditorialRule.boostTag("celebrity", 0.5, null, UNTIL, "jon"));
    for (int i = 0; i < rules.size(); i++) {
      EditorialRule stored = rules.get(i).stored("r" + i, created);
      String written = json.write(stored);

      assertTrue(written.contains("\"createdAt\":\"2026-12-07T20:15:00.250Z\""), written);
      assertEquals(stored, valid(written), written);
    }
    assertTrue(json.write(rules).startsWith("[{\"kind\":\"block\",\"article\":\"a-1\""), json.write(rules));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no kind            | {\"article\":\"a1\",\"createdBy\":\"ed\"} | kind is missing (block, pin or boost)",
      "unknown kind       | {\"kind\":\"hide\",\"article\":\"a1\",\"createdBy\":\"ed\"} | kind must be one of block, pin, boost, got hide",
      "block of nothing   | {\"kind\":\"block\",\"createdBy\":\"ed\"} | a block needs exactly one of article, section or tag",
      "block of two       | {\"kind\":\"block\",\"article\":\"a1\",\"tag\":\"x\",\"createdBy\":\"ed\"} | a block needs exactly one of article, section or tag",
      "block with slot    | {\"kind\":\"block\",\"article\":\"a1\",\"slot\":2,\"createdBy\":\"ed\"} | slot is not a field of a block",
      "pin no article     | {\"kind\":\"pin\",\"section\":\"world\",\"slot\":1,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | article is missing: a pin needs the article to pin",
      "pin no page        | {\"kind\":\"pin\",\"article\":\"a1\",\"slot\":1,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | a pin needs exactly one of section or tag: the pages it is pinned on",
      "pin no slot        | {\"kind\":\"pin\",\"article\":\"a1\",\"tag\":\"x\",\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | slot is missing: a pin needs its place in the list, 1 to 50",
      "pin slot 0         | {\"kind\":\"pin\",\"article\":\"a1\",\"tag\":\"x\",\"slot\":0,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | slot must be an integer from 1 to 50, got 0",
      "pin slot 1.5       | {\"kind\":\"pin\",\"article\":\"a1\",\"tag\":\"x\",\"slot\":1.5,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | slot: Cannot coerce Floating-point value",
      "pin no expiry      | {\"kind\":\"pin\",\"article\":\"a1\",\"tag\":\"x\",\"slot\":1,\"createdBy\":\"ed\"} | expiresAt is missing: a pin applies within a time window",
      "boost of article   | {\"kind\":\"boost\",\"article\":\"a1\",\"factor\":2,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | a boost applies to a section or a tag, not an article (pin the article instead)",
      "boost no factor    | {\"kind\":\"boost\",\"tag\":\"x\",\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | factor is missing: above 1 boosts, below 1 buries",
      "boost factor 0     | {\"kind\":\"boost\",\"tag\":\"x\",\"factor\":0,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | factor must be from 0.25 to 4.0, got 0.0",
      "boost factor 50    | {\"kind\":\"boost\",\"tag\":\"x\",\"factor\":50,\"expiresAt\":\"2026-12-08T18:00:00Z\",\"createdBy\":\"ed\"} | factor must be from 0.25 to 4.0, got 50.0",
      "bad section        | {\"kind\":\"block\",\"section\":\"World News\",\"createdBy\":\"ed\"} | section must be 1-64 characters of [a-z0-9-] as the catalog writes it, got \"World News\"",
      "padded tag         | {\"kind\":\"block\",\"tag\":\" brexit\",\"createdBy\":\"ed\"} | tag must be 1-64 characters without surrounding spaces, got \" brexit\"",
      "bad article        | {\"kind\":\"block\",\"article\":\"a 1\",\"createdBy\":\"ed\"} | article must be 1-128 characters of [A-Za-z0-9._:-], got \"a 1\"",
      "window backwards   | {\"kind\":\"boost\",\"tag\":\"x\",\"factor\":2,\"startsAt\":\"2026-12-08T18:00:00Z\",\"expiresAt\":\"2026-12-08T06:00:00Z\",\"createdBy\":\"ed\"} | expiresAt 2026-12-08T06:00:00Z is not after startsAt 2026-12-08T18:00:00Z",
      "no creator         | {\"kind\":\"block\",\"article\":\"a1\"} | createdBy is missing: the editor who asks for the rule",
      "id in request      | {\"id\":\"r1\",\"kind\":\"block\",\"article\":\"a1\",\"createdBy\":\"ed\"} | id and createdAt are set by the server, not in a request",
      "typo field         | {\"kind\":\"block\",\"articles\":\"a1\",\"createdBy\":\"ed\"} | articles is not a field of a rule",
      "duplicate key      | {\"kind\":\"block\",\"kind\":\"pin\",\"article\":\"a1\",\"createdBy\":\"ed\"} | malformed JSON: Duplicate field 'kind'",
      "not json           | {oops | malformed JSON",
      "empty              | '' | empty body",
  })
  void refusesWithAMessageNamingTheField(String label, String body, String expected) {
    Decoded<EditorialRule> d = json.read(body);
    String reason = assertInstanceOf(Decoded.Invalid.class, d, label).reason();

    assertTrue(reason.contains(expected), label + ": " + reason);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    String reason = ((Decoded.Invalid<EditorialRule>) json.read(
        "{\"kind\":\"pin\",\"section\":\"World\",\"slot\":99,\"factor\":2}")).reason();

    assertEquals("article is missing: a pin needs the article to pin; slot must be an integer from 1 to 50, got 99; "
        + "factor is not a field of a pin; section must be 1-64 characters of [a-z0-9-] as the catalog writes it, "
        + "got \"World\"; expiresAt is missing: a pin applies within a time window; "
        + "createdBy is missing: the editor who asks for the rule", reason);
  }

  @Test
  void aNewRuleMustNotHaveEndedAlready() {
    EditorialRule r = EditorialRule.boostTag("x", 2, null, UNTIL, "ed");

    assertEquals(List.of(), validation.checkNew(r, UNTIL.minusSeconds(1)));
    assertEquals(List.of("expiresAt 2026-12-08T18:00:00Z is already past"), validation.checkNew(r, UNTIL));
  }

  private EditorialRule valid(String body) {
    Decoded<EditorialRule> d = json.read(body);
    return (EditorialRule) assertInstanceOf(Decoded.Valid.class, d, d::toString).value();
  }
}
