package com.eplly.contracts.serving;

import com.eplly.contracts.event.Suggestion;
import java.util.List;
import java.util.Set;

/**
 * Everything one request read from Redis, before merging: the candidate lists in fallback order
 * and what the reader has already read.
 *
 * @param articleNeighbours the model's list for the current article (read-together, similar-content)
 * @param coVisits          live co-visits of the current article, scored after its model list
 *                          ({@link com.eplly.contracts.live.CoVisitRule})
 * @param recentNeighbours  without a current article: model lists and live co-visits of the
 *                          session's (then the reader's) newest reads, interleaved newest first
 *                          ({@link RecentNeighbours}); ahead of the reader's profile, since the
 *                          session is news the profile has not seen
 * @param readerProfile     the model's personal list of the reader
 * @param historyNeighbours the same for a request whose session has no reads: then the newest
 *                          reads are the reader's older history, which the profile already
 *                          sums up, so they come after it
 * @param trending          articles trending now, already summed over recent buckets
 * @param popular           the model version's popular list
 * @param latest            the newest articles
 * @param alreadyRead       recent reads of the reader and of the session
 * @param liveSimilar       live content neighbours of the current article from ingest's index
 *                          (new articles on the same topic, or a new article's own neighbours)
 */
public record CandidateLists(
    List<Suggestion> articleNeighbours,
    List<Suggestion> coVisits,
    List<Suggestion> recentNeighbours,
    List<Suggestion> readerProfile,
    List<Suggestion> historyNeighbours,
    List<Suggestion> trending,
    List<Suggestion> popular,
    List<Suggestion> latest,
    Set<String> alreadyRead,
    List<Suggestion> liveSimilar) {

  public CandidateLists {
    articleNeighbours = List.copyOf(articleNeighbours);
    coVisits = List.copyOf(coVisits);
    recentNeighbours = List.copyOf(recentNeighbours);
    readerProfile = List.copyOf(readerProfile);
    historyNeighbours = List.copyOf(historyNeighbours);
    trending = List.copyOf(trending);
    popular = List.copyOf(popular);
    latest = List.copyOf(latest);
    alreadyRead = Set.copyOf(alreadyRead);
    liveSimilar = List.copyOf(liveSimilar);
  }

  /** Sources without neighbours of the reader's older history. */
  public CandidateLists(
      List<Suggestion> articleNeighbours, List<Suggestion> coVisits, List<Suggestion> recentNeighbours,
      List<Suggestion> readerProfile, List<Suggestion> trending, List<Suggestion> popular,
      List<Suggestion> latest, Set<String> alreadyRead, List<Suggestion> liveSimilar) {
    this(articleNeighbours, coVisits, recentNeighbours, readerProfile, List.of(), trending, popular, latest,
        alreadyRead, liveSimilar);
  }

  /** Sources without live content neighbours. */
  public CandidateLists(
      List<Suggestion> articleNeighbours, List<Suggestion> coVisits, List<Suggestion> recentNeighbours,
      List<Suggestion> readerProfile, List<Suggestion> trending, List<Suggestion> popular,
      List<Suggestion> latest, Set<String> alreadyRead) {
    this(articleNeighbours, coVisits, recentNeighbours, readerProfile, trending, popular, latest, alreadyRead,
        List.of());
  }

  /** Sources of a request that has no recent-reads stand-in for the current article. */
  public CandidateLists(
      List<Suggestion> articleNeighbours, List<Suggestion> coVisits, List<Suggestion> readerProfile,
      List<Suggestion> trending, List<Suggestion> popular, List<Suggestion> latest,
      Set<String> alreadyRead) {
    this(articleNeighbours, coVisits, List.of(), readerProfile, trending, popular, latest, alreadyRead);
  }

  /** Sources available without Redis: the fallback lists of a last-known snapshot. */
  /** These lists with only what serves without a model (trending, popular, latest); the reads still filter. */
  public CandidateLists withoutModel() {
    return new CandidateLists(List.of(), List.of(), List.of(), List.of(), List.of(), trending, popular, latest,
        alreadyRead, List.of());
  }

  /** Only {@code latest}, in the given order; the reads still filter. */
  public CandidateLists onlyLatest(List<Suggestion> ordered) {
    return new CandidateLists(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), ordered,
        alreadyRead, List.of());
  }

  public static CandidateLists fallbackOnly(
      List<Suggestion> trending, List<Suggestion> popular, List<Suggestion> latest) {
    return new CandidateLists(List.of(), List.of(), List.of(), trending, popular, latest, Set.of());
  }
}
