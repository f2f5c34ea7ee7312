package com.eplly.contracts.experiment;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.JsonReadErrors;
import com.eplly.contracts.codec.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON of an experiment, for the admin API's request bodies and the registry's stored copy, and
 * of its report.
 * Strict: unknown fields, fractional shares and repeated keys are refused, so that a typo or a
 * 50.5 % share is a 400 rather than a silently different experiment. Instants are ISO-8601 strings.
 */
public final class ExperimentJson {

  /** An experiment with ten arms is under 2 KB. */
  public static final int MAX_BYTES = 16 * 1024;

  private final ObjectMapper mapper = StrictJson.mapper();
  private final ExperimentValidation validation = new ExperimentValidation();

  public String write(Experiment experiment) {
    return writeValue(experiment);
  }

  /** The admin API's answer for one experiment; the same bytes whichever side built the report. */
  public String write(ExperimentReport report) {
    return writeValue(report);
  }

  /** Parses and validates; the invalid reason names the field, e.g. {@code arms[1].share}. */
  public Decoded<Experiment> read(String json) {
    if (json == null || json.isBlank()) {
      return Decoded.invalid("empty body");
    }
    if (json.length() > MAX_BYTES) {
      return Decoded.invalid("body of " + json.length() + " characters exceeds " + MAX_BYTES);
    }
    Experiment e;
    try {
      e = mapper.readValue(json, Experiment.class);
    } catch (IOException ex) {
      return Decoded.invalid(JsonReadErrors.describe(ex, depth -> depth > 1 ? "an arm" : "an experiment"));
    }
    if (e == null) {
      return Decoded.invalid("expected an experiment object, got null");
    }
    List<String> reasons = validation.check(e);
    return reasons.isEmpty() ? Decoded.valid(e) : Decoded.invalid(String.join("; ", reasons));
  }

  private String writeValue(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
