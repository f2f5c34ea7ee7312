package com.eplly.api.experiment;

import com.eplly.api.audit.AuditAction;
import com.eplly.api.config.OpenApiConfig;
import com.eplly.api.errors.BadRequestException;
import com.eplly.api.errors.UnavailableException;
import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.experiment.Experiment;
import com.eplly.contracts.experiment.ExperimentJson;
import com.eplly.contracts.experiment.ExperimentReporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /v1/admin/experiments}: start, list, report, stop and promote A/B tests between model
 * versions and baseline policies. Guarded, like every {@code /v1/admin} path, by the API key.
 * Reports are written by {@link ExperimentJson}, the same shape {@code reco experiment-report} prints.
 */
@RestController
@Tag(name = "experiments", description = "A/B tests; every call needs the X-Api-Key header")
@SecurityRequirement(name = OpenApiConfig.ADMIN_KEY)
@RequestMapping(value = ExperimentController.BASE, produces = MediaType.APPLICATION_JSON_VALUE)
public class ExperimentController {

  static final String BASE = "/v1/admin/experiments";

  private final ExperimentStore store;
  private final ExperimentCounts counts;
  private final ExperimentReporter reporter;
  private final ExperimentJson json;
  private final Promotion promotion;

  public ExperimentController(ExperimentStore store, ExperimentCounts counts, ExperimentReporter reporter,
      ExperimentJson json, Promotion promotion) {
    this.store = store;
    this.counts = counts;
    this.reporter = reporter;
    this.json = json;
    this.promotion = promotion;
  }

  @Operation(summary = "Start an experiment: {\"name\",\"unit\":\"reader|session\",\"arms\":[{\"name\",\"version\" or"
      + " \"policy\":\"popular|random\",\"share\"}]}; shares are integers summing to 100; at most one running per unit")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @AuditAction("experiment.start")
  public ResponseEntity<String> start(@RequestBody(required = false) String body) {
    Decoded<Experiment> decoded = json.read(body);
    if (decoded instanceof Decoded.Invalid<Experiment> invalid) {
      throw new BadRequestException(invalid.reason());
    }
    Experiment proposed = ((Decoded.Valid<Experiment>) decoded).value();
    if (proposed.status() != null) {
      throw new BadRequestException("status, startedAt and stoppedAt are set by the server, not in a request");
    }
    Experiment started = redis(() -> store.start(proposed));
    return ResponseEntity.created(URI.create(BASE + "/" + started.name())).body(report(started));
  }

  @Operation(summary = "Every experiment's report, the newest first")
  @GetMapping
  public String list() {
    List<String> reports = redis(() -> store.all().stream().map(this::report).toList());
    return "[" + String.join(",", reports) + "]";
  }

  @Operation(summary = "One experiment's report: per arm units, served, viewable, clicks, CTR with its Wilson"
      + " interval; lift over the first arm with its interval and always-valid p-value; sample-ratio check")
  @GetMapping("/{name}")
  public String get(@PathVariable String name) {
    return redis(() -> report(store.get(name)));
  }

  @Operation(summary = "Where each arm's attributed clicks landed, by position and by reason (live counters,"
      + " summed over the experiment's hours), with its viewable answers as the click-through denominator")
  @GetMapping("/{name}/clicks")
  public List<ExperimentCounts.ArmClicks> clicks(@PathVariable String name) {
    return redis(() -> counts.clicks(store.get(name)));
  }

  @Operation(summary = "Stop an experiment (its unit is free for the next one); its report")
  @PostMapping("/{name}/stop")
  public String stop(@PathVariable String name) {
    return redis(() -> report(store.stop(name)));
  }

  @Operation(summary = "Activate an arm's model version if its quality gate passed (409 otherwise, with the"
      + " verdict); force=true activates it anyway and records that on the version")
  @PostMapping("/{name}/promote")
  public Promotion.Result promote(@PathVariable String name,
      @Parameter(description = "the arm whose version becomes the active one") @RequestParam String arm,
      @RequestParam(defaultValue = "false") boolean force) {
    return redis(() -> promotion.promote(store.get(name), arm, force));
  }

  private String report(Experiment experiment) {
    return json.write(reporter.report(experiment, counts.looks(experiment)));
  }

  private static <T> T redis(Supplier<T> work) {
    try {
      return work.get();
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      throw new UnavailableException("the experiment store (Redis) is unavailable, retry later", e);
    }
  }
}
