package com.eplly.api.privacy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The lake part of a reader's export: the reader's records, every field the lake keeps, erasures
 * applied; or, when the api has no lake configured, only why it is missing ({@code available: false}).
 *
 * @param available    whether the lake was read; false: only {@code reason} is set
 * @param reason       why the lake was not read
 * @param dir          the lake folder read
 * @param erasedAt     the reader's latest erasure, epoch ms: events up to it are not held any more
 * @param pageViews    the reader's page views once per eventId, by time
 * @param impressions  served events and viewable impressions of the reader, by time
 * @param erasures     the reader's erasure records
 * @param audit        admin actions whose target is the reader (erasures, exports)
 * @param counts       how many of each the lake holds, also when a list is cut at {@code limit}
 * @param limit        most records listed per list
 * @param truncated    whether a list holds fewer records than its count
 * @param scannedFiles the files read
 * @param seconds      how long reading the lake took
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LakePart(
    boolean available, String reason, String dir, Long erasedAt, List<JsonNode> pageViews,
    List<JsonNode> impressions, List<JsonNode> erasures, List<JsonNode> audit, Counts counts, Integer limit,
    Boolean truncated, ScannedFiles scannedFiles, Double seconds) {

  static LakePart unavailable(String reason) {
    return new LakePart(false, reason, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** How many records of each kind the lake holds for the reader. */
  public record Counts(long pageViews, long impressions, long erasures, long audit) {}

  /** Files read: compacted hours' Parquet and JSONL files with events. */
  public record ScannedFiles(int parquet, int jsonl) {}
}
