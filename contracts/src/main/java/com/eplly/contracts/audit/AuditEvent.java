package com.eplly.contracts.audit;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * One admin action, the value of the {@code audit} topic and one line of the lake's {@code audit}
 * dataset: who (the admin key's name) did what, to what, when, and how it ended.
 *
 * @param id        unique per action (a UUID), so a replayed record is recognised
 * @param at        when the action was answered, epoch milliseconds
 * @param actor     the name of the admin key that authenticated the request
 * @param action    what was done, {@code resource.verb}: {@code model.activate}, {@code experiment.start},
 *                  {@code rule.create}, {@code reader.erase}...
 * @param method    the HTTP method of the request
 * @param path      the request's path, as sent (no query string)
 * @param target    what the action was done to (a version, an experiment, a rule id, a reader), or null
 * @param details   small extra facts: query parameters, what the controller added; never a body
 * @param status    the HTTP status of the answer: 2xx done, anything else refused or failed
 * @param requestId the answer's {@code X-Request-Id}, to find the request in the api's logs
 */
@JsonPropertyOrder({"id", "at", "actor", "action", "method", "path", "target", "details", "status", "requestId"})
public record AuditEvent(
    String id, long at, String actor, String action, String method, String path, String target,
    Map<String, String> details, int status, String requestId) {

  public AuditEvent {
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
