package com.eplly.contracts.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which keys erasing a reader deletes: theirs, their sessions', in every version and experiment. */
class ReaderKeysTest {

  @Test
  void everyKeyOfTheReaderTheirSessionsVersionsAndExperiments() {
    List<String> keys = ReaderKeys.of("r-1", List.of("s-1", "s-2"), List.of("v1", "v2"), List.of("exp-a"));
    assertEquals(Set.of(
            "reader:r-1:recent", "reader:r-1:sessions",
            "session:s-1:recent", "session:s-2:recent",
            "reco:v1:reader:r-1", "reco:v2:reader:r-1",
            "exp:unit:exp-a:r-1", "exp:unit:exp-a:s-1", "exp:unit:exp-a:s-2"), Set.copyOf(keys));
    assertEquals(9, keys.size());
  }

  @Test
  void aReaderWithoutSessionsVersionsOrExperimentsStillLosesTheirOwnKeys() {
    assertEquals(List.of("reader:r-1:recent", "reader:r-1:sessions"), ReaderKeys.of("r-1", List.of(), List.of(), List.of()));
  }
}
