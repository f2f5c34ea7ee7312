package com.eplly.contracts.serving;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.contracts.event.Reason;
import com.eplly.contracts.event.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionBlendTest {

  private static List<Suggestion> list(String... ids) {
    return java.util.Arrays.stream(ids).map(id -> new Suggestion(id, 0, Reason.READ_TOGETHER)).toList();
  }

  @Test
  void itemsSeveralReadsPointToRiseAndTheNewestReadWeighsMost() {
    // Newest read's list a b c d: 1, 3/4, 1/2, 1/4. Older read's list d e: (1, 1/2) / 2 = 1/2, 1/4.
    // a 1, b 0.75, d 0.25 + 0.5 = 0.75 (after b: b was listed first), c 0.5, e 0.25.
    List<Suggestion> out = SessionBlend.blend(List.of(list("a", "b", "c", "d"), list("d", "e")));
    assertEquals(List.of("a", "b", "d", "c", "e"), out.stream().map(Suggestion::articleId).toList());
    assertEquals(0.75, out.get(2).score(), 1e-12);
  }

  @Test
  void oneReadKeepsItsOwnOrder() {
    assertEquals(List.of("x", "y"), SessionBlend.blend(List.of(list("x", "y"))).stream().map(Suggestion::articleId).toList());
  }
}
