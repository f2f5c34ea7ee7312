package com.eplly.contracts.serving;

import com.eplly.contracts.event.Suggestion;
import java.util.ArrayList;
import java.util.List;

/**
 * How the neighbours of a reader's newest reads stand in for a current article's list: per seed
 * its model list then its live co-visits, interleaved across seeds newest first, so the newest
 * read leads without crowding out the others.
 */
public final class RecentNeighbours {

  private RecentNeighbours() {}

  /** @param perSeed each seed's candidates, newest seed first */
  public static List<Suggestion> interleave(List<List<Suggestion>> perSeed) {
    List<Suggestion> out = new ArrayList<>();
    for (int rank = 0; ; rank++) {
      boolean any = false;
      for (List<Suggestion> one : perSeed) {
        if (rank < one.size()) {
          out.add(one.get(rank));
          any = true;
        }
      }
      if (!any) {
        return out;
      }
    }
  }
}
