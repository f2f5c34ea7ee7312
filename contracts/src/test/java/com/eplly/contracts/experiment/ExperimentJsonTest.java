package com.eplly.contracts.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.contracts.codec.Decoded;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentJsonTest {

  private final ExperimentJson json = new ExperimentJson();

  /** The request body of issue 18, verbatim. */
  private static final String ISSUE_REQUEST = "{\"name\":\"hybrid-vs-popular\",\"unit\":\"reader\",\"arms\":["
      + "{\"name\":\"A\",\"version\":\"v20261127-204501\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]}";

  @Test
  void readsTheIssuesRequestBody() {
    Experiment e = valid(ISSUE_REQUEST);

    assertEquals(Experiment.proposed("hybrid-vs-popular", AssignmentUnit.READER, List.of(
        Arm.ofVersion("A", "v20261127-204501", 50), Arm.ofPolicy("B", Policy.POPULAR, 50))), e);
    assertEquals(ISSUE_REQUEST, json.write(e), "a proposal writes back to the same bytes");
  }

  @Test
  void aStoppedExperimentRoundTripsWithIsoInstants() {
    Experiment e = valid(ISSUE_REQUEST)
        .start(Instant.parse("2026-12-01T08:00:00Z")).stop(Instant.parse("2026-12-07T15:30:12.5Z"));
    String written = json.write(e);

    assertTrue(written.contains("\"status\":\"stopped\",\"startedAt\":\"2026-12-01T08:00:00Z\","
        + "\"stoppedAt\":\"2026-12-07T15:30:12.500Z\""), written);
    assertEquals(e, valid(written));
  }

  @Test
  void threeArmsWithSessionUnitRoundTrip() {
    Experiment e = Experiment.proposed("three_way", AssignmentUnit.SESSION, List.of(
        Arm.ofVersion("old", "v1", 34), Arm.ofVersion("new", "v2", 33), Arm.ofPolicy("rnd", Policy.RANDOM, 33)))
        .start(Instant.parse("2026-12-07T00:00:00Z"));

    assertEquals(e, valid(json.write(e)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "bad name          | {\"name\":\"Hybrid vs popular\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | name must be 1-64 characters of [a-z0-9_-]",
      "missing name      | {\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | name is missing",
      "unknown unit      | {\"name\":\"e\",\"unit\":\"device\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | unit must be one of reader, session, got device",
      "missing unit      | {\"name\":\"e\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | unit is missing",
      "one arm           | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":100}]} | arms must hold 2 to 10 arms, got 1",
      "no arms           | {\"name\":\"e\",\"unit\":\"reader\"} | arms must hold 2 to 10 arms, got 0",
      "duplicate arm     | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"A\",\"policy\":\"popular\",\"share\":50}]} | arms[1].name \"A\" is used by another arm",
      "both targets      | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"policy\":\"random\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | arms[0] must have exactly one of version",
      "no target         | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | arms[0] must have exactly one of version",
      "unknown policy    | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"trending\",\"share\":50}]} | arms[1].policy must be one of popular, random, got trending",
      "bad version       | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1:*\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | arms[0].version must be 1-64 characters",
      "sum 90            | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":40},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | arm shares must sum to 100, got 90",
      "zero share        | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":0},{\"name\":\"B\",\"policy\":\"popular\",\"share\":100}]} | arms[0].share is missing or 0",
      "missing share     | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\"},{\"name\":\"B\",\"policy\":\"popular\",\"share\":100}]} | arms[0].share is missing or 0",
      "share over 99     | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":-5},{\"name\":\"B\",\"policy\":\"popular\",\"share\":105}]} | arms[1].share must be an integer percentage from 1 to 99, got 105",
      "fractional share  | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50.5},{\"name\":\"B\",\"policy\":\"popular\",\"share\":49.5}]} | arms[0].share: Cannot coerce Floating-point value",
      "typo field        | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"shares\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | arms[0].shares is not a field of an arm",
      "null arm          | {\"name\":\"e\",\"unit\":\"reader\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},null]} | arms[1] is null",
      "times in request  | {\"name\":\"e\",\"unit\":\"reader\",\"startedAt\":\"2026-12-01T00:00:00Z\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | startedAt and stoppedAt are set by the server",
      "stopped early     | {\"name\":\"e\",\"unit\":\"reader\",\"status\":\"stopped\",\"startedAt\":\"2026-12-02T00:00:00Z\",\"stoppedAt\":\"2026-12-01T00:00:00Z\",\"arms\":[{\"name\":\"A\",\"version\":\"v1\",\"share\":50},{\"name\":\"B\",\"policy\":\"popular\",\"share\":50}]} | stoppedAt 2026-12-01T00:00:00Z is before startedAt",
      "duplicate key     | {\"name\":\"e\",\"name\":\"f\",\"unit\":\"reader\",\"arms\":[]} | malformed JSON: Duplicate field 'name'",
      "not json          | {oops | malformed JSON",
      "empty             | '' | empty body",
  })
  void refusesWithAMessageNamingTheField(String label, String body, String expected) {
    Decoded<Experiment> d = json.read(body);
    String reason = assertInstanceOf(Decoded.Invalid.class, d, label).reason();

    assertTrue(reason.contains(expected), label + ": " + reason);
  }

  @Test
  void reportsEveryBrokenRuleAtOnce() {
    String reason = ((Decoded.Invalid<Experiment>) json.read("{\"name\":\"E!\",\"unit\":\"reader\",\"arms\":["
        + "{\"name\":\"A\",\"version\":\"v1\",\"share\":30},{\"name\":\"B\",\"share\":30}]}")).reason();

    assertTrue(reason.contains("name must be") && reason.contains("arms[1] must have exactly one")
        && reason.contains("must sum to 100, got 60"), reason);
  }

  private Experiment valid(String body) {
    Decoded<Experiment> d = json.read(body);
    return (Experiment) assertInstanceOf(Decoded.Valid.class, d, d::toString).value();
  }
}
