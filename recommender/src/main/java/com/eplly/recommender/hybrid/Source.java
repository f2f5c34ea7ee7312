package com.eplly.recommender.hybrid;

import com.eplly.contracts.event.Reason;
import com.eplly.recommender.publish.ListKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The candidate sources of the hybrid, each under its one name: its weight in {@link HybridWeights}
 * ({@code --hybrid}, {@code model.json}), its model name and column in {@code reco evaluate}'s
 * report, and its progress and timing lines.
 *
 * <p>How each source reaches readers (the lists it is blended into, and the {@code reason} the api
 * shows for an item it contributes most to):
 * <pre>
 *   co-visitation  article lists               read-together
 *   followed-by    article lists               read-together
 *   als            reader lists                similar-readers
 *   ease           article and reader lists    read-together
 *   content        article lists               similar-content
 *   popularity     none: its own popular list  popular  (only {@code reco evaluate}'s hybrid weighs it)
 * </pre>
 * The declaration order is the order of the evaluator's weight vector: changing it changes the
 * fitted weights.
 */
public enum Source {
  CO_VISITATION("co-visitation", Reason.READ_TOGETHER, EnumSet.of(ListKind.ARTICLE)),
  FOLLOWED_BY("followed-by", Reason.READ_TOGETHER, EnumSet.of(ListKind.ARTICLE)),
  ALS("als", Reason.SIMILAR_READERS, EnumSet.of(ListKind.READER)),
  EASE("ease", Reason.READ_TOGETHER, EnumSet.of(ListKind.ARTICLE, ListKind.READER)),
  CONTENT("content", Reason.SIMILAR_CONTENT, EnumSet.of(ListKind.ARTICLE)),
  POPULARITY("popularity", Reason.POPULAR, EnumSet.noneOf(ListKind.class));

  private final String label;
  private final Reason reason;
  private final Set<ListKind> lists;

  Source(String label, Reason reason, Set<ListKind> lists) {
    this.label = label;
    this.reason = reason;
    this.lists = lists;
  }

  /** The source's one name, e.g. {@code co-visitation}. */
  public String label() {
    return label;
  }

  /** What the reader is told when this source contributes most to a suggestion. */
  public Reason reason() {
    return reason;
  }

  /** The sources blended into {@code kind}'s lists, in declaration order. */
  /** The kinds of list this source is blended into. */
  public Set<ListKind> lists() {
    return java.util.Collections.unmodifiableSet(lists);
  }

  public static Set<Source> blendedInto(ListKind kind) {
    return Arrays.stream(values()).filter(s -> s.lists.contains(kind))
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Source.class)));
  }

  /**
   * The source named {@code label}.
   *
   * @throws IllegalArgumentException naming the known sources, when there is none of that name
   */
  public static Source labelled(String label) {
    for (Source s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown hybrid source '" + label + "'; the sources are " + labels());
  }

  /** Every label, comma-separated, in declaration order. */
  public static String labels() {
    return Arrays.stream(values()).map(Source::label).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return label;
  }
}
