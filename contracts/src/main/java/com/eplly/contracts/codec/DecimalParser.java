package com.eplly.contracts.codec;

/**
 * Parses the decimal numbers of the stored suggestion lists without building a substring, with
 * exactly {@link Double#parseDouble}'s result: a number of at most 15 significant digits and a
 * decimal exponent within ±22 is an exact integer times or divided by an exact power of ten, and one
 * IEEE multiplication or division of exact operands is correctly rounded (Clinger's fast path).
 * Anything else (more digits, larger exponents, NaN) goes to {@code Double.parseDouble}.
 */
final class DecimalParser {

  private static final double[] POWERS_OF_TEN = new double[23];
  private static final int MAX_EXACT_DIGITS = 15;

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  private DecimalParser() {}

  /** The number written in {@code s} from {@code from} (inclusive) to {@code to} (exclusive). */
  static double parse(String s, int from, int to) {
    int i = from;
    boolean negative = i < to && s.charAt(i) == '-';
    if (negative || (i < to && s.charAt(i) == '+')) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int exponent = 0;
    boolean any = false;
    boolean fraction = false;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        any = true;
        if (mantissa == 0 && c == '0') {
          exponent -= fraction ? 1 : 0;  // leading zeros are not significant
          continue;
        }
        if (++digits > MAX_EXACT_DIGITS) {
          return slow(s, from, to);
        }
        mantissa = mantissa * 10 + (c - '0');
        exponent -= fraction ? 1 : 0;
      } else if (c == '.' && !fraction) {
        fraction = true;
      } else if ((c == 'e' || c == 'E') && any) {
        return scaled(negative, mantissa, exponent, s, i + 1, to, from);
      } else {
        return slow(s, from, to);
      }
    }
    return any ? exact(negative, mantissa, exponent, s, from, to) : slow(s, from, to);
  }

  private static double scaled(boolean negative, long mantissa, int exponent, String s, int i, int to, int from) {
    boolean negativeExp = i < to && s.charAt(i) == '-';
    if (negativeExp || (i < to && s.charAt(i) == '+')) {
      i++;
    }
    if (i == to || to - i > 4) {
      return slow(s, from, to);
    }
    int e = 0;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return slow(s, from, to);
      }
      e = e * 10 + (c - '0');
    }
    return exact(negative, mantissa, exponent + (negativeExp ? -e : e), s, from, to);
  }

  private static double exact(boolean negative, long mantissa, int exponent, String s, int from, int to) {
    double value;
    if (mantissa == 0) {
      value = 0;
    } else if (exponent >= 0 && exponent < POWERS_OF_TEN.length) {
      value = mantissa * POWERS_OF_TEN[exponent];
    } else if (exponent < 0 && -exponent < POWERS_OF_TEN.length) {
      value = mantissa / POWERS_OF_TEN[-exponent];
    } else {
      return slow(s, from, to);
    }
    return negative ? -value : value;
  }

  private static double slow(String s, int from, int to) {
    return Double.parseDouble(s.substring(from, to));
  }
}
