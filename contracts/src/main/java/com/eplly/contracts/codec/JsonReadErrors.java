package com.eplly.contracts.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/** One-line reasons for a strict Jackson read that failed, naming the field, e.g. {@code arms[1].share}. */
public final class JsonReadErrors {

  private JsonReadErrors() {}

  /**
   * @param objectAt what the object holding an unknown field is called, by its depth (1: the top
   *                 level), e.g. "an experiment", "an arm"
   */
  public static String describe(IOException ex, IntFunction<String> objectAt) {
    if (ex instanceof UnrecognizedPropertyException u) {
      return path(u) + " is not a field of " + objectAt.apply(u.getPath().size());
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
