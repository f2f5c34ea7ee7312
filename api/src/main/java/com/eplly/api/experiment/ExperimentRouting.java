package com.eplly.api.experiment;

import com.eplly.contracts.experiment.Arm;
import com.eplly.contracts.experiment.ArmAssigner;
import com.eplly.contracts.experiment.AssignmentUnit;
import com.eplly.contracts.experiment.Experiment;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Which experiment arm serves a request: the running experiment of the reader unit when the request
 * names a reader, else of the session unit when it names a session, by the sticky
 * {@link ArmAssigner}. A request without the unit's id gets the active version and is not counted.
 */
@Component
public class ExperimentRouting {

  /** The arm a request was assigned to in an experiment. */
  public record Assignment(Experiment experiment, Arm arm) {}

  private final RunningExperiments running;
  private final ArmAssigner assigner;

  public ExperimentRouting(RunningExperiments running, ArmAssigner assigner) {
    this.running = running;
    this.assigner = assigner;
  }

  /** The assignment of a request by {@code readerId} and {@code sessionId} (either may be null). */
  public Optional<Assignment> route(String readerId, String sessionId) {
    Optional<Assignment> byReader = assign(AssignmentUnit.READER, readerId);
    return byReader.isPresent() ? byReader : assign(AssignmentUnit.SESSION, sessionId);
  }

  private Optional<Assignment> assign(AssignmentUnit unit, String id) {
    if (id == null) {
      return Optional.empty();
    }
    return running.runningFor(unit).map(e -> new Assignment(e, assigner.assign(e, id)));
  }
}
