package com.eplly.contracts.editorial;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * An editor's rule on the suggestions; the body of {@code POST /v1/admin/rules} (without id and
 * createdAt) and, once accepted, what the store keeps. Check with {@link EditorialRuleValidation}.
 * One record for the three kinds, so that the JSON stays flat; which fields a kind takes:
 * <ul>
 *   <li>block: exactly one of {@code article}, {@code section}, {@code tag};</li>
 *   <li>pin: {@code article}, exactly one of {@code section} or {@code tag} naming the pages it is
 *       pinned on (the current article's section or one of its tags), and {@code slot};</li>
 *   <li>boost: exactly one of {@code section} or {@code tag}, and {@code factor}.</li>
 * </ul>
 * The window is [{@code startsAt}, {@code expiresAt}): one end time rather than a window end and a
 * separate expiry, which could disagree. Pins and boosts must expire; a block may be open-ended.
 *
 * @param id        set by the server when the rule is stored; null in a request
 * @param kind      block, pin or boost
 * @param article   the blocked or pinned article id
 * @param section   the blocked or boosted section, or the section whose pages a pin is on
 * @param tag       the blocked or boosted tag, or the tag whose pages a pin is on
 * @param slot      a pin's place in the list, 1-based
 * @param factor    a boost's factor: above 1 moves up, below 1 buries, 1 changes nothing
 * @param startsAt  when the rule starts to apply; null: as soon as it is stored
 * @param expiresAt when it stops applying; null only for a block (until deleted)
 * @param createdBy who asked for it (the editor's name on the console)
 * @param createdAt set by the server when the rule is stored; the older of two pins wins a slot
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "kind", "article", "section", "tag", "slot", "factor", "startsAt", "expiresAt",
    "createdBy", "createdAt"})
public record EditorialRule(
    String id, RuleKind kind, String article, String section, String tag, Integer slot, Double factor,
    Instant startsAt, Instant expiresAt, String createdBy, Instant createdAt) {

  public static EditorialRule blockArticle(String article, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.BLOCK, article, null, null, null, null, null, expiresAt, createdBy, null);
  }

  public static EditorialRule blockSection(String section, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.BLOCK, null, section, null, null, null, null, expiresAt, createdBy, null);
  }

  public static EditorialRule blockTag(String tag, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.BLOCK, null, null, tag, null, null, null, expiresAt, createdBy, null);
  }

  public static EditorialRule pinOnSection(
      String article, String section, int slot, Instant startsAt, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.PIN, article, section, null, slot, null, startsAt, expiresAt, createdBy,
        null);
  }

  public static EditorialRule pinOnTag(
      String article, String tag, int slot, Instant startsAt, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.PIN, article, null, tag, slot, null, startsAt, expiresAt, createdBy, null);
  }

  public static EditorialRule boostSection(
      String section, double factor, Instant startsAt, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.BOOST, null, section, null, null, factor, startsAt, expiresAt, createdBy,
        null);
  }

  public static EditorialRule boostTag(
      String tag, double factor, Instant startsAt, Instant expiresAt, String createdBy) {
    return new EditorialRule(null, RuleKind.BOOST, null, null, tag, null, factor, startsAt, expiresAt, createdBy,
        null);
  }

  /** The stored rule: the server gives it its id and creation time. */
  public EditorialRule stored(String newId, Instant at) {
    return new EditorialRule(newId, kind, article, section, tag, slot, factor, startsAt, expiresAt, createdBy, at);
  }

  /** Whether the rule applies at {@code at}: inside [startsAt, expiresAt). */
  public boolean activeAt(Instant at) {
    return (startsAt == null || !at.isBefore(startsAt)) && (expiresAt == null || at.isBefore(expiresAt));
  }
}
