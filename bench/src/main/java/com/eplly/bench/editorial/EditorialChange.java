package com.eplly.bench.editorial;

/** A change an editor makes to what may be suggested, and its undoing, as {@link Propagation} times them. */
interface EditorialChange extends AutoCloseable {

  /** Keeps {@code article} out of every answer; returns what {@link #revert} needs. */
  String apply(String article) throws Exception;

  /** Lets the article be suggested again. */
  void revert(String article, String handle) throws Exception;

  @Override
  default void close() {}
}
