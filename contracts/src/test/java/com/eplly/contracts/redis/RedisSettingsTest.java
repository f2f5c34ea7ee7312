package com.eplly.contracts.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What an unset {@code eplly.redis.*} field means, the same for every process that binds it. */
class RedisSettingsTest {

  @Test
  void unsetFieldsTakeTheDocumentedDefaults() {
    RedisSettings unset = new RedisSettings(null, 0, null, 0, " ", "", false, "", null, null, "", 0);

    assertEquals("localhost", unset.host());
    assertEquals(6379, unset.port());
    assertEquals(List.of(), unset.clusterNodes());
    assertEquals(Duration.ofSeconds(2), unset.timeout());
    assertNull(unset.username());
    assertNull(unset.password());
    assertNull(unset.truststore());
    assertNull(unset.clientName());
    assertEquals(0, unset.poolSize());
    assertEquals("redis://localhost:6379", unset.display());
  }

  @Test
  void refusesATimeoutThatIsNotPositiveAndANegativePool() {
    assertThrows(IllegalArgumentException.class, () -> RedisSettings.of("h", 1, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new RedisSettings("h", 1, List.of(), 0, null, null, false, null, null, Duration.ofSeconds(1), null, -1));
  }
}
