package com.eplly.deploy.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A command's scratch folder under target/, emptied before each run. */
public final class WorkFolder {

  private WorkFolder() {}

  /** Deletes {@code work} and everything in it, if it exists. */
  public static void clean(Path work) {
    if (!Files.exists(work)) {
      return;
    }
    try (Stream<Path> all = Files.walk(work)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + work, e);
    }
  }
}
