package com.eplly.deploy.compose;

import com.eplly.contracts.codec.EventCodec;
import com.eplly.contracts.event.PageView;
import com.eplly.deploy.client.ApiClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Posts page views to the api's {@code POST /v1/events} as a portal would, at a steady rate under
 * the api's per-client intake limit (a test host is one client), and logs each accepted one.
 * A 429 or 503 is answered by waiting and sending the same event again: neither put it in Kafka.
 */
public final class PacedStreamer {

  /** What one stream did. */
  public record Result(long accepted, long retried, long failed, double seconds) {}

  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  private static final int ATTEMPTS = 20;

  private final ApiClient api;
  private final EventCodec codec;
  private final SentLog log;
  private final PrintStream progress;

  public PacedStreamer(ApiClient api, EventCodec codec, SentLog log, PrintStream progress) {
    this.api = api;
    this.codec = codec;
    this.log = log;
    this.progress = progress;
  }

  public Result stream(List<PageView> views, double perSecond) throws InterruptedException {
    long start = System.nanoTime();
    long intervalNanos = (long) (1e9 / perSecond);
    long accepted = 0;
    long retried = 0;
    long failed = 0;
    for (int i = 0; i < views.size(); i++) {
      long due = start + i * intervalNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      PageView view = views.get(i);
      ApiClient.EventAnswer answer = api.postEvent(codec.encode(view));
      for (int attempt = 1; attempt < ATTEMPTS && (answer.status() == 429 || answer.status() == 503); attempt++) {
        retried++;
        Thread.sleep(RETRY_PAUSE.toMillis());
        answer = api.postEvent(codec.encode(view));
      }
      if (answer.accepted()) {
        log.append(view.eventId(), view.articleId());
        accepted++;
      } else {
        failed++;
        progress.printf(Locale.ROOT, "[compose] %s not accepted: %d %s%n", view.eventId(), answer.status(), answer.error());
      }
      if ((i + 1) % 250 == 0) {
        progress.printf(Locale.ROOT, "[compose] %,d / %,d page views posted%n", i + 1, views.size());
      }
    }
    return new Result(accepted, retried, failed, (System.nanoTime() - start) / 1e9);
  }
}
