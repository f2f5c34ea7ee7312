package com.eplly.api.editorial;

import com.eplly.api.changes.ChangePublisher;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.ConflictException;
import com.eplly.api.errors.NotFoundException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.editorial.EditorialRule;
import com.eplly.contracts.editorial.EditorialRuleJson;
import com.eplly.contracts.editorial.EditorialRuleValidation;
import com.eplly.contracts.redis.ChangeNotice;
import com.eplly.contracts.redis.Keyspace;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.UnifiedJedis;

/**
 * Editors' rules in Redis ({@link Keyspace#editorialRules()}): add one, delete one, read them. Every
 * change bumps {@link Keyspace#editorialRevision()} and is announced ({@link ChangeNotice#RULES}),
 * so every instance's {@link ActiveRules} reloads within a round trip. Ended rules are pruned on
 * every write, so the cap counts rules that still matter.
 */
@Component
public class RuleStore {

  private static final Logger log = LoggerFactory.getLogger(RuleStore.class);

  private final UnifiedJedis redis;
  private final EditorialRuleJson json;
  private final EditorialRuleValidation validation = new EditorialRuleValidation();
  private final ChangePublisher changes;
  private final Clock clock;

  public RuleStore(UnifiedJedis redis, EditorialRuleJson json, ChangePublisher changes, Clock clock) {
    this.redis = redis;
    this.json = json;
    this.changes = changes;
    this.clock = clock;
  }

  /** Every stored rule, ended ones included until the next write prunes them; the newest first. */
  public List<EditorialRule> all() {
    List<EditorialRule> out = new ArrayList<>();
    for (Map.Entry<String, String> e : redis.hgetAll(Keyspace.editorialRules()).entrySet()) {
      decode(e.getKey(), e.getValue()).ifPresent(out::add);
    }
    out.sort(Comparator.comparing(EditorialRule::createdAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return out;
  }

  /** @throws NotFoundException when no rule has that id */
  public EditorialRule get(String id) {
    return decode(id, redis.hget(Keyspace.editorialRules(), id))
        .orElseThrow(() -> new NotFoundException("no rule with id " + id));
  }

  /**
   * Stores {@code proposed} (a request: no id, no createdAt) under a new id, now.
   *
   * @throws BadRequestException when it has already ended
   * @throws ConflictException   when {@link Keyspace#MAX_EDITORIAL_RULES} rules are in force
   */
  public EditorialRule add(EditorialRule proposed) {
    Instant now = clock.instant();
    List<String> reasons = validation.checkNew(proposed, now);
    if (!reasons.isEmpty()) {
      throw new BadRequestException(String.join("; ", reasons));
    }
    pruneEnded(now);
    if (redis.hlen(Keyspace.editorialRules()) >= Keyspace.MAX_EDITORIAL_RULES) {
      throw new ConflictException(Keyspace.MAX_EDITORIAL_RULES + " rules are in force or scheduled; delete some first");
    }
    EditorialRule stored = proposed.stored(UUID.randomUUID().toString(), now);
    redis.hset(Keyspace.editorialRules(), stored.id(), json.write(stored));
    changed();
    return stored;
  }

  /**
   * Deletes a rule; it stops applying everywhere within a round trip.
   *
   * @throws NotFoundException when no rule has that id
   */
  public EditorialRule delete(String id) {
    EditorialRule rule = get(id);
    if (redis.hdel(Keyspace.editorialRules(), id) > 0) {
      changed();
    }
    return rule;
  }

  /** The revision every change bumps; null before the first change. */
  public String revision() {
    return redis.get(Keyspace.editorialRevision());
  }

  private void changed() {
    changes.changed(Keyspace.editorialRevision(), ChangeNotice.RULES);
  }

  private void pruneEnded(Instant now) {
    String[] ended = all().stream()
        .filter(r -> r.expiresAt() != null && !now.isBefore(r.expiresAt()))
        .map(EditorialRule::id)
        .toArray(String[]::new);
    if (ended.length > 0) {
      redis.hdel(Keyspace.editorialRules(), ended);
    }
  }

  private Optional<EditorialRule> decode(String id, String stored) {
    if (stored == null) {
      return Optional.empty();
    }
    Decoded<EditorialRule> decoded = json.read(stored);
    if (decoded instanceof Decoded.Valid<EditorialRule> valid) {
      return Optional.of(valid.value());
    }
    log.warn("ignoring malformed stored rule {}: {}", id, ((Decoded.Invalid<EditorialRule>) decoded).reason());
    return Optional.empty();
  }
}
