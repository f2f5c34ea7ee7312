package com.eplly.ingest.live;

/**
 * One page view's effect on one live-state key, tagged with the view's Kafka position so that a
 * replay can leave out what a watermark says is already applied.
 *
 * @param amount   a count's increment, or for a reader's sessions the view's time (epoch ms)
 * @param expireAt for trending buckets, when the bucket expires (epoch ms); 0 otherwise
 */
record LiveChange(int partition, long offset, Target target, String key, String member, double amount, long expireAt) {

  /** The kinds of live-state key. */
  enum Target {
    READER_RECENT, READER_SESSIONS, SESSION_RECENT, TRENDING, CO_VISITS
  }
}
