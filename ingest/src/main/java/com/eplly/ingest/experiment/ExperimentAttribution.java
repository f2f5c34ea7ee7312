package com.eplly.ingest.experiment;

import com.eplly.contracts.event.PageView;
import com.eplly.contracts.event.ServedEvent;
import com.eplly.contracts.event.ServedItem;
import com.eplly.contracts.event.ViewableImpression;
import com.eplly.contracts.experiment.ArmMeasure;
import com.eplly.contracts.experiment.LookSchedule;
import com.eplly.contracts.redis.Keyspace;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Turns experiment traffic into the live counters the admin API reports
 * ({@link Keyspace#experimentCounts}): every served answer of an arm, each unit once, each
 * answer's viewable impression once, and its first click within {@link Keyspace#ATTRIBUTION_WINDOW}.
 * Each count is gated by a marker set with NX ({@link Keyspace#experimentRequest},
 * {@link Keyspace#experimentUnit}), so a batch consumed twice (a crash before the offset commit)
 * counts nothing twice. A click whose answer is unknown or older than the window is not
 * attributed. A click counts its block as viewed when the viewable impression has not arrived
 * yet (the two travel on different topics), so an arm's clicks never exceed its viewable answers.
 * An impression or click whose answer is not known yet is handed back, for the caller to try again
 * ({@link PendingTouches}): the answer's served event may still be on its way.
 * Each step is one pipelined round trip per batch; the gate and its count are two commands, so a
 * crash between them can lose one count, never add one.
 */
public class ExperimentAttribution {

  private static final String EXPERIMENT = "e";
  private static final String ARM = "a";
  private static final String TIME = "t";
  private static final String REASONS = "r";
  private static final String VIEWED = "v";
  private static final String CLICKED = "c";
  private static final Duration REQUEST_TTL = Keyspace.ATTRIBUTION_WINDOW.plusHours(1);

  /** What one batch added. */
  public record Counted(int served, int units, int viewable, int clicks) {}

  /**
   * What a batch of viewable impressions or clicks added, and those whose answer is not known
   * (yet: its served event may still be on its way, or never: an answer outside experiments).
   */
  public record Outcome<T>(Counted counted, List<T> unknown) {}

  private final UnifiedJedis redis;

  public ExperimentAttribution(UnifiedJedis redis) {
    this.redis = redis;
  }

  /** Counts the served answers that belong to an experiment (and each unit the first time). */
  public Counted served(List<ServedEvent> events) {
    List<ServedEvent> inExperiment = events.stream().filter(e -> e.experiment() != null && e.arm() != null).toList();
    List<Response<Long>> claimed = new ArrayList<>(inExperiment.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (ServedEvent e : inExperiment) {
        claimed.add(p.hsetnx(Keyspace.experimentRequest(e.requestId()), EXPERIMENT, e.experiment()));
      }
      p.sync();
    }
    List<ServedEvent> fresh = new ArrayList<>();
    List<Response<String>> newUnits = new ArrayList<>();
    try (AbstractPipeline p = redis.pipelined()) {
      for (int i = 0; i < inExperiment.size(); i++) {
        if (claimed.get(i).get() != 1) {
          continue;
        }
        ServedEvent e = inExperiment.get(i);
        fresh.add(e);
        String request = Keyspace.experimentRequest(e.requestId());
        p.hset(request, Map.of(ARM, e.arm(), TIME, Long.toString(e.timestamp()), REASONS, reasons(e.items())));
        p.pexpire(request, REQUEST_TTL.toMillis());
        count(p, e.experiment(), e.timestamp(), Keyspace.experimentCountField(e.arm(), ArmMeasure.SERVED));
        String unit = e.readerId() != null ? e.readerId() : e.sessionId();
        newUnits.add(unit == null ? null : p.set(Keyspace.experimentUnit(e.experiment(), unit), e.arm(),
            SetParams.setParams().nx().px(Keyspace.EXPERIMENT_UNIT_TTL.toMillis())));
      }
      p.sync();
    }
    int units = 0;
    try (AbstractPipeline p = redis.pipelined()) {
      for (int i = 0; i < fresh.size(); i++) {
        if (newUnits.get(i) != null && "OK".equals(newUnits.get(i).get())) {
          ServedEvent e = fresh.get(i);
          count(p, e.experiment(), e.timestamp(), Keyspace.experimentCountField(e.arm(), ArmMeasure.UNITS));
          units++;
        }
      }
      p.sync();
    }
    return new Counted(fresh.size(), units, 0, 0);
  }

  /** Counts each experiment answer's first viewable impression. */
  public Outcome<ViewableImpression> viewable(List<ViewableImpression> events) {
    List<Touch> touches = events.stream().map(v -> new Touch(v.requestId(), v.timestamp(), 0)).toList();
    Marks marks = mark(touches, VIEWED);
    try (AbstractPipeline p = redis.pipelined()) {
      for (Marked m : marks.marked()) {
        count(p, m.experiment(), m.touch().timestamp(), Keyspace.experimentCountField(m.arm(), ArmMeasure.VIEWABLE));
      }
      p.sync();
    }
    return new Outcome<>(new Counted(0, 0, marks.marked().size(), 0), pick(events, marks.unknown()));
  }

  /**
   * Counts each experiment answer's first attributed click, by arm, position and reason; a click
   * on a block not yet counted as viewed counts it viewed. Page views without a requestId and
   * position are no clicks and are left out.
   */
  public Outcome<PageView> clicks(List<PageView> views) {
    List<PageView> attributed = views.stream().filter(v -> v.requestId() != null && v.position() != null).toList();
    List<Touch> touches = attributed.stream().map(v -> new Touch(v.requestId(), v.timestamp(), v.position())).toList();
    Marks clicked = mark(touches, CLICKED);
    List<Marked> seen = mark(clicked.marked().stream().map(Marked::touch).toList(), VIEWED).marked();
    try (AbstractPipeline p = redis.pipelined()) {
      for (Marked m : seen) {
        count(p, m.experiment(), m.touch().timestamp(), Keyspace.experimentCountField(m.arm(), ArmMeasure.VIEWABLE));
      }
      for (Marked m : clicked.marked()) {
        long at = m.touch().timestamp();
        count(p, m.experiment(), at, Keyspace.experimentCountField(m.arm(), ArmMeasure.CLICKS));
        int position = m.touch().position();
        count(p, m.experiment(), at, Keyspace.experimentPositionClicksField(m.arm(), position));
        String reason = m.reasonAt(position);
        if (reason != null) {
          count(p, m.experiment(), at, Keyspace.experimentReasonClicksField(m.arm(), reason));
        }
      }
      p.sync();
    }
    return new Outcome<>(new Counted(0, 0, seen.size(), clicked.marked().size()), pick(attributed, clicked.unknown()));
  }

  private static <T> List<T> pick(List<T> all, List<Integer> indexes) {
    return indexes.stream().map(all::get).toList();
  }

  /** An event about an answer: when, and (for a click) at which position. */
  private record Touch(String requestId, long timestamp, int position) {}

  /** A touch whose answer is an experiment's, within the window, and whose marker this call set. */
  private record Marked(Touch touch, String experiment, String arm, String reasons) {

    String reasonAt(int position) {
      String[] byPosition = reasons == null ? new String[0] : reasons.split(",", -1);
      return position >= 1 && position <= byPosition.length && !byPosition[position - 1].isEmpty()
          ? byPosition[position - 1] : null;
    }
  }

  /** The touches this call marked, and the indexes of those whose answer has no hash (unknown). */
  private record Marks(List<Marked> marked, List<Integer> unknown) {}

  /**
   * Sets {@code marker} on the answers of {@code touches} that are known and within the window,
   * unless set before; never creates an answer's hash (it would have no TTL).
   */
  private Marks mark(List<Touch> touches, String marker) {
    List<Response<List<String>>> known = new ArrayList<>(touches.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (Touch t : touches) {
        known.add(p.hmget(Keyspace.experimentRequest(t.requestId()), EXPERIMENT, ARM, TIME, REASONS));
      }
      p.sync();
    }
    List<Marked> candidates = new ArrayList<>();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < touches.size(); i++) {
      List<String> f = known.get(i).get();
      Touch t = touches.get(i);
      if (f.get(0) == null || f.get(1) == null || f.get(2) == null) {
        unknown.add(i);
      } else if (t.timestamp() - Long.parseLong(f.get(2)) <= Keyspace.ATTRIBUTION_WINDOW.toMillis()) {
        candidates.add(new Marked(t, f.get(0), f.get(1), f.get(3)));
      }
    }
    List<Response<Long>> set = new ArrayList<>(candidates.size());
    try (AbstractPipeline p = redis.pipelined()) {
      for (Marked m : candidates) {
        set.add(p.hsetnx(Keyspace.experimentRequest(m.touch().requestId()), marker, "1"));
      }
      p.sync();
    }
    List<Marked> out = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      if (set.get(i).get() == 1) {
        out.add(candidates.get(i));
      }
    }
    return new Marks(out, unknown);
  }

  private static void count(AbstractPipeline p, String experiment, long timestamp, String field) {
    String key = Keyspace.experimentCounts(experiment, LookSchedule.labelOf(timestamp));
    p.hincrBy(key, field, 1);
    p.pexpire(key, Keyspace.EXPERIMENT_COUNTS_TTL.toMillis());
  }

  private static String reasons(List<ServedItem> items) {
    String[] byPosition = new String[items.stream().mapToInt(ServedItem::position).max().orElse(0)];
    java.util.Arrays.fill(byPosition, "");
    for (ServedItem item : items) {
      if (item.position() >= 1) {
        byPosition[item.position() - 1] = item.reason() == null ? "" : item.reason();
      }
    }
    return java.util.Arrays.stream(byPosition).collect(Collectors.joining(","));
  }
}
