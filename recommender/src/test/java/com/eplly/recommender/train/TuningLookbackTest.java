package com.eplly.recommender.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.eplly.recommender.datasets.Interaction;
import com.eplly.recommender.evaluate.LakeReplay;
import com.eplly.recommender.evaluate.ProtocolSplit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The lookback cut leaves the validation fit exactly the lookback before the window's cut-off. */
class TuningLookbackTest {

  private static final long H = 3_600_000L;
  private static final Duration WINDOW = Duration.ofHours(24);

  /** A session of two reads (a, then b) every hour for ten days: hours 0 to 239. */
  private static List<Interaction> tenDays() {
    List<Interaction> out = new ArrayList<>();
    for (int h = 0; h < 240; h++) {
      out.add(new Interaction("r" + h, "s" + h, "a", h * H));
      out.add(new Interaction("r" + h, "s" + h, "b", h * H + 60_000));
    }
    return out;
  }

  private static SelfTuning lookback(Duration lookback) {
    return new SelfTuning(WINDOW, lookback, 100, false, Optional.empty(), Optional.empty());
  }

  /** The replay of what tuning reads: the page views at or after {@link SelfTuning#firstKept}. */
  private static ProtocolSplit replayed(SelfTuning tuning) {
    List<Interaction> all = tenDays();
    long newest = all.stream().mapToLong(Interaction::timestamp).max().getAsLong();
    long first = tuning.firstKept(newest);
    List<Interaction> read = all.stream().filter(i -> i.timestamp() >= first).toList();
    return new LakeReplay(WINDOW, 6, 100).split(read, 1);
  }

  @Test
  void theValidationFitTrainsOnTheLookbackBeforeTheCutOffAndTheWindowIsAskedAsWithoutOne() {
    ProtocolSplit split = replayed(lookback(Duration.ofDays(3)));
    ProtocolSplit whole = replayed(lookback(Duration.ZERO));

    // Newest read: hour 239 + 1 min; the cut-off 24 h before it, the training part 72 h before that.
    Instant cutOff = Instant.ofEpochMilli(239 * H + 60_000).minus(WINDOW);
    Instant from = cutOff.minus(Duration.ofDays(3));
    assertEquals(cutOff.toString(), split.stats().get("cutOff"));
    assertEquals(from.toString(), split.stats().get("trainFrom"));
    assertEquals(whole.train().stream().filter(i -> i.timestamp() >= from.toEpochMilli()).toList(), split.train());
    assertEquals(whole.stats().get("testEventsWithAPreviousRead"), split.stats().get("testEventsWithAPreviousRead"));
    assertEquals(whole.queries().size(), split.queries().size());
  }

  @Test
  void aZeroLookbackReadsEverything() {
    assertEquals(Long.MIN_VALUE, lookback(Duration.ZERO).firstKept(239 * H));
    assertEquals(Instant.EPOCH.toString(), replayed(lookback(Duration.ZERO)).stats().get("trainFrom"));
  }
}
