package com.eplly.contracts.editorial;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules in force at one instant, compiled into lookups so that a request pays a few hash
 * lookups per candidate: blocked ids, sections and tags; factors by section and tag; pins by the
 * section or tag of the page. Compile again when the rule set changes or at {@link #nextChangeAt()}.
 */
public final class EditorialRules {

  /** No rules: the merge behaves as without editorial control. */
  public static final EditorialRules NONE = compile(List.of(), Instant.EPOCH);

  final Set<String> blockedArticles = new HashSet<>();
  final Set<String> blockedSections = new HashSet<>();
  final Set<String> blockedTags = new HashSet<>();
  final Map<String, Double> sectionFactors = new HashMap<>();
  final Map<String, Double> tagFactors = new HashMap<>();
  private final Map<String, List<Pin>> pinsBySection = new HashMap<>();
  private final Map<String, List<Pin>> pinsByTag = new HashMap<>();
  /**
   * Largest factor one article can get, which bounds how far down a boost can reach: its section's
   * largest factor times every tag factor above 1 (an article may carry all those tags).
   */
  final double reach;
  final boolean reorders;
  final boolean blocks;
  private final Instant nextChangeAt;
  private final PageRules withoutPins;

  /** One pin as a page sees it; {@code seniority} orders rules oldest first (0 = oldest). */
  public record Pin(String articleId, int slot, int seniority) {}

  private EditorialRules(List<EditorialRule> active, Instant nextChangeAt) {
    boolean reorders = false;
    for (int i = 0; i < active.size(); i++) {
      EditorialRule r = active.get(i);
      switch (r.kind()) {
        case BLOCK -> {
          add(blockedArticles, r.article());
          add(blockedSections, r.section());
          add(blockedTags, r.tag());
        }
        case PIN -> {
          Map<String, List<Pin>> byPage = r.section() != null ? pinsBySection : pinsByTag;
          String page = r.section() != null ? r.section() : r.tag();
          byPage.computeIfAbsent(page, k -> new ArrayList<>()).add(new Pin(r.article(), r.slot(), i));
        }
        case BOOST -> {
          // two boosts on the same section multiply, like a section boost and a tag boost do
          Map<String, Double> factors = r.section() != null ? sectionFactors : tagFactors;
          factors.merge(r.section() != null ? r.section() : r.tag(), r.factor(), (a, b) -> a * b);
          reorders |= r.factor() != 1;
        }
        default -> throw new IllegalStateException("unknown kind " + r.kind());
      }
    }
    double reach = 1;
    for (double f : sectionFactors.values()) {
      reach = Math.max(reach, f);
    }
    for (double f : tagFactors.values()) {
      reach *= Math.max(1, f);
    }
    this.reach = Math.min(reach, EditorialRuleValidation.MAX_FACTOR);
    this.reorders = reorders;
    this.blocks = !blockedArticles.isEmpty() || !blockedSections.isEmpty() || !blockedTags.isEmpty();
    this.nextChangeAt = nextChangeAt;
    this.withoutPins = new PageRules(this, List.of());
  }

  private static void add(Set<String> set, String value) {
    if (value != null) {
      set.add(value);
    }
  }

  /**
   * The rules of {@code rules} active at {@code now}. Rules are taken as valid
   * ({@link EditorialRuleValidation}); their order does not matter.
   */
  public static EditorialRules compile(Collection<EditorialRule> rules, Instant now) {
    List<EditorialRule> active = new ArrayList<>();
    Instant next = null;
    for (EditorialRule r : rules) {
      if (r.activeAt(now)) {
        active.add(r);
      }
      next = earliestAfter(now, next, r.startsAt());
      next = earliestAfter(now, next, r.expiresAt());
    }
    // oldest first: the older of two pins wins a slot; the id breaks ties between rules of one instant
    active.sort(Comparator.comparing(EditorialRule::createdAt, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(EditorialRule::id, Comparator.nullsLast(Comparator.naturalOrder())));
    return new EditorialRules(active, next);
  }

  private static Instant earliestAfter(Instant now, Instant current, Instant candidate) {
    if (candidate == null || !candidate.isAfter(now)) {
      return current;
    }
    return current == null || candidate.isBefore(current) ? candidate : current;
  }

  /** Whether some pin is in force: only then does a page's own section and tags matter. */
  public boolean hasPins() {
    return !pinsBySection.isEmpty() || !pinsByTag.isEmpty();
  }

  /** When a rule starts or ends after the compile instant, so these lookups go stale; null: never. */
  public Instant nextChangeAt() {
    return nextChangeAt;
  }

  /**
   * The rules of one page: the pins of its section and of each of its tags (oldest rule first, an
   * article once, at its oldest pin), with this set's blocks and factors.
   *
   * @param section the current article's section, or null (no article: only blocks and factors)
   * @param tags    the current article's tags, never null
   */
  public PageRules forPage(String section, List<String> tags) {
    List<Pin> pins = null;
    List<Pin> bySection = section == null ? null : pinsBySection.get(section);
    if (bySection != null) {
      pins = new ArrayList<>(bySection);
    }
    for (int i = 0; i < tags.size(); i++) {
      List<Pin> byTag = pinsByTag.get(tags.get(i));
      if (byTag != null) {
        pins = pins == null ? new ArrayList<>() : pins;
        pins.addAll(byTag);
      }
    }
    if (pins == null) {
      return withoutPins;
    }
    pins.sort(Comparator.comparingInt(Pin::seniority));
    Set<String> pinned = new HashSet<>();
    pins.removeIf(p -> !pinned.add(p.articleId()));
    return new PageRules(this, pins);
  }
}
