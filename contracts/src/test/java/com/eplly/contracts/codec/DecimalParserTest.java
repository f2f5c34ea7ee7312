package com.eplly.contracts.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast parse gives Double.parseDouble's very bits, on the stored lists' format and beyond. */
class DecimalParserTest {

  @Test
  void agreesBitForBitWithParseDoubleOnTheStoredFormatAndOthers() {
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 40_000; i++) {
      double x = switch (i % 4) {
        case 0 -> random.nextDouble();
        case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(-30, 30));
        case 2 -> -random.nextDouble(1e6);
        default -> random.nextInt(0, 1000) / 100.0;
      };
      for (String text : new String[] {
          String.format(Locale.ROOT, "%.5g", x), Double.toString(x), String.format(Locale.ROOT, "%.17g", x),
          String.format(Locale.ROOT, "%.3f", x), String.format(Locale.ROOT, "%.4e", x)}) {
        assertSame(text);
      }
    }
    for (String text : new String[] {"0", "-0", "0.0", "00012.5000", "+3", "1e22", "1e23", "1e-22", "1e-23",
        "123456789012345", "1234567890123456789", "9.99999e+307", "4.9e-324", "NaN", "-Infinity", "1E5", "7."}) {
      assertSame(text);
    }
  }

  @Test
  void refusesWhatParseDoubleRefuses() {
    for (String text : new String[] {"", ".", "-", "e5", "1e", "1.2.3", "1x", "--1"}) {
      assertThrows(NumberFormatException.class, () -> DecimalParser.parse("|" + text + "|", 1, text.length() + 1),
          text);
    }
  }

  private static void assertSame(String text) {
    String framed = "a-1 " + text + " T";
    assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
        Double.doubleToRawLongBits(DecimalParser.parse(framed, 4, 4 + text.length())), text);
  }
}
