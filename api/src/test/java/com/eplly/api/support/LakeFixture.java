package com.eplly.api.support;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.duckdb.DuckDBDriver;

/**
 * A small lake as ingest and {@code reco compact} leave it, for the export tests: one compacted hour
 * of page views in Parquet (written by DuckDB, without the {@code position} column, as an older
 * compaction wrote them), JSONL hours with replays, a mixed hour, a file being written and a marker,
 * impressions, erasures and audit records.
 *
 * <p>Readers: {@code r-1} (2 page views, one of them replayed three times; a served event twice and a
 * viewable impression), {@code r-gone} erased at {@link #ERASED_AT} (an older erasure too), with one page view
 * and one served event before it and one page view after, and {@code r-other}, who must never show.
 */
public final class LakeFixture {

  /** When {@code r-gone} was erased (their latest erasure). */
  public static final long ERASED_AT = 1_793_530_000_000L;
  /** An hour compacted to Parquet (2026-11-01 10:00 UTC) and the next hour, still JSONL. */
  private static final long H10 = 1_793_527_200_000L;
  private static final long H11 = H10 + 3_600_000L;

  private LakeFixture() {}

  /** Replaces whatever {@code root} holds with the fixture lake. */
  public static void write(Path root) {
    clear(root);
    parquetHour(root, LakeLayout.PAGE_VIEWS, H10, """
        SELECT * FROM (VALUES
          ('e1', 'r-1', 'a-1', 's-1', %d, NULL, 1000, NULL),
          ('o1', 'r-other', 'a-1', 's-9', %d, NULL, 500, NULL),
          ('g1', 'r-gone', 'a-2', 's-5', %d, NULL, 700, NULL))
        t(eventId, readerId, articleId, sessionId, "timestamp", referrerArticleId, dwellMs, requestId)
        """.formatted(H10 + 1_000, H10 + 2_000, H10 + 3_000));
    // hour 10 is mixed: e1 arrived again (a replay), and r-gone's views around the erasure
    jsonl(root, LakeLayout.PAGE_VIEWS, H10, "part-0-40-42.jsonl",
        view("e1", "r-1", "a-1", H10 + 1_000, ""),
        view("g2", "r-gone", "a-4", ERASED_AT, ""),
        view("g3", "r-gone", "a-5", ERASED_AT + 1, ""));
    String e2 = view("e2", "r-1", "a-3", H11 + 1_000, ",\"referrerArticleId\":\"a-1\",\"requestId\":\"q-1\",\"position\":2");
    jsonl(root, LakeLayout.PAGE_VIEWS, H11, "part-0-43-45.jsonl",
        e2,
        view("o2", "r-other", "a-3", H11 + 1_500, ""),
        "{not json");
    jsonl(root, LakeLayout.PAGE_VIEWS, H11, "part-1-7-8.jsonl", e2, e2);
    jsonl(root, LakeLayout.PAGE_VIEWS, H11, "part-1-6-6.jsonl"); // a compaction marker: empty
    jsonl(root, LakeLayout.PAGE_VIEWS, H11, LakeLayout.TEMP_PREFIX + "part-0-46-46.jsonl",
        view("tmp", "r-1", "a-6", H11 + 5_000, ""));

    String served = "{\"kind\":\"served\",\"requestId\":\"q-1\",\"timestamp\":%d,\"readerId\":\"r-1\",\"sessionId\":\"s-1\","
        .formatted(H11 + 500) + "\"articleId\":\"a-1\",\"version\":\"v1\",\"degraded\":false,"
        + "\"items\":[{\"articleId\":\"a-3\",\"position\":2,\"reason\":\"read-together\"}]}";
    jsonl(root, LakeLayout.IMPRESSIONS, H11, "part-0-0-3.jsonl",
        served,
        served,
        "{\"kind\":\"viewable\",\"requestId\":\"q-1\",\"timestamp\":%d,\"readerId\":\"r-1\",\"sessionId\":\"s-1\",\"articleIds\":[\"a-3\"]}"
            .formatted(H11 + 900),
        "{\"kind\":\"served\",\"requestId\":\"q-2\",\"timestamp\":%d,\"readerId\":\"r-gone\",\"items\":[]}".formatted(ERASED_AT - 5),
        "{\"kind\":\"served\",\"requestId\":\"q-3\",\"timestamp\":%d,\"readerId\":\"r-other\",\"items\":[]}".formatted(H11));

    jsonl(root, LakeLayout.ERASURES, ERASED_AT, "part-0-0-1.jsonl",
        "{\"readerId\":\"r-gone\",\"erasedAt\":%d,\"requestedBy\":\"ops\"}".formatted(ERASED_AT - 60_000),
        "{\"readerId\":\"r-gone\",\"erasedAt\":%d,\"requestedBy\":\"ops\"}".formatted(ERASED_AT));
    jsonl(root, LakeLayout.AUDIT, ERASED_AT, "part-0-0-1.jsonl",
        audit("x-1", "reader.erase", "DELETE", "r-gone", ERASED_AT),
        audit("x-2", "reader.erase", "DELETE", "r-other", ERASED_AT + 10));
  }

  private static String view(String id, String reader, String article, long at, String more) {
    return "{\"eventId\":\"%s\",\"readerId\":\"%s\",\"articleId\":\"%s\",\"sessionId\":\"s-%s\",\"timestamp\":%d,\"dwellMs\":900%s}"
        .formatted(id, reader, article, reader, at, more);
  }

  private static String audit(String id, String action, String method, String target, long at) {
    return ("{\"id\":\"%s\",\"at\":%d,\"actor\":\"ops\",\"action\":\"%s\",\"method\":\"%s\",\"path\":\"/v1/admin/readers/%s\","
        + "\"target\":\"%s\",\"details\":{},\"status\":202,\"requestId\":\"rq-%s\"}").formatted(id, at, action, method, target,
        target, id);
  }

  private static void jsonl(Path root, String dataset, long hourOf, String name, String... lines) {
    Path file = root.resolve(dataset).resolve(LakeLayout.hourFolder(hourOf)).resolve(name);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void parquetHour(Path root, String dataset, long hourOf, String select) {
    Path file = root.resolve(LakeLayout.compactedDataset(dataset)).resolve(LakeLayout.hourFolder(hourOf))
        .resolve(LakeLayout.COMPACTED_FILE);
    try (Connection db = new DuckDBDriver().connect("jdbc:duckdb:", new Properties());
        Statement s = db.createStatement()) {
      Files.createDirectories(file.getParent());
      s.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void clear(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      List<Path> deepestFirst = all.sorted(Comparator.reverseOrder()).toList();
      for (Path p : deepestFirst) {
        if (!p.equals(root)) {
          Files.delete(p);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
