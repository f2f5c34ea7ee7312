package com.eplly.recommender.lake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A dataset's files at one listing: its JSONL files (markers included) and its compacted hours'
 * Parquet files, and how a reader combines them.
 *
 * <p>A compacted hour normally has no JSONL file holding events; it has some when events arrived
 * late for it, or when {@code reco compact} stopped between putting the Parquet in place and
 * removing the JSONL. Such a <em>mixed</em> hour is read from both and deduplicated, so an event in
 * both counts once; every other compacted hour is read from Parquet alone, which is deduplicated.
 *
 * @param jsonl          finished JSONL files, empty markers included
 * @param parquetByHour  {@code date=…/hour=…} to the compacted hour's Parquet file
 */
public record DatasetFiles(List<LakeFile> jsonl, Map<String, String> parquetByHour) {

  public DatasetFiles {
    jsonl = List.copyOf(jsonl);
    parquetByHour = Map.copyOf(parquetByHour);
  }

  /** JSONL files holding events, to be read as JSON and deduplicated. */
  public List<String> jsonlToRead() {
    return jsonl.stream().filter(LakeFile::holdsEvents).map(LakeFile::path).sorted().toList();
  }

  /** Parquet of compacted hours that also have JSONL events: deduplicated together with them. */
  public List<String> mixedParquet() {
    Set<String> mixed = hoursWithJsonlEvents();
    return parquetByHour.entrySet().stream().filter(e -> mixed.contains(e.getKey())).map(Map.Entry::getValue)
        .sorted().toList();
  }

  /** Parquet of compacted hours without JSONL events: read as they are. */
  public List<String> cleanParquet() {
    Set<String> mixed = hoursWithJsonlEvents();
    return parquetByHour.entrySet().stream().filter(e -> !mixed.contains(e.getKey())).map(Map.Entry::getValue)
        .sorted().toList();
  }

  /** Whether the dataset holds no file with events. */
  public boolean isEmpty() {
    return parquetByHour.isEmpty() && jsonl.stream().noneMatch(LakeFile::holdsEvents);
  }

  private Set<String> hoursWithJsonlEvents() {
    return jsonl.stream().filter(LakeFile::holdsEvents).map(LakeFile::hourFolder).collect(Collectors.toSet());
  }
}
