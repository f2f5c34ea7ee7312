package com.eplly.deploy.compose;

import com.eplly.deploy.lake.LakeProgress;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The lake compared with what was sent: every accepted eventId once, nothing else.
 *
 * @param sent       page views the api accepted
 * @param lines      records in the lake's finished page-view files
 * @param lost       accepted eventIds the lake does not hold
 * @param duplicated records beyond the first of an eventId
 * @param unexpected distinct eventIds in the lake that were never accepted
 */
public record LakeCount(long sent, long lines, long lost, long duplicated, long unexpected) {

  public boolean exactlyOnce() {
    return sent > 0 && lost == 0 && duplicated == 0 && unexpected == 0;
  }

  /** Reads every finished file of {@code dataset} under {@code lakeRoot}. */
  public static LakeCount of(Path lakeRoot, String dataset, Collection<String> sentIds) {
    ObjectMapper json = new ObjectMapper();
    Map<String, Integer> seen = new HashMap<>();
    long lines = 0;
    for (Path file : LakeProgress.finishedFiles(lakeRoot.resolve(dataset))) {
      try {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            JsonNode record = json.readTree(line);
            seen.merge(record.path("eventId").asText(""), 1, Integer::sum);
            lines++;
          }
        }
      } catch (NoSuchFileException e) {
        // replaced by a replay between listing and reading: counted on the next poll
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read lake file " + file, e);
      }
    }
    Set<String> sent = new HashSet<>(sentIds);
    long lost = sent.stream().filter(id -> !seen.containsKey(id)).count();
    long duplicated = seen.values().stream().mapToLong(n -> n - 1L).sum();
    long unexpected = seen.keySet().stream().filter(id -> !sent.contains(id)).count();
    return new LakeCount(sent.size(), lines, lost, duplicated, unexpected);
  }
}
