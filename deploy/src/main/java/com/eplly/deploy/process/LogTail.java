package com.eplly.deploy.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Stream;

/** Reads the end of a log file so a failure message can show what the process said last. */
public final class LogTail {

  private LogTail() {}

  public static String of(Path log, int lines) {
    if (!Files.exists(log)) {
      return "(no log at " + log + ")";
    }
    Deque<String> last = new ArrayDeque<>(lines);
    try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
      all.forEach(line -> {
        if (last.size() == lines) {
          last.removeFirst();
        }
        last.addLast(line);
      });
    } catch (IOException | java.io.UncheckedIOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
    return String.join(System.lineSeparator(), last);
  }
}
