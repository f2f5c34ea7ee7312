package com.eplly.contracts.codec;

import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Business rules for events and articles; every broken rule yields one human-readable reason.
 * Ids are restricted to a safe alphabet because they become Redis keys and lake file content.
 */
public final class Validation {

  /** Longest id accepted. */
  public static final int MAX_ID = 128;

  /** Events older than this are surely bogus (the portal did not exist). */
  public static final long EARLIEST_EPOCH_MS = 946_684_800_000L; // 2000-01-01T00:00:00Z

  /** Tolerated clock skew of senders. */
  public static final Duration MAX_FUTURE_SKEW = Duration.ofDays(1);

  /** Most items in one served block, and so the largest position. */
  public static final int MAX_ITEMS = 100;

  public static final long MAX_DWELL_MS = Duration.ofDays(1).toMillis();
  public static final int MAX_TITLE = 500;
  public static final int MAX_URL = 2048;
  public static final int MAX_SUMMARY = 20_000;
  public static final int MAX_TAGS = 50;
  public static final int MAX_TAG = 64;
  private static final Pattern CATEGORY = Pattern.compile("[a-z0-9-]{1,64}");

  private final Clock clock;

  public Validation(Clock clock) {
    this.clock = clock;
  }

  /** All broken rules of a page view; empty when it is valid. */
  public List<String> check(PageView v) {
    List<String> reasons = new ArrayList<>();
    uuid("eventId", v.eventId(), reasons);
    id("readerId", v.readerId(), reasons);
    id("articleId", v.articleId(), reasons);
    id("sessionId", v.sessionId(), reasons);
    instant("timestamp", v.timestamp(), reasons);
    if (v.referrerArticleId() != null) {
      id("referrerArticleId", v.referrerArticleId(), reasons);
    }
    if (v.dwellMs() != null && (v.dwellMs() < 0 || v.dwellMs() > MAX_DWELL_MS)) {
      reasons.add("dwellMs must be between 0 and " + MAX_DWELL_MS + ", got " + v.dwellMs());
    }
    if (v.requestId() != null) {
      uuid("requestId", v.requestId(), reasons);
    }
    if (v.position() != null && (v.position() < 1 || v.position() > MAX_ITEMS)) {
      reasons.add("position must be between 1 and " + MAX_ITEMS + ", got " + v.position());
    }
    // attribution describes a click on a suggestion: without the block's article it means nothing
    if ((v.requestId() != null || v.position() != null) && v.referrerArticleId() == null) {
      reasons.add("requestId and position need referrerArticleId");
    }
    return reasons;
  }

  /** All broken rules of a served event; empty when it is valid. */
  public List<String> check(ServedEvent e) {
    List<String> reasons = new ArrayList<>();
    uuid("requestId", e.requestId(), reasons);
    instant("timestamp", e.timestamp(), reasons);
    if (e.readerId() == null && e.sessionId() == null && e.articleId() == null) {
      reasons.add("at least one of readerId, sessionId, articleId is required");
    }
    optionalId("readerId", e.readerId(), reasons);
    optionalId("sessionId", e.sessionId(), reasons);
    optionalId("articleId", e.articleId(), reasons);
    optionalId("version", e.version(), reasons);
    optionalId("experiment", e.experiment(), reasons);
    optionalId("arm", e.arm(), reasons);
    if ((e.experiment() == null) != (e.arm() == null)) {
      reasons.add("experiment and arm go together");
    }
    if (e.items().size() > MAX_ITEMS) {
      reasons.add("more than " + MAX_ITEMS + " items");
      return reasons;
    }
    for (int i = 0; i < e.items().size(); i++) {
      ServedItem item = e.items().get(i);
      String at = "items[" + i + "].";
      id(at + "articleId", item.articleId(), reasons);
      if (item.position() != i + 1) {
        reasons.add(at + "position must be " + (i + 1) + " (items are listed top first), got " + item.position());
      }
      if (item.reason() == null || !Reason.isWireName(item.reason())) {
        reasons.add(at + "reason must be a known reason, got " + quote(item.reason()));
      }
    }
    return reasons;
  }

  /** All broken rules of a viewable impression; empty when it is valid. */
  public List<String> check(ViewableImpression v) {
    List<String> reasons = new ArrayList<>();
    uuid("requestId", v.requestId(), reasons);
    instant("timestamp", v.timestamp(), reasons);
    id("readerId", v.readerId(), reasons);
    id("sessionId", v.sessionId(), reasons);
    if (v.articleIds().isEmpty() || v.articleIds().size() > MAX_ITEMS) {
      reasons.add("articleIds must list 1-" + MAX_ITEMS + " articles, got " + v.articleIds().size());
    }
    for (String articleId : v.articleIds()) {
      if (!isId(articleId)) {
        reasons.add("each of articleIds must be 1-128 characters of [A-Za-z0-9._:-], got " + quote(articleId));
        break;
      }
    }
    return reasons;
  }

  /** All broken rules of an article; empty when it is valid. */
  public List<String> check(Article a) {
    List<String> reasons = new ArrayList<>();
    id("articleId", a.articleId(), reasons);
    text("title", a.title(), MAX_TITLE, reasons);
    text("url", a.url(), MAX_URL, reasons);
    if (a.url() != null && !(a.url().startsWith("https://") || a.url().startsWith("http://"))) {
      reasons.add("url must start with http:// or https://");
    }
    if (a.category() == null || !CATEGORY.matcher(a.category()).matches()) {
      reasons.add("category must be 1-64 lower-case letters, digits or '-', got " + quote(a.category()));
    }
    instant("publishedAt", a.publishedAt(), reasons);
    if (a.summary() != null && a.summary().length() > MAX_SUMMARY) {
      reasons.add("summary longer than " + MAX_SUMMARY + " characters");
    }
    if (a.tags().size() > MAX_TAGS) {
      reasons.add("more than " + MAX_TAGS + " tags");
    }
    for (String tag : a.tags()) {
      if (tag == null || tag.isBlank() || tag.length() > MAX_TAG) {
        reasons.add("each tag must be 1-" + MAX_TAG + " characters, got " + quote(tag));
        break;
      }
    }
    if (a.expiresAt() != null && a.expiresAt() <= a.publishedAt()) {
      reasons.add("expiresAt must be after publishedAt");
    }
    return reasons;
  }

  private static void uuid(String field, String value, List<String> reasons) {
    if (value == null) {
      reasons.add(field + " is missing");
      return;
    }
    try {
      if (value.length() != 36) {
        throw new IllegalArgumentException();
      }
      UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      reasons.add(field + " must be a UUID, got " + quote(value));
    }
  }

  private static void optionalId(String field, String value, List<String> reasons) {
    if (value != null) {
      id(field, value, reasons);
    }
  }

  /** Why {@code value} is not a valid id in {@code field} (the reason an event would get); empty when it is one. */
  public static Optional<String> idReason(String field, String value) {
    List<String> reasons = new ArrayList<>(1);
    id(field, value, reasons);
    return reasons.stream().findFirst();
  }

  private static void id(String field, String value, List<String> reasons) {
    if (value == null) {
      reasons.add(field + " is missing");
    } else if (!isId(value)) {
      reasons.add(field + " must be 1-128 characters of [A-Za-z0-9._:-], got " + quote(value));
    }
  }

  /**
   * Ids: 1-128 characters of ASCII letters, digits and {@code . _ : -}. A loop rather than a regex:
   * it runs for several fields of every event on ingest's hot path.
   */
  public static boolean isId(String value) {
    int n = value == null ? 0 : value.length();
    if (n == 0 || n > MAX_ID) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private void instant(String field, long epochMs, List<String> reasons) {
    long latest = clock.millis() + MAX_FUTURE_SKEW.toMillis();
    if (epochMs < EARLIEST_EPOCH_MS || epochMs > latest) {
      reasons.add(field + " must be epoch milliseconds between 2000-01-01 and now + 1 day, got " + epochMs);
    }
  }

  private static void text(String field, String value, int max, List<String> reasons) {
    if (value == null || value.isBlank()) {
      reasons.add(field + " is missing");
    } else if (value.length() > max) {
      reasons.add(field + " longer than " + max + " characters");
    }
  }

  /** Quotes a bad value for a message, cut short so a huge value cannot bloat a header. */
  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return value.length() <= 40 ? "\"" + value + "\"" : "\"" + value.substring(0, 40) + "…\"";
  }
}
