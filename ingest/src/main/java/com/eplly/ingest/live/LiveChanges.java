package com.eplly.ingest.live;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.live.CoVisitRule;
import com.eplly.contracts.live.TrendingRule;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.ingest.config.IngestProperties;
import com.eplly.ingest.live.LiveChange.Target;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live-state rules: which keys a page view changes (its reader's and session's recent reads, the
 * reader's sessions, the trending bucket of its time, the co-visits of a first read after another),
 * and how a run of changes sums up per key. The only place those rules live; {@link LiveStateWriter}
 * only ships the result.
 */
final class LiveChanges {

  private final IngestProperties.Live settings;

  LiveChanges(IngestProperties.Live settings) {
    this.settings = settings;
  }

  /**
   * The changes of {@code events} (consumption order), in that order.
   *
   * @param sessions each session's recent reads before the events; updated in place to after them
   */
  List<LiveChange> of(List<LiveEvent> events, Map<String, SessionMemory.Recent> sessions, long now) {
    List<PageView> views = new ArrayList<>(events.size());
    events.forEach(e -> views.add(e.view()));
    List<CoVisitPairs.Pair> pairs = CoVisitPairs.find(views, sessions, settings.sessionRecentCap());

    List<LiveChange> changes = new ArrayList<>(events.size() * 5);
    int nextPair = 0;
    for (int i = 0; i < events.size(); i++) {
      LiveEvent e = events.get(i);
      PageView v = e.view();
      changes.add(change(e, Target.READER_RECENT, Keyspace.readerRecent(v.readerId()), v.articleId(), 1, 0));
      changes.add(change(e, Target.READER_SESSIONS, Keyspace.readerSessions(v.readerId()), v.sessionId(),
          v.timestamp(), 0));
      changes.add(change(e, Target.SESSION_RECENT, Keyspace.sessionRecent(v.sessionId()), v.articleId(), 1, 0));
      long expireAt = TrendingRule.bucketExpiry(v.timestamp(), settings.trendingTtl());
      if (expireAt > now) { // an old event (replayed history) would only recreate an expired bucket
        changes.add(change(e, Target.TRENDING, Keyspace.trending(v.timestamp()), v.articleId(), TrendingRule.VIEW,
            expireAt));
      }
      while (nextPair < pairs.size() && pairs.get(nextPair).index() == i) {
        CoVisitPairs.Pair pair = pairs.get(nextPair++);
        changes.add(change(e, Target.CO_VISITS, Keyspace.coVisits(pair.from()), pair.to(), CoVisitRule.READ_AFTER, 0));
        if (settings.coVisitReverseWeight() > 0) {
          changes.add(change(e, Target.CO_VISITS, Keyspace.coVisits(pair.to()), pair.from(),
              settings.coVisitReverseWeight(), 0));
        }
      }
    }
    return changes;
  }

  /** Sums {@code changes} (in order) into one update per key, in first-seen order. */
  Map<String, KeyUpdate> byKey(List<LiveChange> changes) {
    Map<String, List<String>> pushes = new LinkedHashMap<>();
    Map<String, Map<String, Double>> counts = new LinkedHashMap<>();
    Map<String, LiveChange> firstOf = new LinkedHashMap<>();
    for (LiveChange c : changes) {
      firstOf.putIfAbsent(c.key(), c);
      switch (c.target()) {
        case READER_RECENT, SESSION_RECENT -> pushes.computeIfAbsent(c.key(), k -> new ArrayList<>(4)).add(c.member());
        case TRENDING, CO_VISITS -> counts.computeIfAbsent(c.key(), k -> new LinkedHashMap<>())
            .merge(c.member(), c.amount(), Double::sum);
        case READER_SESSIONS -> counts.computeIfAbsent(c.key(), k -> new LinkedHashMap<>())
            .merge(c.member(), c.amount(), Math::max);
      }
    }
    Map<String, KeyUpdate> updates = new LinkedHashMap<>(firstOf.size() * 2);
    firstOf.forEach((key, first) -> updates.put(key, switch (first.target()) {
      case READER_RECENT -> new KeyUpdate.ListPush(key, settings.readerRecentCap(),
          settings.readerFirstReadTtl().toMillis(), settings.readerRecentTtl().toMillis(), 2, pushes.get(key));
      // as long-lived as a session list, so it names every session list the reader still has
      case READER_SESSIONS -> new KeyUpdate.Newest(key, settings.readerSessionsCap(),
          settings.sessionRecentTtl().toMillis(), counts.get(key));
      case SESSION_RECENT -> new KeyUpdate.ListPush(key, settings.sessionRecentCap(),
          settings.sessionRecentTtl().toMillis(), settings.sessionRecentTtl().toMillis(), 1, pushes.get(key));
      case TRENDING -> new KeyUpdate.Counts(key, settings.trendingCap(), true, first.expireAt(), counts.get(key));
      case CO_VISITS -> new KeyUpdate.Counts(key, settings.coVisitCap(), false, settings.coVisitTtl().toMillis(),
          counts.get(key));
    }));
    return updates;
  }

  private static LiveChange change(LiveEvent e, Target target, String key, String member, double amount, long expireAt) {
    return new LiveChange(e.partition(), e.offset(), target, key, member, amount, expireAt);
  }
}
