package com.eplly.api.changes;

import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import com.eplly.contracts.redis.RedisClients;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.UnifiedJedis;

/**
 * Listens on {@link Keyspace#changesChannel()} and hands each {@link ChangeNotice} to the
 * {@link ChangeListener}s, so a rule, an experiment or a hidden article reaches this instance within
 * a round trip. The subscription holds a connection of its own (a client of its own, so it never
 * takes one from the serving pool), re-subscribes after a failure with a growing pause, and each
 * time it subscribes asks every listener to {@link ChangeListener#resync() resync}.
 */
@Component
public class ChangeSubscriber implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ChangeSubscriber.class);
  private static final Duration MAX_PAUSE = Duration.ofSeconds(5);

  private final EpllyProperties properties;
  private final List<ChangeListener> listeners;
  private final Listener pubSub = new Listener();
  private volatile boolean running;
  private volatile UnifiedJedis client;
  private Thread thread;

  public ChangeSubscriber(EpllyProperties properties, List<ChangeListener> listeners) {
    this.properties = properties;
    this.listeners = listeners;
  }

  @Override
  public synchronized void start() {
    running = true;
    thread = new Thread(this::run, "eplly-changes");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public synchronized void stop() {
    running = false;
    try {
      if (pubSub.isSubscribed()) {
        pubSub.unsubscribe();
      }
    } catch (RuntimeException e) {
      log.debug("unsubscribe failed while stopping", e);
    }
    UnifiedJedis c = client;
    if (c != null) {
      c.close();
    }
    thread.interrupt();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long pauseMs = 100;
    boolean failing = false;
    while (running) {
      try (UnifiedJedis c = RedisClients.open(properties.redis())) {
        client = c;
        c.subscribe(pubSub, Keyspace.changesChannel()); // returns when unsubscribed
        pauseMs = 100;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (!failing) {
          log.warn("change notices unavailable, retrying (caches refresh on their own schedule meanwhile): {}",
              e.toString());
        }
        failing = true;
        try {
          Thread.sleep(pauseMs);
        } catch (InterruptedException interrupted) {
          return;
        }
        pauseMs = Math.min(pauseMs * 2, MAX_PAUSE.toMillis());
        continue;
      }
      failing = false;
    }
  }

  private final class Listener extends JedisPubSub {

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      log.info("listening for change notices on {}", channel);
      for (ChangeListener l : listeners) {
        try {
          l.resync();
        } catch (RuntimeException e) {
          log.warn("{} could not resync: {}", l.getClass().getSimpleName(), e.toString());
        }
      }
    }

    @Override
    public void onMessage(String channel, String message) {
      ChangeNotice notice = ChangeNotice.parse(message);
      if (notice == null) {
        log.debug("ignoring unknown change notice {}", message);
        return;
      }
      for (ChangeListener l : listeners) {
        try {
          l.changed(notice);
        } catch (RuntimeException e) {
          log.warn("{} failed on {}: {}", l.getClass().getSimpleName(), message, e.toString());
        }
      }
    }
  }
}
