package com.eplly.contracts.privacy;

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

/** The JSON of a {@link ReaderErasure}: the erasures topic's values and the lake's erasure lines. */
public final class ReaderErasureJson {

  /** Reader ids are capped far below this by the event validation; an erasure is under 300 bytes. */
  public static final int MAX_BYTES = 4 * 1024;

  private final ObjectMapper mapper = StrictJson.mapper();

  public byte[] write(ReaderErasure erasure) {
    try {
      return mapper.writeValueAsBytes(erasure);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses and checks; the invalid reason names the field. */
  public Decoded<ReaderErasure> read(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return Decoded.invalid("empty record");
    }
    if (bytes.length > MAX_BYTES) {
      return Decoded.invalid("record of " + bytes.length + " bytes exceeds " + MAX_BYTES);
    }
    ReaderErasure erasure;
    try {
      erasure = mapper.readValue(bytes, ReaderErasure.class);
    } catch (IOException e) {
      return Decoded.invalid(JsonReadErrors.describe(e, depth -> "an erasure"));
    }
    if (erasure == null) {
      return Decoded.invalid("expected an erasure object, got null");
    }
    List<String> reasons = new ArrayList<>();
    if (erasure.readerId() == null || erasure.readerId().isBlank()) {
      reasons.add("readerId is missing");
    }
    if (erasure.erasedAt() <= 0) {
      reasons.add("erasedAt must be a positive epoch millisecond, got " + erasure.erasedAt());
    }
    if (erasure.requestedBy() == null || erasure.requestedBy().isBlank()) {
      reasons.add("requestedBy is missing");
    }
    return reasons.isEmpty() ? Decoded.valid(erasure) : Decoded.invalid(String.join("; ", reasons));
  }

  public Decoded<ReaderErasure> read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }
}
