package com.eplly.deploy.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.lake.LakeLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeCountTest {

  @TempDir
  Path lake;

  @Test
  void countsLostDuplicatedAndUnexpectedEventsAndSkipsTempFiles() throws IOException {
    Path hour = Files.createDirectories(lake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(0L)));
    Files.writeString(hour.resolve(LakeLayout.fileName(0, 0, 2)), line("e1") + line("e2") + line("e2"));
    Files.writeString(hour.resolve(LakeLayout.fileName(1, 0, 0)), line("stray"));
    // an unfinished file is not in the lake yet
    Files.writeString(hour.resolve(LakeLayout.TEMP_PREFIX + LakeLayout.fileName(2, 0, 0)), line("e3"));

    LakeCount c = LakeCount.of(lake, LakeLayout.PAGE_VIEWS, List.of("e1", "e2", "e3"));

    assertEquals(new LakeCount(3, 4, 1, 1, 1), c);
    assertFalse(c.exactlyOnce());
  }

  @Test
  void everySentEventOnceIsExactlyOnce() throws IOException {
    Path hour = Files.createDirectories(lake.resolve(LakeLayout.PAGE_VIEWS).resolve(LakeLayout.hourFolder(0L)));
    Files.writeString(hour.resolve(LakeLayout.fileName(0, 0, 1)), line("e1") + line("e2"));

    assertTrue(LakeCount.of(lake, LakeLayout.PAGE_VIEWS, List.of("e1", "e2")).exactlyOnce());
  }

  private static String line(String eventId) {
    return "{\"eventId\":\"" + eventId + "\",\"readerId\":\"r\",\"articleId\":\"a\"}\n";
  }
}
