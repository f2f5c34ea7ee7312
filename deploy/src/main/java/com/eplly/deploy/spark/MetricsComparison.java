package com.eplly.deploy.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Differences between two {@code metrics.json} files of {@code reco evaluate}, ignoring wall
 * times (any field whose name contains "seconds"), which differ from run to run by nature.
 */
public final class MetricsComparison {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetricsComparison() {}

  /** JSON paths whose values differ; empty when the two files agree. */
  public static List<String> differences(Path first, Path second) {
    List<String> out = new ArrayList<>();
    diff("", read(first), read(second), out);
    return out;
  }

  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getKey().toLowerCase(Locale.ROOT).contains("seconds")) {
          JsonNode other = b.get(e.getKey());
          if (other == null) {
            out.add(path + "/" + e.getKey() + ": only in the first");
          } else {
            diff(path + "/" + e.getKey(), e.getValue(), other, out);
          }
        }
      }
      b.fieldNames().forEachRemaining(n -> {
        if (!a.has(n) && !n.toLowerCase(Locale.ROOT).contains("seconds")) {
          out.add(path + "/" + n + ": only in the second");
        }
      });
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      for (int i = 0; i < a.size(); i++) {
        diff(path + "[" + i + "]", a.get(i), b.get(i), out);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + a + " vs " + b);
    }
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
