package com.eplly.bench.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Page-view counts written as {@code 1M}, {@code 250k} or plain digits. */
final class Sizes {

  private Sizes() {}

  /** {@code "1M,3M,10M"} in the given order; throws with the offending item on bad input. */
  static List<Integer> parse(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String item : list.split(",")) {
      sizes.add(parseOne(item.trim()));
    }
    return sizes;
  }

  static int parseOne(String item) {
    String s = item.toLowerCase(Locale.ROOT);
    long factor = s.endsWith("m") ? 1_000_000L : s.endsWith("k") ? 1_000L : 1L;
    String digits = factor == 1 ? s : s.substring(0, s.length() - 1);
    try {
      long n = Long.parseLong(digits) * factor;
      if (n > 0 && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new IllegalArgumentException("size '" + item + "' is not a page-view count like 1M, 250k or 500000");
  }

  /** {@code 1M}, {@code 250k}, or the plain number when neither fits exactly. */
  static String label(int n) {
    if (n % 1_000_000 == 0) {
      return n / 1_000_000 + "M";
    }
    return n % 1_000 == 0 ? n / 1_000 + "k" : String.valueOf(n);
  }
}
