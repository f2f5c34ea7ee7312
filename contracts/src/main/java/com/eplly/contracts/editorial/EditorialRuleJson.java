package com.eplly.contracts.editorial;

import com.eplly.contracts.codec.Decoded;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The JSON of an editorial rule, for the admin API's request bodies and the store's copy.
 * Strict like {@link com.eplly.contracts.experiment.ExperimentJson}: unknown fields, a fractional
 * slot and repeated keys are refused, so that a typo is a 400 rather than a silently different rule.
 * Instants are ISO-8601 strings.
 */
public final class EditorialRuleJson {

  /** A rule is under 1 KB. */
  public static final int MAX_BYTES = 4 * 1024;

  private final ObjectMapper mapper = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
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
      return Decoded.invalid(describe(ex));
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

  private static String describe(IOException ex) {
    if (ex instanceof UnrecognizedPropertyException u) {
      return path(u) + " is not a field of a rule";
    }
    if (ex instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      String allowed = Arrays.stream(f.getTargetType().getEnumConstants())
          .map(Object::toString).map(String::toLowerCase).collect(Collectors.joining(", "));
      return path(f) + " must be one of " + allowed + ", got " + f.getValue();
    }
    String prefix = ex instanceof JsonMappingException m && !m.getPath().isEmpty() ? path(m) + ": " : "malformed JSON: ";
    String msg = ex instanceof JsonProcessingException p ? p.getOriginalMessage() : ex.getMessage();
    String line = msg == null ? ex.getClass().getSimpleName() : msg.lines().findFirst().orElse("");
    return prefix + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      } else {
        b.append(b.length() == 0 ? "" : ".").append(r.getFieldName());
      }
    }
    return b.toString();
  }
}
