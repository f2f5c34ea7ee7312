package com.eplly.contracts.audit;

import com.eplly.contracts.codec.Decoded;
import com.eplly.contracts.codec.JsonReadErrors;
import com.eplly.contracts.codec.StrictJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The JSON of an {@link AuditEvent}: the audit topic's values, the lake's audit lines and the console's rows. */
public final class AuditEventJson {

  /** An event carries names, a path and a few query parameters; far below this. */
  public static final int MAX_BYTES = 16 * 1024;

  private final ObjectMapper mapper = StrictJson.mapper();

  public byte[] write(AuditEvent event) {
    try {
      return mapper.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses and checks; the invalid reason names the field. */
  public Decoded<AuditEvent> read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Decoded.invalid("empty record");
    }
    if (bytes.length > MAX_BYTES) {
      return Decoded.invalid("record of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
    AuditEvent event;
    try {
      event = mapper.readValue(bytes, AuditEvent.class);
    } catch (IOException e) {
      return Decoded.invalid(JsonReadErrors.describe(e, depth -> "an audit event"));
    }
    if (event == null) {
      return Decoded.invalid("expected an audit event object, got null");
    }
    List<String> reasons = new ArrayList<>();
    required(event.id(), "id", reasons);
    required(event.actor(), "actor", reasons);
    required(event.action(), "action", reasons);
    required(event.method(), "method", reasons);
    required(event.path(), "path", reasons);
    if (event.at() <= 0) {
      reasons.add("at must be a positive epoch millisecond, got " + event.at());
    }
    if (event.status() < 100 || event.status() > 599) {
      reasons.add("status must be an HTTP status, got " + event.status());
    }
    return reasons.isEmpty() ? Decoded.valid(event) : Decoded.invalid(String.join("; ", reasons));
  }

  public Decoded<AuditEvent> read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void required(String value, String field, List<String> reasons) {
    if (value == null || value.isBlank()) {
      reasons.add(field + " is missing");
    }
  }
}
