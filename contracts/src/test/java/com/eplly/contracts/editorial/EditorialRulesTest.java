package com.eplly.contracts.editorial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.event.Article;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EditorialRulesTest {

  private static final Instant NOW = Instant.parse("2026-12-08T12:00:00Z");

  private static Article article(String id, String section, String... tags) {
    return new Article(id, "T " + id, "https://x/" + id, section, 0, null, List.of(tags), null, false);
  }

  private static EditorialRule stored(EditorialRule r, String id, int minutesAgo) {
    return r.stored(id, NOW.minusSeconds(60L * minutesAgo));
  }

  @Test
  void onlyRulesInsideTheirWindowApply() {
    EditorialRules rules = EditorialRules.compile(List.of(
        stored(new EditorialRule(null, RuleKind.BLOCK, null, null, "soon", null, null, NOW.plusSeconds(600), null,
            "ed", null), "r0", 1),
        stored(EditorialRule.blockTag("over", NOW, "ed"), "r1", 60),
        stored(EditorialRule.blockTag("now", NOW.plusSeconds(3600), "ed"), "r2", 5)), NOW);
    PageRules page = rules.forPage(null, List.of());

    assertFalse(page.blocks(article("a", "world", "soon")));
    assertFalse(page.blocks(article("a", "world", "over")), "expiresAt is exclusive");
    assertTrue(page.blocks(article("a", "world", "now")));
    assertEquals(NOW.plusSeconds(600), rules.nextChangeAt(), "recompile when the first window opens");
    assertNull(EditorialRules.compile(List.of(), NOW).nextChangeAt());
  }

  @Test
  void blocksMatchTheIdTheSectionOrAnyTag() {
    PageRules page = EditorialRules.compile(List.of(
        stored(EditorialRule.blockArticle("a1", null, "ed"), "r0", 1),
        stored(EditorialRule.blockSection("obituaries", null, "ed"), "r1", 1),
        stored(EditorialRule.blockTag("graphic", null, "ed"), "r2", 1)), NOW).forPage(null, List.of());

    assertTrue(page.blocksId("a1"));
    assertFalse(page.blocksId("a2"), "a section or tag block needs the metadata");
    assertTrue(page.blocks(article("a1", "world")));
    assertTrue(page.blocks(article("a2", "obituaries")));
    assertTrue(page.blocks(article("a3", "world", "war", "graphic")));
    assertFalse(page.blocks(article("a4", "world", "war")));
    assertFalse(page.blocks(article("a5", null)));
  }

  @Test
  void factorsOfSectionAndTagsMultiplyWithinBounds() {
    PageRules page = EditorialRules.compile(List.of(
        stored(EditorialRule.boostSection("science", 2, null, NOW.plusSeconds(60), "ed"), "r0", 1),
        stored(EditorialRule.boostTag("space", 1.5, null, NOW.plusSeconds(60), "ed"), "r1", 1),
        stored(EditorialRule.boostTag("mars", 4, null, NOW.plusSeconds(60), "ed"), "r2", 1),
        stored(EditorialRule.boostTag("gossip", 0.5, null, NOW.plusSeconds(60), "ed"), "r3", 1),
        stored(EditorialRule.boostTag("gossip-2", 0.25, null, NOW.plusSeconds(60), "ed"), "r4", 1)), NOW)
        .forPage(null, List.of());

    assertEquals(1, page.factor(article("a", "world")));
    assertEquals(3, page.factor(article("a", "science", "space")));
    assertEquals(1.5, page.factor(article("a", "science", "space", "gossip")));
    assertEquals(4, page.factor(article("a", "science", "space", "mars")), "bounded to 4");
    assertEquals(0.25, page.factor(article("a", "world", "gossip", "gossip-2")), "bounded to 0.25");
    assertEquals(4, page.reach(), "as far as any article could rise");
    assertTrue(page.reorders());
  }

  @Test
  void aPageGathersThePinsOfItsSectionAndTagsOldestFirstEachArticleOnce() {
    EditorialRules rules = EditorialRules.compile(List.of(
        stored(EditorialRule.pinOnTag("p1", "election", 2, null, NOW.plusSeconds(60), "ed"), "r0", 1),
        stored(EditorialRule.pinOnSection("p2", "politics", 1, null, NOW.plusSeconds(60), "ed"), "r1", 9),
        stored(EditorialRule.pinOnSection("p1", "politics", 4, null, NOW.plusSeconds(60), "ed"), "r2", 5),
        stored(EditorialRule.pinOnSection("p3", "sport", 1, null, NOW.plusSeconds(60), "ed"), "r3", 20)), NOW);
    PageRules page = rules.forPage("politics", List.of("election"));

    assertEquals(List.of("p2", "p1"), page.pins().stream().map(EditorialRules.Pin::articleId).toList());
    assertEquals(4, page.slotOf("p1"), "p1's older pin, on the section, wins over its tag pin");
    assertEquals(0, page.slotOf("p3"));
    assertSame(rules.forPage("culture", List.of()), rules.forPage("world", List.of("x")),
        "a page without pins costs no allocation");
  }
}
