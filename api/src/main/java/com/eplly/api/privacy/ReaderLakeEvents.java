package com.eplly.api.privacy;

import com.eplly.api.config.EpllyProperties;
import com.eplly.api.errors.UnavailableException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything the lake holds about one reader, read in-process by DuckDB ({@link LakeEngine}) from the
 * compacted Parquet hours and the JSONL files not compacted yet, with the recommender's rules
 * ({@code LakeReader.readerEvents}): a page view once per eventId, an impression repeated field for
 * field once, and nothing of an erased reader stamped at or before their latest {@code erasedAt}
 * (later events are new data; an event of theirs without a time is left out too, since nothing
 * shows it came after).
 *
 * <p>Bounded: one export reads the lake at a time (another is answered 503 at once), within
 * {@code eplly.lake.query-timeout}, on {@code eplly.lake.threads} cores and {@code memory-limit}, and
 * lists at most {@code max-events} records of each kind. It runs on the request's thread, which holds
 * no Redis connection meanwhile ({@link ReaderRedisState} returns its connections first).
 */
@Component
public class ReaderLakeEvents {

  static final String NOT_CONFIGURED = "no lake configured (eplly.lake.dir): the reader's page views and"
      + " impressions were not read; reco export --reader ID reads them with Spark";

  private static final Duration RETRY_WHEN_BUSY = Duration.ofSeconds(5);
  private static final Duration RETRY_WHEN_FAILED = Duration.ofSeconds(30);

  private final EpllyProperties.Lake settings;
  private final JsonMapper json;
  private final Semaphore oneAtATime = new Semaphore(1);

  public ReaderLakeEvents(EpllyProperties properties, JsonMapper json) {
    this.settings = properties.lake();
    this.json = json;
  }

  public LakePart of(String readerId) {
    if (settings.dir() == null) {
      return LakePart.unavailable(NOT_CONFIGURED);
    }
    Path root = settings.dir().toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new UnavailableException("the lake folder " + root + " (eplly.lake.dir) is missing", null, RETRY_WHEN_FAILED);
    }
    if (!oneAtATime.tryAcquire()) {
      throw new UnavailableException("another export is reading the lake, retry in a few seconds", null, RETRY_WHEN_BUSY);
    }
    try {
      long started = System.nanoTime();
      long deadline = started + settings.queryTimeout().toNanos();
      LakeEngine engine = new LakeEngine(settings);
      try {
        return read(engine, root, readerId, started, deadline);
      } catch (FilesRetired e) {
        return read(engine, root, readerId, started, deadline); // a compaction ran meanwhile: list again, once
      }
    } catch (SQLTimeoutException e) {
      throw new UnavailableException("reading the lake took longer than eplly.lake.query-timeout ("
          + settings.queryTimeout().toSeconds() + " s); a compacted lake (reco compact) reads much faster", e,
          RETRY_WHEN_FAILED);
    } catch (SQLException e) {
      throw new UnavailableException("the lake could not be read: " + firstLine(e.getMessage()), e, RETRY_WHEN_FAILED);
    } catch (UncheckedIOException e) {
      throw new UnavailableException("the lake could not be listed: " + e.getMessage(), e, RETRY_WHEN_FAILED);
    } finally {
      oneAtATime.release();
    }
  }

  private LakePart read(LakeEngine engine, Path root, String readerId, long started, long deadline)
      throws SQLException {
    Map<LakeRecord, LakeListing> files = new EnumMap<>(LakeRecord.class);
    for (LakeRecord record : LakeRecord.values()) {
      files.put(record, LakeListing.of(root, record.dataset()));
    }
    int limit = settings.maxEvents();
    try (Connection db = engine.open()) {
      Found erasures = query(db, deadline, files, LakeRecord.ERASURE, readerId, "DISTINCT", "", "\"erasedAt\"", limit);
      Long erasedAt = erasures.records().stream().map(e -> e.path("erasedAt").asLong(0)).filter(at -> at > 0)
          .max(Long::compare).orElse(null);
      String sinceErasure = erasedAt == null ? "" : "\"timestamp\" > " + erasedAt;
      Found views = query(db, deadline, files, LakeRecord.PAGE_VIEW, readerId, "DISTINCT ON (\"eventId\")",
          "\"eventId\" IS NOT NULL" + (sinceErasure.isEmpty() ? "" : " AND " + sinceErasure), "\"timestamp\", \"eventId\"", limit);
      Found impressions = query(db, deadline, files, LakeRecord.IMPRESSION, readerId, "DISTINCT", sinceErasure,
          "\"timestamp\", \"requestId\", \"kind\"", limit);
      Found audit = query(db, deadline, files, LakeRecord.AUDIT, readerId, "DISTINCT ON (\"id\")", "", "\"at\", \"id\"",
          limit);
      List<Found> all = List.of(views, impressions, erasures, audit);
      return new LakePart(true, null, root.toString(), erasedAt, views.records(), impressions.records(),
          erasures.records(), audit.records(),
          new LakePart.Counts(views.total(), impressions.total(), erasures.total(), audit.total()), limit,
          all.stream().anyMatch(f -> f.total() > f.records().size()),
          new LakePart.ScannedFiles(files.values().stream().mapToInt(l -> l.parquet().size()).sum(),
              files.values().stream().mapToInt(l -> l.jsonl().size()).sum()),
          Math.round((System.nanoTime() - started) / 1e6) / 1e3);
    } catch (SQLException e) {
      if (!(e instanceof SQLTimeoutException) && files.values().stream().anyMatch(LakeListing::vanished)) {
        throw new FilesRetired(e);
      }
      throw e;
    }
  }

  /** A reader's records of one dataset and how many there are before {@code limit}. */
  private record Found(long total, List<JsonNode> records) {}

  private Found query(Connection db, long deadline, Map<LakeRecord, LakeListing> files, LakeRecord record,
      String readerId, String distinct, String where, String order, int limit) throws SQLException {
    String rows = record.readerRows(files.get(record), readerId);
    if (rows == null) {
      return new Found(0, List.of());
    }
    String sql = "WITH kept AS (SELECT " + distinct + " * FROM (" + rows + ")"
        + (where.isEmpty() ? "" : " WHERE " + where) + ")"
        + " SELECT count(*) OVER () AS total, to_json(kept) AS record FROM kept ORDER BY " + order + " LIMIT " + limit;
    long total = 0;
    List<JsonNode> records = new ArrayList<>();
    try (Statement statement = db.createStatement()) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new SQLTimeoutException("no time left before " + record + " was read");
      }
      statement.setQueryTimeout((int) Math.max(1, Math.ceil(left / 1e9)));
      try (ResultSet rs = statement.executeQuery(sql)) {
        while (rs.next()) {
          total = rs.getLong(1);
          records.add(withoutNulls(json.readTree(rs.getString(2))));
        }
      }
    }
    return new Found(total, records);
  }

  /** Fields the event does not have are left out, as the lake's JSON does. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> nulls = new ArrayList<>();
      object.properties().forEach(e -> {
        if (e.getValue().isNull()) {
          nulls.add(e.getKey());
        }
      });
      object.remove(nulls);
    }
    return node;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** A query failed and some listed file is gone: compaction retired or rewrote it since the listing. */
  private static final class FilesRetired extends SQLException {
    FilesRetired(SQLException cause) {
      super(cause.getMessage(), cause);
    }
  }
}
