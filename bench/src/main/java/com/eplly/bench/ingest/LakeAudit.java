package com.eplly.bench.ingest;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.deploy.lake.LakeProgress;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * What the page-view lake holds, read line by line and compared with what was produced.
 *
 * @param lines       records in finished files
 * @param distinct    distinct eventIds among them
 * @param undecodable lines that are not valid page views
 * @param missing     produced eventIds not in the lake
 * @param unexpected  lake eventIds that were never produced
 * @param tempFiles   unfinished {@code _tmp-} files present
 */
public record LakeAudit(long lines, long distinct, long undecodable, long missing, long unexpected, long tempFiles) {

  /** Reads the lake under {@code lakeRoot} and compares it with {@code produced}. */
  public static LakeAudit of(Path lakeRoot, Set<UUID> produced) {
    EventCodec codec = new EventCodec(Clock.systemUTC());
    Set<UUID> seen = new HashSet<>(Math.max(16, produced.size() * 4 / 3 + 1));
    long lines = 0;
    long bad = 0;
    for (Path file : LakeProgress.finishedFiles(lakeRoot.resolve(LakeLayout.PAGE_VIEWS))) {
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          lines++;
          if (codec.decodePageView(line.getBytes(StandardCharsets.UTF_8)) instanceof Decoded.Valid<PageView> v) {
            seen.add(UUID.fromString(v.value().eventId()));
          } else {
            bad++;
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
    }
    long unexpected = seen.stream().filter(id -> !produced.contains(id)).count();
    long missing = produced.stream().filter(id -> !seen.contains(id)).count();
    return new LakeAudit(lines, seen.size(), bad, missing, unexpected, tempFiles(lakeRoot));
  }

  /** Every produced event exactly once and nothing else. */
  public boolean exactlyOnce(long produced) {
    return lines == produced && distinct == produced && undecodable == 0 && missing == 0 && unexpected == 0;
  }

  public static long tempFiles(Path lakeRoot) {
    if (!Files.isDirectory(lakeRoot)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(lakeRoot)) {
      return all.filter(p -> p.getFileName().toString().startsWith(LakeLayout.TEMP_PREFIX)).count();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }
}
