package com.eplly.ingest.support;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A throw-away lake folder for tests that run the real listeners. */
public record TempLake(Path root) {

  public static TempLake create(String prefix) {
    try {
      return new TempLake(Files.createTempDirectory(prefix));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The finished files of {@code dataset} (temporary ones left out), relative to the root. */
  public List<Path> files(String dataset) {
    Path dir = root.resolve(dataset);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    // The writer renames temp files while we walk: a file that vanished mid-walk means "look again".
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> files = Files.walk(dir)) {
        return files.filter(Files::isRegularFile)
            .filter(p -> !p.getFileName().toString().startsWith(LakeLayout.TEMP_PREFIX))
            .map(root::relativize)
            .toList();
      } catch (IOException | UncheckedIOException e) {
        boolean vanished = e instanceof NoSuchFileException || e.getCause() instanceof NoSuchFileException;
        if (!vanished || attempt == 5) {
          throw e instanceof UncheckedIOException u ? u : new UncheckedIOException((IOException) e);
        }
      }
    }
  }

  /** Every line of {@code dataset}'s finished files. */
  public List<String> lines(String dataset) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path p : files(dataset)) {
      lines.addAll(Files.readAllLines(root.resolve(p)));
    }
    return lines;
  }

  public void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
