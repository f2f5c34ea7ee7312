package com.eplly.recommender.evaluate;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few driver threads that fit independent sources at once: most of a small Spark fit is fixed
 * cost per job (planning, scheduling, task set-up) during which one job leaves the cores idle,
 * so concurrent jobs overlap it.
 */
final class DriverThreads implements AutoCloseable {

  private final ExecutorService pool;

  DriverThreads(int threads, String name) {
    AtomicInteger count = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name + "-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /** Starts {@code step} when a thread is free (in submission order). */
  <T> Future<T> submit(Callable<T> step) {
    return pool.submit(step);
  }

  /** The step's result; its failure rethrown as it was thrown, when unchecked. */
  static <T> T await(Future<T> step) {
    try {
      return step.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a fit", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
