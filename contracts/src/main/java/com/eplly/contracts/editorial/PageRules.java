package com.eplly.contracts.editorial;

import com.eplly.contracts.editorial.EditorialRules.Pin;
import com.eplly.contracts.event.Article;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The editorial rules of one request's page, as the merge asks them: a hash lookup or a few per candidate. */
public final class PageRules {

  private final EditorialRules rules;
  private final List<Pin> pins;
  private final Map<String, Integer> slots;

  PageRules(EditorialRules rules, List<Pin> pins) {
    this.rules = rules;
    this.pins = List.copyOf(pins);
    this.slots = new HashMap<>();
    for (Pin p : pins) {
      slots.putIfAbsent(p.articleId(), p.slot());
    }
  }

  /** No rules: the merge behaves as without editorial control. */
  public static PageRules none() {
    // a method, not a constant: EditorialRules builds PageRules while it initialises
    return EditorialRules.NONE.forPage(null, List.of());
  }

  /** The page's pins, oldest rule first, each article once. */
  public List<Pin> pins() {
    return pins;
  }

  /** The slot (1-based) the article is pinned to on this page, or 0. */
  public int slotOf(String articleId) {
    Integer slot = pins.isEmpty() ? null : slots.get(articleId);
    return slot == null ? 0 : slot;
  }

  /** Whether the id is blocked, before its metadata is known. */
  public boolean blocksId(String articleId) {
    return rules.blocks && rules.blockedArticles.contains(articleId);
  }

  /** Whether the article, its section or one of its tags is blocked. */
  public boolean blocks(Article a) {
    if (!rules.blocks) {
      return false;
    }
    if (rules.blockedArticles.contains(a.articleId())
        || a.category() != null && rules.blockedSections.contains(a.category())) {
      return true;
    }
    List<String> tags = a.tags();
    for (int i = 0; i < tags.size(); i++) {
      if (rules.blockedTags.contains(tags.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** Whether some factor differs from 1, so that the merge must rank rather than walk in order. */
  public boolean reorders() {
    return rules.reorders;
  }

  /** The largest {@link #factor} any article can get; 1 without boosts. */
  public double reach() {
    return rules.reach;
  }

  /**
   * The product of the factors of the article's section and tags, within
   * [{@link EditorialRuleValidation#MIN_FACTOR}, {@link EditorialRuleValidation#MAX_FACTOR}]; 1 when none applies.
   */
  public double factor(Article a) {
    if (!rules.reorders) {
      return 1;
    }
    double f = 1;
    Double section = a.category() == null ? null : rules.sectionFactors.get(a.category());
    if (section != null) {
      f *= section;
    }
    List<String> tags = a.tags();
    for (int i = 0; i < tags.size(); i++) {
      Double tag = rules.tagFactors.get(tags.get(i));
      if (tag != null) {
        f *= tag;
      }
    }
    return Math.max(EditorialRuleValidation.MIN_FACTOR, Math.min(EditorialRuleValidation.MAX_FACTOR, f));
  }
}
