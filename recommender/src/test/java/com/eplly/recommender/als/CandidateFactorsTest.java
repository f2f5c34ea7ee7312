package com.eplly.recommender.als;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.recommender.hybrid.BoundedTopK;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reader's top against every unread candidate offered one by one to a {@link BoundedTopK}. */
class CandidateFactorsTest {

  @Test
  void topEqualsOfferingEveryUnreadCandidate() {
    Random random = new Random(11);
    int rank = 4;
    int n = 300;
    String[] labels = new String[n];
    float[] factors = new float[rank * n];
    for (int j = 0; j < n; j++) {
      labels[j] = String.format("a-%04d", j);
      for (int f = 0; f < rank; f++) {
        // Coarse values, so that many candidates tie and the order among them is tested.
        factors[j * rank + f] = random.nextInt(5) - 2;
      }
    }
    CandidateFactors candidates = new CandidateFactors(rank, labels, factors);
    float[] reader = {1, 0.5f, -1, 2};
    Set<String> read = new HashSet<>(List.of("a-0003", "a-0100", "not-a-candidate"));

    BoundedTopK top = candidates.top(reader, read, 25, new float[n]);

    BoundedTopK expected = new BoundedTopK(25);
    for (int j = 0; j < n; j++) {
      if (!read.contains(labels[j])) {
        float score = 0;
        for (int f = 0; f < rank; f++) {
          score += factors[j * rank + f] * reader[f];
        }
        expected.offer(labels[j], score);
      }
    }
    assertEquals(expected.best(), top.best());
    assertEquals(expected.min(), top.min());
    assertEquals(expected.max(), top.max());
    assertTrue(top.best().stream().noneMatch(e -> read.contains(e.id())));
  }

  @Test
  void aReaderWhoReadEveryCandidateGetsNothing() {
    CandidateFactors candidates = new CandidateFactors(1, new String[] {"a", "b"}, new float[] {1, 2});
    assertTrue(candidates.top(new float[] {1}, List.of("a", "b"), 5, new float[2]).isEmpty());
  }
}
