package com.eplly.contracts.codec;

/** The outcome of decoding untrusted bytes: a valid record, or the reason it was rejected. */
public sealed interface Decoded<T> {

  /** A record that passed parsing and validation. */
  record Valid<T>(T value) implements Decoded<T> {}

  /** A rejected input; {@code reason} is a one-line message fit for a DLQ header or an HTTP 400. */
  record Invalid<T>(String reason) implements Decoded<T> {}

  static <T> Decoded<T> valid(T value) {
    return new Valid<>(value);
  }

  static <T> Decoded<T> invalid(String reason) {
    return new Invalid<>(reason);
  }
}
