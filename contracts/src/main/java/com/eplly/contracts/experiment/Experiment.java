package com.eplly.contracts.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * An A/B test between arms; the body of {@code POST /v1/admin/experiments} (name, unit, arms) and,
 * once started, what the registry keeps (status and times added). Check with {@link ExperimentValidation}.
 *
 * @param name      lower-case id, part of URLs, Redis keys and the assignment hash
 * @param unit      what sticks to an arm: a reader or a session
 * @param status    null in a request; set by {@link #start} and {@link #stop}
 * @param startedAt when it started assigning, or null before
 * @param stoppedAt when it stopped, or null while running
 * @param arms      two or more arms whose shares sum to 100; the first is the control for lifts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "unit", "status", "startedAt", "stoppedAt", "arms"})
public record Experiment(
    String name, AssignmentUnit unit, ExperimentStatus status, Instant startedAt, Instant stoppedAt, List<Arm> arms) {

  public Experiment {
    // Not List.copyOf: a null element must reach validation as a message, not throw here.
    arms = arms == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(arms));
  }

  /** A request to start an experiment: no status or times yet. */
  public static Experiment proposed(String name, AssignmentUnit unit, List<Arm> arms) {
    return new Experiment(name, unit, null, null, null, arms);
  }

  public Experiment start(Instant at) {
    return new Experiment(name, unit, ExperimentStatus.RUNNING, at, null, arms);
  }

  public Experiment stop(Instant at) {
    return new Experiment(name, unit, ExperimentStatus.STOPPED, startedAt, at, arms);
  }

  public boolean running() {
    return status == ExperimentStatus.RUNNING;
  }
}
