package com.eplly.bench.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRuleValidation;
import com.eplly.contracts.editorial.RuleKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The benchmark's rules are valid requests, in the mix its Javadoc promises. */
class BenchRulesTest {

  @Test
  void aHundredValidRulesOfEveryKind() {
    Instant now = Instant.parse("2026-12-07T12:00:00Z");
    List<EditorialRule> rules = BenchRules.rules(100, 20_000, now, new Random(1));
    EditorialRuleValidation validation = new EditorialRuleValidation();

    assertEquals(100, rules.size());
    rules.forEach(r -> assertTrue(validation.checkNew(r, now).isEmpty(), () -> r + ": " + validation.checkNew(r, now)));
    Map<RuleKind, Long> byKind = rules.stream().collect(Collectors.groupingBy(EditorialRule::kind, Collectors.counting()));
    assertEquals(Map.of(RuleKind.BLOCK, 75L, RuleKind.PIN, 15L, RuleKind.BOOST, 10L), byKind);
  }
}
