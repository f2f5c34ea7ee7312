package com.eplly.bench.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizesTest {

  @Test
  void suffixesAndPlainNumbersInOrder() {
    assertEquals(List.of(1_000_000, 3_000_000, 250_000, 1234), Sizes.parse("1M, 3m,250k,1234"));
    assertEquals(List.of("1M", "250k", "1234"), List.of(Sizes.label(1_000_000), Sizes.label(250_000), Sizes.label(1234)));
  }

  @Test
  void badSizesNameTheItem() {
    for (String bad : new String[] {"1M,x", "0", "-5k", "3G", "3000M"}) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sizes.parse(bad), bad);
      assertTrue(e.getMessage().startsWith("size '"), e.getMessage());
    }
  }
}
