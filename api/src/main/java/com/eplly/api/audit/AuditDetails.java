package com.eplly.api.audit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a controller adds to its admin action's audit record: the target when the path does not
 * name it, and small facts. {@link AuditInterceptor} puts one on every audited request; a handler
 * takes it with {@code @RequestAttribute(AuditDetails.ATTRIBUTE) AuditDetails audit}.
 */
public final class AuditDetails {

  /** The request attribute holding this request's details. */
  public static final String ATTRIBUTE = "eplly.auditDetails";

  /** A detail is a name or an id, never a body: longer values are cut. */
  static final int MAX_VALUE = 200;

  private final Map<String, String> details = new LinkedHashMap<>();
  private String target;

  /** What the action was done to, when the path does not say (a created rule's id). */
  public AuditDetails target(String target) {
    this.target = target;
    return this;
  }

  public AuditDetails put(String name, String value) {
    if (value != null) {
      details.put(name, cut(value));
    }
    return this;
  }

  String target() {
    return target;
  }

  Map<String, String> details() {
    return details;
  }

  static String cut(String value) {
    return value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE) + "...";
  }
}
