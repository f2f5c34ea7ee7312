package com.eplly.api.editorial;

import com.eplly.api.changes.ChangeListener;
import com.eplly.api.config.EpllyProperties;
import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRules;
import com.eplly.contracts.redis.ChangeNotice;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * The editors' rules in force, compiled for serving ({@link EditorialRules}), so a request never
 * pays a round trip for them. Reloaded on a {@link ChangeNotice#RULES} notice, when the subscription
 * resyncs, and when the backstop poll ({@code eplly.editorial.refresh}) sees the revision move;
 * recompiled from the rules it holds when one of them starts or ends. Keeps what it last read while
 * Redis is unreachable, so blocks keep applying to degraded answers.
 */
@Component
public class ActiveRules implements ChangeListener {

  private static final Logger log = LoggerFactory.getLogger(ActiveRules.class);

  private record State(String revision, List<EditorialRule> rules, EditorialRules compiled) {}

  private final RuleStore store;
  private final TaskScheduler scheduler;
  private final Clock clock;
  private final EpllyProperties.Editorial settings;
  private final AtomicReference<State> state =
      new AtomicReference<>(new State(null, List.of(), EditorialRules.NONE));
  private volatile boolean failing;

  public ActiveRules(RuleStore store, TaskScheduler scheduler, Clock clock, EpllyProperties properties) {
    this.store = store;
    this.scheduler = scheduler;
    this.clock = clock;
    this.settings = properties.editorial();
  }

  @EventListener(ApplicationReadyEvent.class)
  void start() {
    reload();
    scheduler.scheduleWithFixedDelay(this::refresh, settings.refresh());
  }

  /** The rules in force at {@code nowMs}; a map lookup, or a recompile of the held rules when one started or ended. */
  public EditorialRules at(long nowMs) {
    State s = state.get();
    Instant next = s.compiled().nextChangeAt();
    if (next == null || nowMs < next.toEpochMilli()) {
      return s.compiled();
    }
    State recompiled = new State(s.revision(), s.rules(), EditorialRules.compile(s.rules(), Instant.ofEpochMilli(nowMs)));
    state.compareAndSet(s, recompiled); // a lost race leaves a state at least as new
    return recompiled.compiled();
  }

  /** How many rules this instance holds (in force or scheduled), for the console. */
  public int held() {
    return state.get().rules().size();
  }

  @Override
  public void changed(ChangeNotice notice) {
    if (notice.kind() == ChangeNotice.Kind.RULES) {
      reload();
    }
  }

  @Override
  public void resync() {
    reload();
  }

  /** Reloads when the revision moved (the backstop poll). */
  public void refresh() {
    load(false);
  }

  /** Reloads whatever the revision says. */
  public void reload() {
    load(true);
  }

  private synchronized void load(boolean always) {
    try {
      String revision = store.revision();
      State current = state.get();
      if (!always && Objects.equals(revision, current.revision())) {
        return;
      }
      List<EditorialRule> rules = store.all();
      state.set(new State(revision, List.copyOf(rules), EditorialRules.compile(rules, clock.instant())));
      if (!Objects.equals(revision, current.revision())) {
        log.info("editorial rules: {} held (revision {})", rules.size(), revision);
      }
      failing = false;
    } catch (RuntimeException e) {
      if (!failing) {
        failing = true;
        log.warn("cannot read the editorial rules, keeping {}: {}", state.get().rules().size(), e.toString());
      }
    }
  }
}
