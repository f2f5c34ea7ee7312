package com.eplly.api.changes;

import com.eplly.contracts.redis.ChangeNotice;

/** A holder of cached serving state that {@link ChangeSubscriber} tells about changes. */
public interface ChangeListener {

  /** Something this instance may hold changed; runs on the subscriber's thread, so it must be quick. */
  void changed(ChangeNotice notice);

  /**
   * The subscription (re)started: notices may have been missed while it was down, so drop or
   * re-read everything the notices would have invalidated.
   */
  void resync();
}
