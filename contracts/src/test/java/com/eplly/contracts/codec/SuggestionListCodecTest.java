package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionListCodecTest {

  @Test
  void roundTripsIdsScoresAndReasons() {
    List<Suggestion> list = List.of(
        new Suggestion("a-1", 0.93125, Reason.READ_TOGETHER),
        new Suggestion("news:2026.x-7", 1.5e-7, Reason.SIMILAR_READERS),
        new Suggestion("a-3", 12.0, Reason.POPULAR));
    String encoded = SuggestionListCodec.encode(list);
    assertEquals("a-1 0.93125 T|news:2026.x-7 1.5000e-07 R|a-3 12.000 P", encoded);
    assertEquals(list, SuggestionListCodec.decode(encoded));
  }

  @Test
  void emptyAndMissingValuesAreEmptyLists() {
    assertEquals(List.of(), SuggestionListCodec.decode(null));
    assertEquals(List.of(), SuggestionListCodec.decode(SuggestionListCodec.encode(List.of())));
  }

  @Test
  void rejectsGarbage() {
    assertThrows(IllegalArgumentException.class, () -> SuggestionListCodec.decode("a-1 0.5"));
    assertThrows(IllegalArgumentException.class, () -> SuggestionListCodec.decode("a-1 0.5 Z"));
  }
}
