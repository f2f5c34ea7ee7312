package com.eplly.deploy.e2e;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.deploy.lake.LakeProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** What the lake's page-view files really hold, line by line. */
record LakeContents(long lines, List<String> eventIds, List<String> undecodable) {

  /** How many lines of the page-view files are the reader's. */
  static long linesOf(Path pageViewsRoot, String readerId) {
    EventCodec codec = new EventCodec(Clock.systemUTC());
    long lines = 0;
    for (Path file : LakeProgress.finishedFiles(pageViewsRoot)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (!line.isBlank() && codec.decodePageView(line.getBytes(StandardCharsets.UTF_8))
              instanceof Decoded.Valid<PageView> v && readerId.equals(v.value().readerId())) {
            lines++;
          }
        }
      } catch (NoSuchFileException e) {
        // retired by compaction while listed
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lines;
  }

  static LakeContents read(Path pageViewsRoot) {
    EventCodec codec = new EventCodec(Clock.systemUTC());
    long lines = 0;
    List<String> ids = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Path file : LakeProgress.finishedFiles(pageViewsRoot)) {
      List<String> content;
      try {
        content = Files.readAllLines(file, StandardCharsets.UTF_8);
      } catch (NoSuchFileException e) {
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (String line : content) {
        if (line.isBlank()) {
          continue;
        }
        lines++;
        Decoded<PageView> d = codec.decodePageView(line.getBytes(StandardCharsets.UTF_8));
        if (d instanceof Decoded.Valid<PageView> v) {
          ids.add(v.value().eventId());
        } else {
          bad.add(file.getFileName() + ": " + line);
        }
      }
    }
    return new LakeContents(lines, ids, bad);
  }
}
