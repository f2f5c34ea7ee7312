package com.eplly.api.experiment;

import com.eplly.api.changes.ChangeListener;
import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.experiment.AssignmentUnit;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * The experiments running now, per assignment unit, for serving: re-read from Redis when a
 * {@link ChangeNotice#EXPERIMENTS} notice arrives, or when {@link Keyspace#experimentsRevision()}
 * moves, which this instance polls every {@code eplly.experiments.refresh} as a backstop; so a
 * request never pays a round trip for them and a change reaches every instance within a round trip
 * (at worst that delay). Keeps what it last saw while Redis is unreachable.
 */
@Component
public class RunningExperiments implements ChangeListener {

  private static final Logger log = LoggerFactory.getLogger(RunningExperiments.class);

  private record Snapshot(String revision, Map<AssignmentUnit, Experiment> byUnit) {}

  private final ExperimentStore store;
  private final UnifiedJedis redis;
  private final TaskScheduler scheduler;
  private final EpllyProperties.Experiments settings;
  private final AtomicReference<Snapshot> current =
      new AtomicReference<>(new Snapshot(null, Map.of()));
  private volatile boolean failing;

  public RunningExperiments(ExperimentStore store, UnifiedJedis redis, TaskScheduler scheduler,
      EpllyProperties properties) {
    this.store = store;
    this.redis = redis;
    this.scheduler = scheduler;
    this.settings = properties.experiments();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    refresh();
    scheduler.scheduleWithFixedDelay(this::refresh, settings.refresh());
  }

  /** The experiment running for {@code unit}, if any. */
  public Optional<Experiment> runningFor(AssignmentUnit unit) {
    return Optional.ofNullable(current.get().byUnit().get(unit));
  }

  @Override
  public void changed(ChangeNotice notice) {
    if (notice.kind() == ChangeNotice.Kind.EXPERIMENTS) {
      refresh();
    }
  }

  @Override
  public void resync() {
    refresh();
  }

  /** Reloads the definitions when their revision moved; failures keep the last ones, logged once per outage. */
  public synchronized void refresh() {
    try {
      String revision = redis.get(Keyspace.experimentsRevision());
      if (Objects.equals(revision, current.get().revision())) {
        return;
      }
      Map<AssignmentUnit, Experiment> byUnit = new EnumMap<>(AssignmentUnit.class);
      for (Experiment e : store.all()) {
        if (e.running()) {
          byUnit.put(e.unit(), e);
        }
      }
      current.set(new Snapshot(revision, Map.copyOf(byUnit)));
      log.info("experiments running: {}", byUnit.isEmpty() ? "none" : byUnit.values().stream().map(Experiment::name).toList());
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("cannot read the experiments, keeping {}: {}", current.get().byUnit().keySet(), e.toString());
      }
    }
  }
}
