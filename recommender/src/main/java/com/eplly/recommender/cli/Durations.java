package com.eplly.recommender.cli;

import java.time.Duration;

/** Short human form of durations for help texts and summaries ({@code 7d}, {@code 36h}). */
final class Durations {

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
}
