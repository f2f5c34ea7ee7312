package com.eplly.ingest.monitoring;

import java.util.Locale;

/** Coarse class of a rejection reason, small enough to be a metric tag. */
public enum RejectionKind {
  EMPTY, TOO_LARGE, MALFORMED_JSON, MISSING_FIELD, INVALID_FIELD, UNKNOWN_ARTICLE, PROCESSING_FAILED;

  /** Classifies a codec reason (first broken rule wins). */
  public static RejectionKind of(String reason) {
    String r = reason == null ? "" : reason.toLowerCase(Locale.ROOT);
    if (r.isEmpty() || r.startsWith("empty record")) {
      return EMPTY;
    }
    if (r.startsWith("record of") && r.contains("exceeds")) {
      return TOO_LARGE;
    }
    if (r.startsWith("processing failed")) {
      return PROCESSING_FAILED;
    }
    if (r.startsWith("unknown article")) {
      return UNKNOWN_ARTICLE;
    }
    if (r.startsWith("malformed json")) {
      return MALFORMED_JSON;
    }
    String first = r.split(";", 2)[0];
    return first.endsWith(" is missing") ? MISSING_FIELD : INVALID_FIELD;
  }

  /** Tag value, e.g. {@code malformed-json}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
