package com.eplly.contracts.editorial;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.JsonReadErrors;
import com.eplly.contracts.codec.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON of an editorial rule, for the admin API's request bodies and the store's copy.
 * Strict like {@link com.eplly.contracts.experiment.ExperimentJson}: unknown fields, a fractional
 * slot and repeated keys are refused, so that a typo is a 400 rather than a silently different rule.
 * Instants are ISO-8601 strings.
 */
public final class EditorialRuleJson {

  /** A rule is under 1 KB. */
  public static final int MAX_BYTES = 4 * 1024;

  private final ObjectMapper mapper = StrictJson.mapper();
  private final EditorialRuleValidation validation = new EditorialRuleValidation();

  public String write(EditorialRule rule) {
    return writeValue(rule);
  }

  /** The admin API's list answer: a JSON array of rules. */
  public String write(List<EditorialRule> rules) {
    return writeValue(rules);
  }

  /** Parses and validates; the invalid reason names the field, e.g. {@code slot}. */
  public Decoded<EditorialRule> read(String json) {
    if (json == null || json.isBlank()) {
      return Decoded.invalid("empty body");
    }
    if (json.length() > MAX_BYTES) {
      return Decoded.invalid("body of " + json.length() + " characters exceeds " + MAX_BYTES);
    }
    EditorialRule r;
    try {
      r = mapper.readValue(json, EditorialRule.class);
    } catch (IOException ex) {
      return Decoded.invalid(JsonReadErrors.describe(ex, depth -> "a rule"));
    }
    if (r == null) {
      return Decoded.invalid("expected a rule object, got null");
    }
    List<String> reasons = validation.check(r);
    return reasons.isEmpty() ? Decoded.valid(r) : Decoded.invalid(String.join("; ", reasons));
  }

  private String writeValue(Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
