package com.eplly.contracts.event;

/** Why an article was suggested; shown to the portal and counted in metrics. */
public enum Reason {
  SIMILAR_READERS("similar-readers", 'R'),
  READ_TOGETHER("read-together", 'T'),
  SIMILAR_CONTENT("similar-content", 'C'),
  TRENDING("trending", 'N'),
  POPULAR("popular", 'P'),
  LATEST("latest", 'L'),
  /** Pinned by the newsroom on this page ({@code contracts.editorial}); never in a model's list. */
  EDITORS_PICK("editors-pick", 'E');

  /** values() clones its array on every call; decoding runs it for every item of every list read. */
  private static final Reason[] ALL = values();

  private final String wireName;
  private final char code;

  Reason(String wireName, char code) {
    this.wireName = wireName;
    this.code = code;
  }

  /** The name used in the HTTP API and reports, e.g. {@code read-together}. */
  public String wireName() {
    return wireName;
  }

  /** One-character code used in compact Redis values. */
  public char code() {
    return code;
  }

  public static Reason fromCode(char code) {
    for (Reason r : ALL) {
      if (r.code == code) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason code '" + code + "'");
  }

  /** Whether {@code name} is the wire name of a reason. */
  public static boolean isWireName(String name) {
    for (Reason r : ALL) {
      if (r.wireName.equals(name)) {
        return true;
      }
    }
    return false;
  }

  public static Reason fromWireName(String name) {
    for (Reason r : values()) {
      if (r.wireName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown reason '" + name + "'");
  }
}
