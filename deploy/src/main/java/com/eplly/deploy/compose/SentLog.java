package com.eplly.deploy.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The page views the api accepted (202), one {@code eventId articleId} line each, appended as they
 * are accepted so that a later step (the lake count, the recommendation check) can read them.
 */
public final class SentLog {

  /** One accepted page view. */
  public record Entry(String eventId, String articleId) {}

  private final Path file;

  public SentLog(Path file) {
    this.file = file;
  }

  public void append(String eventId, String articleId) {
    try {
      Files.writeString(file, eventId + " " + articleId + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to " + file, e);
    }
  }

  public List<Entry> read() {
    List<Entry> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.trim().split(" ");
        if (parts.length == 2) {
          out.add(new Entry(parts[0], parts[1]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return out;
  }
}
