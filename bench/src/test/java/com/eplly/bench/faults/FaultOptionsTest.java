package com.eplly.bench.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.eplly.deploy.service.ApiService;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultOptionsTest {

  @Test
  void defaultsRunEveryCaseInOrder() {
    FaultOptions o = FaultOptions.parse(new String[0]);
    assertEquals(FaultOptions.ALL_CASES, o.cases());
    assertEquals(300, o.bodyMb());
    assertEquals(200, o.max503Ms());
    assertEquals(FaultOptions.INGEST_DEFAULTS, o.ingestArgs());
    assertEquals(ApiService.UNLIMITED_INTAKE, o.apiArgs());
  }

  @Test
  void casesByNumberOrName() {
    assertEquals(List.of("kafka-outage", "huge-body"), FaultOptions.parse(new String[] {"--cases", "5,huge-body"}).cases());
    assertEquals(List.of("lake-full"), FaultOptions.parse(new String[] {"--cases=3"}).cases());
    assertThrows(IllegalArgumentException.class, () -> FaultOptions.parse(new String[] {"--cases", "6"}));
  }

  @Test
  void extraSettingsReplaceDefaultsOfTheSameKey() {
    FaultOptions o = FaultOptions.parse(new String[] {
        "--ingest-arg", "--eplly.redis.timeout=1s", "--api-arg=--eplly.events.rate-limit.enabled=true",
        "--api-arg", "--a.b=1", "--api-arg", "--a.b=2"});
    assertEquals("--eplly.redis.timeout=1s", o.ingestArgs().get(0));
    assertEquals(FaultOptions.INGEST_DEFAULTS.size(), o.ingestArgs().size());
    assertEquals(List.of("--eplly.events.rate-limit.enabled=true", "--a.b=2"), o.apiArgs());
  }

  @Test
  void refusesUnknownOrMalformedOptions() {
    assertThrows(IllegalArgumentException.class, () -> FaultOptions.parse(new String[] {"--eplly.redis.timeout=1s"}));
    assertThrows(IllegalArgumentException.class, () -> FaultOptions.parse(new String[] {"--api-arg", "eplly.x=1"}));
    assertThrows(IllegalArgumentException.class, () -> FaultOptions.parse(new String[] {"--views", "0"}));
    assertThrows(IllegalArgumentException.class, () -> FaultOptions.parse(new String[] {"--views"}));
  }
}
