package com.eplly.generator.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.Article;
import com.eplly.contracts.event.PageView;
import com.eplly.contracts.lake.LakeLayout;
import com.eplly.generator.DemoConfig;
import com.eplly.generator.DemoDataGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedLakeTest {

  private static final long END = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
  private static final DemoConfig CONFIG = DemoConfig.scaled(3, 5_000, END);
  private final EventCodec codec = new EventCodec(Clock.systemUTC());

  @Test
  void theSameSeedWritesTheSameFilesByteForByte(@TempDir Path dir) throws IOException, NoSuchAlgorithmException {
    GeneratedLake.Written written = new GeneratedLake(dir).write(new DemoDataGenerator(CONFIG), n -> {});

    // Pinned from `reco generate` before the generator left contracts (eb204b9): a change here
    // changes every lake, benchmark and evaluation built on generated data.
    List<Path> files = files(dir);
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    Map<String, Integer> linesPerDataset = new TreeMap<>();
    for (Path f : files) {
      String name = dir.relativize(f).toString();
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) '\n');
      sha.update(Files.readAllBytes(f));
      linesPerDataset.merge(name.substring(0, name.indexOf('/')), Files.readAllLines(f).size(), Integer::sum);
    }
    assertEquals(new GeneratedLake.Written(4_721, 100, 659), written);
    assertEquals(659, files.size());
    assertEquals(Map.of(LakeLayout.ARTICLES, 100, LakeLayout.PAGE_VIEWS, 4_721), linesPerDataset);
    assertEquals("articles/date=2026-10-23/hour=03/part-1-0-0.jsonl", dir.relativize(files.get(0)).toString());
    assertEquals("page-views/date=2026-10-31/hour=23/part-3-1060-1062.jsonl",
        dir.relativize(files.get(files.size() - 1)).toString());
    assertEquals("7535d2a945356d9270f0cf91809676223b4313d1a0cb6fd780e64d3b47a322cd",
        HexFormat.of().formatHex(sha.digest()));
  }

  @Test
  void everyGeneratedRecordIsWrittenOnce(@TempDir Path dir) throws IOException {
    DemoDataGenerator generator = new DemoDataGenerator(CONFIG);
    List<Long> progress = new ArrayList<>();

    GeneratedLake.Written written = new GeneratedLake(dir).write(generator, progress::add);

    List<PageView> views = new ArrayList<>();
    List<Article> articles = new ArrayList<>();
    for (Path f : files(dir)) {
      for (String line : Files.readAllLines(f)) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (dir.relativize(f).startsWith(LakeLayout.PAGE_VIEWS)) {
          views.add(valid(codec.decodePageView(bytes)));
        } else {
          articles.add(valid(codec.decodeArticle(bytes)));
        }
      }
    }
    Set<PageView> expectedViews = new HashSet<>(generator.pageViewStream().toList());
    assertEquals(expectedViews.size(), views.size());
    assertEquals(expectedViews, new HashSet<>(views));
    assertEquals(new HashSet<>(generator.articles()), new HashSet<>(articles));
    assertEquals(new GeneratedLake.Written(views.size(), CONFIG.articles(), files(dir).size()), written);
    assertEquals(List.of(), progress, "progress is reported per million page views");
  }

  @Test
  void everyFileSitsInTheHourOfItsRecordsUnderAnIngestName(@TempDir Path dir) throws IOException {
    new GeneratedLake(dir).write(new DemoDataGenerator(CONFIG), n -> {});

    for (Path f : files(dir)) {
      LakeLayout.OffsetRange offsets = LakeLayout.parseFileName(f.getFileName().toString())
          .orElseThrow(() -> new AssertionError("not an ingest file name: " + f));
      List<String> lines = Files.readAllLines(f);
      assertTrue(lines.size() <= offsets.last() - offsets.first() + 1, f::toString);
      String hourFolder = dir.relativize(f.getParent()).toString();
      for (String line : lines) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        long hourTime = hourFolder.startsWith(LakeLayout.PAGE_VIEWS)
            ? valid(codec.decodePageView(bytes)).timestamp()
            : valid(codec.decodeArticle(bytes)).publishedAt();
        assertTrue(hourFolder.endsWith(LakeLayout.hourFolder(hourTime)), line + " in " + hourFolder);
      }
    }
  }

  @Test
  void refusesALakeThatAlreadyHoldsData(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("something"), "x");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new GeneratedLake(dir).write(new DemoDataGenerator(CONFIG), n -> {}));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static <T> T valid(Decoded<T> decoded) {
    if (decoded instanceof Decoded.Valid<T> v) {
      return v.value();
    }
    throw new AssertionError("written record does not decode: " + decoded);
  }
}
