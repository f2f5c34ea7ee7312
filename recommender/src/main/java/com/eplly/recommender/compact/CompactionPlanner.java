package com.eplly.recommender.compact;

import com.eplly.recommender.lake.DatasetFiles;
import com.eplly.recommender.lake.LakeFile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the hours a run rewrites: every closed hour that has JSONL events (never compacted, a late
 * event, or a run that stopped half-way), and every compacted hour holding events of a reader erased
 * since the last complete run. An hour is closed when it ended more than {@code grace} ago; the
 * hour being written stays JSONL, so compaction does not rewrite it over and over.
 */
public final class CompactionPlanner {

  private static final Pattern HOUR = Pattern.compile("date=(\\d{4}-\\d{2}-\\d{2})/hour=(\\d{2})");

  private CompactionPlanner() {}

  /**
   * @param erasedHours compacted hours holding events of newly erased readers
   */
  public static List<CompactHour> plan(String dataset, DatasetFiles files, Set<String> erasedHours, Instant now,
      Duration grace) {
    Map<String, List<LakeFile>> jsonlByHour = new TreeMap<>();
    for (LakeFile f : files.jsonl()) {
      jsonlByHour.computeIfAbsent(f.hourFolder(), h -> new ArrayList<>()).add(f);
    }
    Set<String> hours = new TreeSet<>(erasedHours);
    jsonlByHour.forEach((hour, list) -> {
      if (list.stream().anyMatch(LakeFile::holdsEvents) && closed(hour, now, grace)) {
        hours.add(hour);
      }
    });
    List<CompactHour> plan = new ArrayList<>();
    for (String hour : hours) {
      plan.add(new CompactHour(dataset, hour, jsonlByHour.getOrDefault(hour, List.of()),
          Optional.ofNullable(files.parquetByHour().get(hour))));
    }
    return plan;
  }

  /** Whether the hour {@code date=…/hour=…} ended at least {@code grace} before {@code now}. */
  static boolean closed(String hourFolder, Instant now, Duration grace) {
    Matcher m = HOUR.matcher(hourFolder);
    if (!m.matches()) {
      return false; // not an hour folder of the layout: never touched
    }
    Instant start = LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant()
        .plus(Duration.ofHours(Integer.parseInt(m.group(2))));
    return !start.plus(Duration.ofHours(1)).plus(grace).isAfter(now);
  }
}
