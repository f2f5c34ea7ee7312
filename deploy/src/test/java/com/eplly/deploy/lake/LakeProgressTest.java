package com.eplly.deploy.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.lake.LakeLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeProgressTest {

  @Test
  void countsEachOffsetOfEachPartitionOnce() {
    List<String> names = List.of(
        LakeLayout.fileName(0, 0, 99),        // 100
        LakeLayout.fileName(0, 100, 100),     // 1
        LakeLayout.fileName(3, 7, 16),        // 10
        LakeLayout.TEMP_PREFIX + LakeLayout.fileName(1, 0, 999),
        "README.txt",
        "part-1-x-3.jsonl");
    assertEquals(111, LakeProgress.offsetsCovered(names));
  }

  @Test
  void overlappingRangesOfOneBatchSplitIntoHourFilesAreNotCountedTwice() {
    // offsets 0..9 of partition 2: hour 20 got 0,1,3,4; hour 21 got 2,5..9 (interleaved events)
    assertEquals(10, LakeProgress.offsetsCovered(List.of(LakeLayout.fileName(2, 0, 4), LakeLayout.fileName(2, 2, 9))));
    // a range inside another, and a gap that stays uncounted
    assertEquals(8, LakeProgress.offsetsCovered(List.of(
        LakeLayout.fileName(2, 0, 5), LakeLayout.fileName(2, 1, 3), LakeLayout.fileName(2, 9, 10))));
  }

  @Test
  void countsAcrossHourFoldersAndIsZeroBeforeTheLakeExists(@TempDir Path lake) throws Exception {
    assertEquals(0, LakeProgress.offsetsCovered(lake, LakeLayout.PAGE_VIEWS));
    assertEquals(0, LakeProgress.lines(lake, LakeLayout.PAGE_VIEWS));
    Path h1 = lake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(0));
    Path h2 = lake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(3_600_000));
    Files.createDirectories(h1);
    Files.createDirectories(h2);
    Files.writeString(h1.resolve(LakeLayout.fileName(0, 0, 4)), "a\nb\nc\n");
    Files.writeString(h2.resolve(LakeLayout.fileName(0, 3, 9)), "d\ne\n\n");
    Files.writeString(h2.resolve(LakeLayout.TEMP_PREFIX + "x"), "tmp\n");
    Path articles = lake.resolve(LakeLayout.ARTICLES).resolve(LakeLayout.hourFolder(0));
    Files.createDirectories(articles);
    Files.writeString(articles.resolve(LakeLayout.fileName(0, 0, 99)), "z\n");
    assertEquals(10, LakeProgress.offsetsCovered(lake, LakeLayout.PAGE_VIEWS));
    assertEquals(5, LakeProgress.lines(lake, LakeLayout.PAGE_VIEWS));
    assertEquals(2, LakeProgress.finishedFiles(lake.resolve(LakeLayout.PAGE_VIEWS)).size());
  }
}
