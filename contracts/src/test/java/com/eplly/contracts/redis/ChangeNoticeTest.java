package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Change notices survive the channel, and a big catalog batch becomes one small notice. */
class ChangeNoticeTest {

  @Test
  void everyKindRoundTripsThroughItsMessage() {
    for (ChangeNotice n : List.of(ChangeNotice.RULES, ChangeNotice.EXPERIMENTS, ChangeNotice.CATALOG,
        ChangeNotice.articles(List.of("a-1", "b:2.x")))) {
      assertEquals(n, ChangeNotice.parse(n.message()), n.message());
    }
  }

  @Test
  void tooManyArticlesAreAnnouncedAsTheWholeCatalog() {
    List<String> many = IntStream.range(0, ChangeNotice.MAX_NAMED_ARTICLES + 1).mapToObj(i -> "a-" + i).toList();
    assertEquals(ChangeNotice.CATALOG, ChangeNotice.articles(many));
    assertEquals(ChangeNotice.Kind.ARTICLES, ChangeNotice.articles(many.subList(0, 100)).kind());
  }

  @Test
  void unknownMessagesAreIgnored() {
    assertNull(ChangeNotice.parse("models"));
    assertNull(ChangeNotice.parse("articles "));
    assertNull(ChangeNotice.parse(null));
  }
}
