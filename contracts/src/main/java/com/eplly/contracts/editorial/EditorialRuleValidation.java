package com.eplly.contracts.editorial;

import com.eplly.contracts.codec.Validation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of an editorial rule; every broken one yields one message fit for an HTTP 400.
 * Whether the article exists is not checked: a rule may name an article the portal publishes later.
 */
public final class EditorialRuleValidation {

  /** The api's largest {@code limit}: a pin further down is never seen. */
  public static final int MAX_SLOT = 50;
  /**
   * Bounds of a boost's factor, and of the product of the factors that meet on one article. The
   * upper bound also bounds the serving cost: a boost of f may lift an item from f times further
   * down, so the merge reads up to f times as many candidates; with 4 and the default limit of 6
   * that is one more metadata batch (54 candidates instead of 18), with 10 it would be two.
   */
  public static final double MIN_FACTOR = 0.25;
  public static final double MAX_FACTOR = 4;
  public static final int MAX_CREATOR = 64;

  /** The catalog's section names (Validation.CATEGORY). */
  private static final Pattern SECTION = Pattern.compile("[a-z0-9-]{1,64}");
  /** Ids become Redis hash fields and URL path segments. */
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** All broken rules; empty when the rule is valid. */
  public List<String> check(EditorialRule r) {
    List<String> reasons = new ArrayList<>();
    if (r.kind() == null) {
      reasons.add("kind is missing (block, pin or boost)");
    } else {
      target(r, reasons);
    }
    article(r.article(), reasons);
    section(r.section(), reasons);
    tag(r.tag(), reasons);
    window(r, reasons);
    creator(r, reasons);
    return reasons;
  }

  /** {@link #check} and, for a rule about to be stored, that it has not already ended. */
  public List<String> checkNew(EditorialRule r, Instant now) {
    List<String> reasons = check(r);
    if (r.expiresAt() != null && !now.isBefore(r.expiresAt())) {
      reasons.add("expiresAt " + r.expiresAt() + " is already past");
    }
    return reasons;
  }

  private static void target(EditorialRule r, List<String> reasons) {
    int scopes = (r.section() == null ? 0 : 1) + (r.tag() == null ? 0 : 1);
    switch (r.kind()) {
      case BLOCK -> {
        if (scopes + (r.article() == null ? 0 : 1) != 1) {
          reasons.add("a block needs exactly one of article, section or tag");
        }
        forbid(r.slot() != null, "slot", "a block", reasons);
        forbid(r.factor() != null, "factor", "a block", reasons);
      }
      case PIN -> {
        if (r.article() == null) {
          reasons.add("article is missing: a pin needs the article to pin");
        }
        if (scopes != 1) {
          reasons.add("a pin needs exactly one of section or tag: the pages it is pinned on");
        }
        if (r.slot() == null) {
          reasons.add("slot is missing: a pin needs its place in the list, 1 to " + MAX_SLOT);
        } else if (r.slot() < 1 || r.slot() > MAX_SLOT) {
          reasons.add("slot must be an integer from 1 to " + MAX_SLOT + ", got " + r.slot());
        }
        forbid(r.factor() != null, "factor", "a pin", reasons);
      }
      case BOOST -> {
        if (r.article() != null) {
          reasons.add("a boost applies to a section or a tag, not an article (pin the article instead)");
        }
        if (scopes != 1) {
          reasons.add("a boost needs exactly one of section or tag");
        }
        if (r.factor() == null) {
          reasons.add("factor is missing: above 1 boosts, below 1 buries");
        } else if (!(r.factor() >= MIN_FACTOR && r.factor() <= MAX_FACTOR)) {
          reasons.add("factor must be from " + MIN_FACTOR + " to " + MAX_FACTOR + ", got " + r.factor());
        }
        forbid(r.slot() != null, "slot", "a boost", reasons);
      }
      default -> throw new IllegalStateException("unknown kind " + r.kind());
    }
  }

  private static void forbid(boolean present, String field, String kind, List<String> reasons) {
    if (present) {
      reasons.add(field + " is not a field of " + kind);
    }
  }

  private static void article(String article, List<String> reasons) {
    if (article != null && !Validation.isId(article)) {
      reasons.add("article must be 1-" + Validation.MAX_ID + " characters of [A-Za-z0-9._:-], got " + quote(article));
    }
  }

  private static void section(String section, List<String> reasons) {
    if (section != null && !SECTION.matcher(section).matches()) {
      reasons.add("section must be 1-64 characters of [a-z0-9-] as the catalog writes it, got " + quote(section));
    }
  }

  private static void tag(String tag, List<String> reasons) {
    // matched exactly against the article's tags, so stray spaces would silently never match
    if (tag != null && (tag.isBlank() || tag.length() > Validation.MAX_TAG || !tag.strip().equals(tag))) {
      reasons.add("tag must be 1-" + Validation.MAX_TAG + " characters without surrounding spaces, got " + quote(tag));
    }
  }

  private static void window(EditorialRule r, List<String> reasons) {
    if (r.expiresAt() == null && (r.kind() == RuleKind.PIN || r.kind() == RuleKind.BOOST)) {
      reasons.add("expiresAt is missing: a " + r.kind().json() + " applies within a time window");
    }
    if (r.startsAt() != null && r.expiresAt() != null && !r.startsAt().isBefore(r.expiresAt())) {
      reasons.add("expiresAt " + r.expiresAt() + " is not after startsAt " + r.startsAt());
    }
  }

  private static void creator(EditorialRule r, List<String> reasons) {
    if (r.createdBy() == null || r.createdBy().isBlank()) {
      reasons.add("createdBy is missing: the editor who asks for the rule");
    } else if (r.createdBy().length() > MAX_CREATOR) {
      reasons.add("createdBy must be at most " + MAX_CREATOR + " characters, got " + r.createdBy().length());
    }
    // A request carries neither id nor createdAt; a stored rule both.
    if (r.createdAt() == null && r.id() != null) {
      reasons.add("id and createdAt are set by the server, not in a request");
    } else if (r.createdAt() != null && r.id() == null) {
      reasons.add("id is missing for a stored rule");
    } else if (r.id() != null && !RULE_ID.matcher(r.id()).matches()) {
      reasons.add("id must be 1-64 characters of [A-Za-z0-9_-], got " + quote(r.id()));
    }
  }

  private static String quote(String value) {
    return value.length() <= 40 ? "\"" + value + "\"" : "\"" + value.substring(0, 40) + "…\"";
  }
}
