package com.eplly.recommender.compact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * What the last complete compaction applied: readerId to the erasedAt every compacted hour is
 * clean of ({@code compacted/_erasures-applied.json}). An erasure not in it, or with a later
 * erasedAt, is new: the next run looks for its events in the compacted hours and rewrites those.
 * Written only after a run has put every hour in place, so a run that stops leaves the record of
 * the previous one, whose erasures all hours still satisfy.
 */
final class AppliedErasures {

  static final String FILE = "_erasures-applied.json";

  private final Path file;
  private final Configuration hadoop;
  private final ObjectMapper json = new ObjectMapper();

  AppliedErasures(Path compactedRoot, Configuration hadoop) {
    this.file = new Path(compactedRoot, FILE);
    this.hadoop = hadoop;
  }

  Map<String, Long> read() {
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (!fs.exists(file)) {
        return Map.of();
      }
      try (InputStream in = fs.open(file)) {
        return json.readValue(in, new TypeReference<HashMap<String, Long>>() {});
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The erasures in {@code current} that {@code applied} lacks or has with an earlier erasedAt. */
  static Map<String, Long> newer(Map<String, Long> current, Map<String, Long> applied) {
    Map<String, Long> fresh = new HashMap<>();
    current.forEach((reader, at) -> {
      Long before = applied.get(reader);
      if (before == null || before < at) {
        fresh.put(reader, at);
      }
    });
    return fresh;
  }

  /**
   * Replaces the record. Not in one rename, and it need not be: a run stopped between the delete and
   * the rename leaves no record, and the next run then looks for every erasure's events again.
   */
  void write(Map<String, Long> applied) {
    Path temp = new Path(file.getParent(), "_tmp-" + FILE);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      try (OutputStream out = fs.create(temp, true)) {
        json.writeValue(out, new TreeMap<>(applied));
      }
      fs.delete(file, false);
      if (!fs.rename(temp, file)) {
        throw new IOException("rename of " + temp + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
