package com.eplly.contracts.codec;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compact text form of a ranked suggestion list, as stored in the {@code reco:*} Redis values:
 * {@code articleId score reasonCode} items joined by {@code |}, e.g. {@code a-1 0.93 T|a-7 0.41 R}.
 * Neither separator can occur in an id (see {@link Validation#isId}), and the form is about a third
 * of the size of JSON, which matters at millions of readers.
 */
public final class SuggestionListCodec {

  private SuggestionListCodec() {}

  public static String encode(List<Suggestion> items) {
    StringBuilder sb = new StringBuilder(items.size() * 24);
    for (Suggestion s : items) {
      if (sb.length() > 0) {
        sb.append('|');
      }
      sb.append(s.articleId()).append(' ')
          .append(String.format(Locale.ROOT, "%.5g", s.score())).append(' ')
          .append(s.reason().code());
    }
    return sb.toString();
  }

  /** Decodes a stored list; null or empty input is an empty list. */
  public static List<Suggestion> decode(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    List<Suggestion> out = new ArrayList<>();
    int start = 0;
    while (start <= value.length()) {
      int end = value.indexOf('|', start);
      if (end < 0) {
        end = value.length();
      }
      int s1 = value.indexOf(' ', start);
      int s2 = value.indexOf(' ', s1 + 1);
      if (s1 < 0 || s2 < 0 || s2 >= end || end - s2 != 2) {
        throw new IllegalArgumentException("malformed suggestion list item: " + value.substring(start, end));
      }
      out.add(new Suggestion(
          value.substring(start, s1),
          DecimalParser.parse(value, s1 + 1, s2),
          Reason.fromCode(value.charAt(s2 + 1))));
      start = end + 1;
    }
    return out;
  }
}
