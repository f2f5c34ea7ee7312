package com.eplly.contracts.content;

import com.eplly.contracts.event.Article;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words content similarity compares, shared by the offline model (recommender, whose MLlib
 * RegexTokenizer and StopWordsRemover are configured from these constants) and the live index
 * (ingest, which calls {@link #documentTokens}), so an article is cut into the same terms on both
 * sides.
 *
 * <p>A document is the title, the summary and the category as a token of its own
 * ({@code cat_world}) repeated {@code categoryWeight} times, so same-section articles are closer
 * than shared words alone make them. Tokens are lower-cased, split on anything but letters, digits
 * and {@code _}, at least {@link #MIN_TOKEN_LENGTH} characters long, and not stop words.
 */
public final class ContentText {

  /** Separators between tokens (the RegexTokenizer pattern, with gaps). */
  public static final String SPLIT_PATTERN = "[^\\p{L}\\p{N}_]+";

  /** Shorter tokens are dropped. */
  public static final int MIN_TOKEN_LENGTH = 2;

  /** Prefix of the category token; the category's non-word runs become {@code _}. */
  public static final String CATEGORY_PREFIX = "cat_";

  /** Runs replaced by {@code _} inside the category token. */
  public static final String CATEGORY_SEPARATORS = "[^\\p{L}\\p{N}]+";

  /** How many times the category token counts, by default, offline and live. */
  public static final int DEFAULT_CATEGORY_WEIGHT = 2;

  /** English stop words: Spark MLlib's default list ({@code StopWordsRemover.loadDefaultStopWords("english")}). */
  public static final List<String> STOP_WORDS = loadStopWords();

  private static final Pattern SPLIT = Pattern.compile(SPLIT_PATTERN);
  private static final Pattern CATEGORY_SPLIT = Pattern.compile(CATEGORY_SEPARATORS);
  private static final Set<String> STOP_SET = Set.copyOf(STOP_WORDS);

  private ContentText() {}

  /** The terms of an article's document, in order, repeats kept (term frequency counts them). */
  public static List<String> documentTokens(Article article, int categoryWeight) {
    return tokens(document(article.title(), article.summary(), article.category(), categoryWeight));
  }

  /** Title, summary and {@code categoryWeight} category tokens joined by spaces; nulls count as empty. */
  public static String document(String title, String summary, String category, int categoryWeight) {
    if (categoryWeight < 0) {
      throw new IllegalArgumentException("categoryWeight must be >= 0, got " + categoryWeight);
    }
    StringBuilder text = new StringBuilder(Objects.requireNonNullElse(title, ""))
        .append(' ').append(Objects.requireNonNullElse(summary, ""));
    String token = categoryToken(category);
    for (int i = 0; i < categoryWeight; i++) {
      text.append(' ').append(token);
    }
    return text.toString();
  }

  /** {@code cat_} plus the category with every run of non-word characters made {@code _}. */
  public static String categoryToken(String category) {
    return CATEGORY_PREFIX + CATEGORY_SPLIT.matcher(Objects.requireNonNullElse(category, "")).replaceAll("_");
  }

  /** Lower-cases, splits, drops short tokens and stop words. */
  public static List<String> tokens(String text) {
    List<String> out = new ArrayList<>();
    for (String token : SPLIT.split(text.toLowerCase(Locale.ROOT))) {
      if (token.length() >= MIN_TOKEN_LENGTH && !STOP_SET.contains(token)) {
        out.add(token);
      }
    }
    return out;
  }

  private static List<String> loadStopWords() {
    try (InputStream in = ContentText.class.getResourceAsStream("stopwords-english.txt")) {
      if (in == null) {
        throw new IllegalStateException("stopwords-english.txt missing from the contracts jar");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::trim).filter(s -> !s.isEmpty()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
