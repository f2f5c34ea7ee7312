package com.eplly.contracts.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LakeLayoutTest {

  @Test
  void hourFolderIsHiveStyleInUtc() {
    assertEquals("date=2026-11-27/hour=05", LakeLayout.hourFolder(Instant.parse("2026-11-27T05:59:59Z").toEpochMilli()));
  }

  @Test
  void fileNamesCarryTheirOffsetRange() {
    String name = LakeLayout.fileName(3, 100, 250);
    assertEquals(Optional.of(new LakeLayout.OffsetRange(3, 100, 250)), LakeLayout.parseFileName(name));
    assertTrue(LakeLayout.parseFileName(LakeLayout.TEMP_PREFIX + name).isEmpty());
  }
}
