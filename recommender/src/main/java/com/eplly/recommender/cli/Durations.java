package com.eplly.recommender.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Short human form of durations on the command line, in help texts and summaries ({@code 7d}, {@code 36h}). */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  static String format(Duration d) {
    long s = d.toSeconds();
    if (s == 0) {
      return "0";
    }
    if (s % 86_400 == 0) {
      return s / 86_400 + "d";
    }
    if (s % 3_600 == 0) {
      return s / 3_600 + "h";
    }
    if (s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** {@code 30s}, {@code 15m}, {@code 12h}, {@code 7d}, {@code 0} or ISO-8601 ({@code PT36H}); never negative. */
  static Duration parse(String text) {
    String raw = text.trim();
    if (raw.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = SHORT.matcher(raw);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2)) {
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      Duration d = Duration.parse(raw);
      if (!d.isNegative()) {
        return d;
      }
    } catch (DateTimeParseException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("must be a duration like 30m, 12h, 7d or PT36H, got '" + raw + "'");
  }
}
