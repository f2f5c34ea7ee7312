package com.eplly.api.experiment;

import com.eplly.api.changes.ChangePublisher;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.ConflictException;
import com.eplly.api.errors.NotFoundException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.experiment.ExperimentJson;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Experiment definitions in Redis ({@link Keyspace#experiments()}): start one (at most one running
 * per assignment unit, claimed with SET NX), stop it, read them. Every change bumps
 * {@link Keyspace#experimentsRevision()}, which every api instance polls, and is announced
 * ({@link ChangeNotice#EXPERIMENTS}) so they reload at once ({@link RunningExperiments}).
 */
@Component
public class ExperimentStore {

  private static final Logger log = LoggerFactory.getLogger(ExperimentStore.class);

  /** Deletes the unit's claim only if it is still this experiment's (a stop racing a new start). */
  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

  private final UnifiedJedis redis;
  private final ExperimentJson json;
  private final ChangePublisher changes;
  private final Clock clock;

  public ExperimentStore(UnifiedJedis redis, ExperimentJson json, ChangePublisher changes, Clock clock) {
    this.redis = redis;
    this.json = json;
    this.changes = changes;
    this.clock = clock;
  }

  /** Every stored experiment, the newest started first. */
  public List<Experiment> all() {
    List<Experiment> out = new ArrayList<>();
    for (String stored : redis.hvals(Keyspace.experiments())) {
      decode(stored).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(Experiment::startedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  /** @throws NotFoundException when no experiment has that name */
  public Experiment get(String name) {
    return decode(redis.hget(Keyspace.experiments(), name))
        .orElseThrow(() -> new NotFoundException("no experiment named " + name));
  }

  /**
   * Starts {@code proposed} now.
   *
   * @throws BadRequestException when an arm names a version that is not published
   * @throws ConflictException   when the name was used before or an experiment already runs for the unit
   */
  public Experiment start(Experiment proposed) {
    for (Arm arm : proposed.arms()) {
      if (arm.version() != null && !redis.exists(Keyspace.versionMeta(arm.version()))) {
        throw new BadRequestException("arm " + arm.name() + ": version " + arm.version()
            + " is not published (or has expired); see GET /v1/admin/models");
      }
    }
    String name = proposed.name();
    if (redis.hexists(Keyspace.experiments(), name)) {
      throw new ConflictException("an experiment named " + name + " exists; names are not reused, so that its"
          + " events stay attributed to it alone");
    }
    String unitKey = Keyspace.runningExperiment(proposed.unit().json());
    if (!"OK".equals(redis.set(unitKey, name, SetParams.setParams().nx()))) {
      throw new ConflictException("experiment " + redis.get(unitKey) + " is already running for unit "
          + proposed.unit().json() + "; stop it first");
    }
    Experiment started = proposed.start(clock.instant());
    if (redis.hsetnx(Keyspace.experiments(), name, json.write(started)) == 0) {
      redis.eval(RELEASE, 1, unitKey, name);
      throw new ConflictException("an experiment named " + name + " was just created by another call");
    }
    pruneStopped();
    changed();
    return started;
  }

  /**
   * Stops {@code name} now and frees its unit for the next experiment; a stopped one is returned as it is.
   *
   * @throws NotFoundException when no experiment has that name
   */
  public Experiment stop(String name) {
    Experiment current = get(name);
    if (!current.running()) {
      return current;
    }
    Experiment stopped = current.stop(clock.instant());
    redis.hset(Keyspace.experiments(), name, json.write(stopped));
    redis.eval(RELEASE, 1, Keyspace.runningExperiment(current.unit().json()), name);
    changed();
    return stopped;
  }

  private void changed() {
    changes.changed(Keyspace.experimentsRevision(), ChangeNotice.EXPERIMENTS);
  }

  /** Keeps the hash within {@link Keyspace#MAX_EXPERIMENTS}: the longest-stopped go first. */
  private void pruneStopped() {
    long excess = redis.hlen(Keyspace.experiments()) - Keyspace.MAX_EXPERIMENTS;
    if (excess <= 0) {
      return;
    }
    all().stream().filter(e -> !e.running())
        .sorted(Comparator.comparing(Experiment::stoppedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
        .limit(excess)
        .forEach(e -> redis.hdel(Keyspace.experiments(), e.name()));
  }

  private Optional<Experiment> decode(String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    Decoded<Experiment> decoded = json.read(stored);
    if (decoded instanceof Decoded.Valid<Experiment> valid) {
      return Optional.of(valid.value());
    }
    log.warn("ignoring a malformed stored experiment: {}", ((Decoded.Invalid<Experiment>) decoded).reason());
    return Optional.empty();
  }
}
